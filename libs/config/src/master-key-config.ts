import { ConfigError, HeardConfig } from './config';

type Env = Readonly<Record<string, string | undefined>>;

export type MasterKeyConfig = Pick<
  HeardConfig,
  'masterKey' | 'newMasterKey' | 'usingDevelopmentMasterKey'
>;

/** A key anyone can read here: the embedded default's, never for real customers' data. */
export const DEVELOPMENT_MASTER_KEY = Buffer.from(
  'heard-development-master-key-32b',
  'utf8',
).toString('base64');

function base64Key(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  const bytes = Buffer.from(raw, 'base64');
  // Node's decoder skips what is not base64; re-encoding shows whether anything was skipped.
  if (bytes.length !== 32 || bytes.toString('base64') !== raw)
    throw new ConfigError(
      name,
      `must be 32 bytes in base64, e.g. from \`openssl rand -base64 32\` (got ${bytes.length} bytes)`,
    );
  return raw;
}

/**
 * The key that wraps every customer's data key (crypto-shredding). The embedded default may run
 * on the development key, announced at start; anywhere else it is required.
 */
export function loadMasterKeyConfig(env: Env, embedded: boolean): MasterKeyConfig {
  const given = base64Key(env, 'HEARD_MASTER_KEY');
  if (given === null && !embedded)
    throw new ConfigError('HEARD_MASTER_KEY', 'is required outside the embedded default');
  const next = base64Key(env, 'HEARD_NEW_MASTER_KEY');
  const masterKey = given ?? DEVELOPMENT_MASTER_KEY;
  if (next !== null && Buffer.from(next, 'base64').equals(Buffer.from(masterKey, 'base64')))
    throw new ConfigError('HEARD_NEW_MASTER_KEY', 'must differ from HEARD_MASTER_KEY');
  return { masterKey, newMasterKey: next, usingDevelopmentMasterKey: given === null };
}
