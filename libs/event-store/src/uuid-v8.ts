import { createHash } from 'node:crypto';

/**
 * RFC 9562 UUID version 8 from a SHA-256 of `name`: the same name always gives the same id, which
 * is what makes a retried or replayed command recognisable (deterministic stream and event ids).
 */
export function uuidV8FromName(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
