import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONSENT_PURPOSES, ConsentPurpose } from '../preferences/preferences.types';

/** What a signed opt-out link says: whose consent, for what (null: every purpose), since when. */
export interface OptOutClaim {
  readonly customerId: string;
  readonly purpose: ConsentPurpose | null;
  readonly issuedAt: string;
}

export type OptOutTokenCheck =
  | { readonly kind: 'valid'; readonly claim: OptOutClaim }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'forged' };

const ALL = 'all';
/** The API refuses path parameters over 100 characters. */
export const MAX_OPT_OUT_TOKEN_LENGTH = 100;
/** HMAC-SHA256 truncated to 128 bits (RFC 2104 allows it): short links, still unforgeable. */
const MAC_BYTES = 16;

const mac = (secret: string, payload: string): Buffer =>
  createHmac('sha256', secret).update(payload).digest().subarray(0, MAC_BYTES);

/**
 * `<payload>.<mac>`, both base64url: the payload is `customerId \n purpose \n issuedAt` (epoch
 * seconds, base 36), the mac HMAC-SHA256 of the payload under the secret. No expiry: a notice's
 * link keeps working. Throws for a customer id too long to fit a link (about 45 characters).
 */
export function signOptOutToken(secret: string, claim: OptOutClaim): string {
  const seconds = Math.floor(Date.parse(claim.issuedAt) / 1000).toString(36);
  const payload = Buffer.from(
    [claim.customerId, claim.purpose ?? ALL, seconds].join('\n'),
  ).toString('base64url');
  const token = `${payload}.${mac(secret, payload).toString('base64url')}`;
  if (token.length > MAX_OPT_OUT_TOKEN_LENGTH)
    throw new RangeError('customer id too long for an opt-out link');
  return token;
}

function claimOf(payload: string): OptOutClaim | null {
  const parts = Buffer.from(payload, 'base64url').toString('utf8').split('\n');
  if (parts.length !== 3) return null;
  const [customerId, purpose, seconds] = parts;
  if (customerId.length === 0 || !/^[0-9a-z]{1,10}$/.test(seconds)) return null;
  const issuedAt = new Date(parseInt(seconds, 36) * 1000).toISOString();
  if (purpose === ALL) return { customerId, purpose: null, issuedAt };
  if (!CONSENT_PURPOSES.includes(purpose as ConsentPurpose)) return null;
  return { customerId, purpose: purpose as ConsentPurpose, issuedAt };
}

/** The signature is checked before the payload is believed; its shape only says which refusal. */
export function verifyOptOutToken(secret: string, token: string): OptOutTokenCheck {
  const parts = token.length <= MAX_OPT_OUT_TOKEN_LENGTH ? token.split('.') : [];
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0] + parts[1]))
    return { kind: 'malformed' };
  const [payload, signature] = parts;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { kind: 'forged' };
  const claim = claimOf(payload);
  return claim === null ? { kind: 'malformed' } : { kind: 'valid', claim };
}
