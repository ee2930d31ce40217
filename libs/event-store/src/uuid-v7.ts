import { randomFillSync } from 'node:crypto';

// One random fill per 512 ids: a call per id costs several times more than the rest of the id.
const POOL_IDS = 512;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;

function randomSixteen(): Buffer {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = Buffer.from(pool.subarray(next * 16, next * 16 + 16));
  next++;
  return bytes;
}

/** RFC 9562 UUID version 7: 48-bit Unix milliseconds, then random bits, so ids sort by creation time. */
export function uuidV7(at: Date = new Date()): string {
  const bytes = randomSixteen();
  const ms = at.getTime();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
