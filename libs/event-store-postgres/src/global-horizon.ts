import { RecordedEvent } from '@heard/event-store';
import { toRecordedEvent } from './event-row';
import { decodePosition } from './global-position';
import { Queryable } from './queryable';

/*
 * Why the log is read only below a horizon:
 * a row's position comes from its writer's transaction id, taken when the transaction begins to
 * write, but transactions commit in any order. Had a reader returned a committed row of tx 101
 * while tx 100 was still open, its checkpoint would pass 100 and tx 100's rows, committed a moment
 * later, would be skipped for ever. pg_snapshot_xmin(pg_current_snapshot()) is the oldest
 * transaction still running anywhere on the server; every transaction below it has finished, so
 * no row can ever appear below it again. Reading only tx_id < horizon can stall while an old
 * transaction stays open (even one in another database: xids are server-wide), but never skips,
 * and since the horizon comes from the same snapshot the rows are read with, nothing below it is
 * missing from the page.
 */

export interface LogPage {
  readonly events: RecordedEvent[];
  /** Transactions below this id have all finished. */
  readonly horizon: bigint;
  /** The newest committed tx id above the horizon: rows held back behind an open transaction. */
  readonly heldBack: bigint | null;
}

interface PageRow {
  readonly horizon: string;
  readonly held_back: string | null;
  readonly event: string | null;
}

export async function readLogPage(
  db: Queryable,
  schema: string,
  after: bigint,
  limit: number,
): Promise<LogPage> {
  const { txId, index } = decodePosition(after);
  const { rows } = await db.query<PageRow>({
    name: `${schema}.read_log`,
    text: `SELECT * FROM ${schema}.read_log($1::xid8, $2::bigint, $3::integer)`,
    values: [txId, index, limit],
  });
  const first = rows[0];
  return {
    events: rows.flatMap((r) => (r.event === null ? [] : [toRecordedEvent(r.event)])),
    horizon: BigInt(first.horizon),
    heldBack: first.held_back === null ? null : BigInt(first.held_back),
  };
}
