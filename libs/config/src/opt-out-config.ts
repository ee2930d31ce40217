import { hkdfSync } from 'node:crypto';
import { ConfigError, HeardConfig } from './config';

type Env = Readonly<Record<string, string | undefined>>;

export type OptOutConfig = Pick<HeardConfig, 'optOutSecret'>;

/**
 * What signs the opt-out links the notices carry (HMAC-SHA256). Unset, it is derived from the
 * master key, which every deployment has (and the embedded default announces when it is the
 * development one): links then stop working when the master key is rotated.
 */
export function loadOptOutConfig(env: Env, masterKey: string): OptOutConfig {
  const given = env.OPT_OUT_SECRET?.trim() || null;
  if (given !== null && given.length < 32)
    throw new ConfigError('OPT_OUT_SECRET', 'must be at least 32 characters');
  const derived = () =>
    Buffer.from(
      hkdfSync('sha256', Buffer.from(masterKey, 'base64'), '', 'heard opt-out links', 32),
    ).toString('base64');
  return { optOutSecret: given ?? derived() };
}
