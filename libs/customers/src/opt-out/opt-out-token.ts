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
const MAX_TOKEN_LENGTH = 600;

const mac = (secret: string, payload: string): Buffer =>
  createHmac('sha256', secret).update(payload).digest();

/**
 * `<payload>.<mac>`, both base64url: the payload is the JSON `[customerId, purpose, issuedAt]`,
 * the mac HMAC-SHA256 of the payload under the secret. No expiry: a notice's link keeps working.
 */
export function signOptOutToken(secret: string, claim: OptOutClaim): string {
  const payload = Buffer.from(
    JSON.stringify([claim.customerId, claim.purpose ?? ALL, claim.issuedAt]),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

function claimOf(payload: string): OptOutClaim | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [customerId, purpose, issuedAt] = parsed as unknown[];
  if (typeof customerId !== 'string' || customerId.length === 0) return null;
  if (typeof issuedAt !== 'string' || Number.isNaN(Date.parse(issuedAt))) return null;
  if (purpose === ALL) return { customerId, purpose: null, issuedAt };
  if (!CONSENT_PURPOSES.includes(purpose as ConsentPurpose)) return null;
  return { customerId, purpose: purpose as ConsentPurpose, issuedAt };
}

/** The signature is checked before the payload is believed; its shape only says which refusal. */
export function verifyOptOutToken(secret: string, token: string): OptOutTokenCheck {
  const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
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
