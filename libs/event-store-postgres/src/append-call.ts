import { ActualVersion, AppendResult, ExpectedVersion, PreparedEvent } from '@heard/event-store';
import { CONFLICT, OUT_OF_ORDER, WRITTEN } from './append-function';
import { encodePosition } from './global-position';
import { Queryable } from './queryable';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expectedVersion: ExpectedVersion;
}

export type AppendStatus =
  | { readonly kind: 'written'; readonly result: AppendResult }
  | { readonly kind: 'conflict' | 'out_of_order'; readonly actual: ActualVersion };

interface AppendRow {
  readonly o_tx_id: string;
  readonly o_base_index: number;
  readonly o_statuses: number[];
  readonly o_versions: string[];
}

const expectedCode = (expected: ExpectedVersion): number =>
  typeof expected === 'number' ? expected : { any: -1, no_stream: -2, stream_exists: -3 }[expected];

/** Writes the requests with one call of the append function, in the transaction `db` is in. */
export async function callAppendFunction(
  db: Queryable,
  schema: string,
  requests: readonly AppendRequest[],
): Promise<AppendStatus[]> {
  const events = requests.flatMap((r, i) => r.events.map((e) => ({ e, a: i + 1 })));
  let first = 0;
  const firsts = requests.map((r) => (first += r.events.length) - r.events.length);
  const { rows } = await db.query<AppendRow>({
    name: `${schema}.append_batches`,
    text: `SELECT * FROM ${schema}.append_batches($1::text[], $2::bigint[], $3::integer[],
      $4::integer[], $5::float8[], $6::integer[], $7::uuid[], $8::text[], $9::integer[],
      $10::text[], $11::float8[], $12::text[], $13::text[], $14::text[])`,
    values: [
      requests.map((r) => r.streamId),
      requests.map((r) => expectedCode(r.expectedVersion)),
      requests.map((r) => r.events.length),
      firsts,
      requests.map((r) => r.events[0].recordedAt.getTime()),
      events.map(({ a }) => a),
      events.map(({ e }) => e.eventId),
      events.map(({ e }) => e.type),
      events.map(({ e }) => e.schemaVersion),
      events.map(({ e }) => e.json),
      events.map(({ e }) => e.occurredAt.getTime()),
      events.map(({ e }) => e.correlationId),
      events.map(({ e }) => e.causationId),
      events.map(({ e }) => e.actor),
    ],
  });
  const { o_tx_id: txId, o_base_index: base, o_statuses: statuses, o_versions } = rows[0];
  return requests.map((request, i): AppendStatus => {
    const version = Number(o_versions[i]);
    switch (statuses[i]) {
      case WRITTEN:
        return {
          kind: 'written',
          result: {
            nextExpectedVersion: version,
            lastPosition: encodePosition(txId, base + firsts[i] + request.events.length - 1),
          },
        };
      case CONFLICT:
      case OUT_OF_ORDER:
        return {
          kind: statuses[i] === CONFLICT ? 'conflict' : 'out_of_order',
          actual: version === 0 ? 'no_stream' : version,
        };
      default:
        throw new Error(`append function returned unknown status ${statuses[i]}`);
    }
  });
}
