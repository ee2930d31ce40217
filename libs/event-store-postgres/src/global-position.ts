/**
 * The port's global position for a row at (tx_id, tx_index): tx_id in the high bits, the index
 * within the transaction in the low 32, so ordering the bigints orders the log by (tx_id, index)
 * and a checkpoint stays one number.
 */
const INDEX_BITS = 32n;
const INDEX_MASK = (1n << INDEX_BITS) - 1n;

export interface LogPosition {
  /** The writer's transaction id (xid8) as decimal text, as PostgreSQL prints it. */
  readonly txId: string;
  readonly index: number;
}

export const encodePosition = (txId: string | bigint, index: number): bigint =>
  (BigInt(txId) << INDEX_BITS) | BigInt(index);

export function decodePosition(position: bigint): LogPosition {
  if (position < 0n) throw new RangeError(`global position must not be negative: ${position}`);
  return { txId: (position >> INDEX_BITS).toString(), index: Number(position & INDEX_MASK) };
}
