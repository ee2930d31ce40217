import {
  ActualVersion,
  AppendResult,
  ConcurrencyError,
  EventIdReusedError,
  ExpectedVersion,
  matchesExpectation,
  PreparedEvent,
  resolveRetry,
  versionOf,
} from '@heard/event-store';
import Database from 'better-sqlite3';
import { Outcome } from './group-commit';
import { toRecordedEvent } from './sqlite-event-row';
import { EventStatements, InsertValues, MAX_ROWS_PER_INSERT } from './sqlite-statements';

/** One caller's append, already validated and serialised by `prepareAppend`. */
export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expectedVersion: ExpectedVersion;
  /**
   * The ids the caller chose. Only these can already be stored: the others are UUID v7s generated
   * for this append, and should one ever collide, the UNIQUE constraint still refuses it.
   */
  readonly suppliedIds: readonly string[];
}

const isRefusal = (error: unknown): boolean =>
  error instanceof ConcurrencyError || error instanceof EventIdReusedError;

/**
 * Writes a group of appends in one IMMEDIATE transaction, in queue order, so a later append to a
 * stream is checked against the stream as the earlier ones in the group left it.
 * Every refusal is decided before the append's first insert, so a refused append leaves nothing to
 * undo and the others commit. Any other error is a storage failure: the transaction rolls back and
 * the whole group fails, none of it acknowledged.
 */
export function sqliteGroupWriter(
  db: Database.Database,
  statements: EventStatements,
): (appends: readonly PendingAppend[]) => Outcome<AppendResult>[] {
  const storedAmong = (ids: readonly string[]) =>
    ids.length === 0 ? [] : statements.byEventIds.all(JSON.stringify(ids)).map(toRecordedEvent);

  const insert = (streamId: string, events: readonly PreparedEvent[], from: number): bigint => {
    let position = 0n;
    for (let start = 0; start < events.length; start += MAX_ROWS_PER_INSERT) {
      const chunk = events.slice(start, start + MAX_ROWS_PER_INSERT);
      const values: InsertValues = [];
      chunk.forEach((e, i) =>
        values.push(
          streamId,
          from + start + i,
          e.eventId,
          e.type,
          e.schemaVersion,
          e.json,
          e.occurredAt.getTime(),
          e.recordedAt.getTime(),
          e.correlationId,
          e.causationId,
          e.actor,
        ),
      );
      position = BigInt(statements.insertRows(chunk.length).run(...values).lastInsertRowid);
    }
    return position;
  };

  const appendOne = (append: PendingAppend): AppendResult => {
    const { streamId, events, expectedVersion } = append;
    const retried = resolveRetry(streamId, events, storedAmong(append.suppliedIds));
    if (retried) return retried;
    const found = statements.streamVersion.get(streamId) ?? null;
    const actual: ActualVersion = found === null ? 'no_stream' : Number(found);
    if (!matchesExpectation(expectedVersion, actual)) {
      throw new ConcurrencyError(streamId, expectedVersion, actual);
    }
    const first = versionOf(actual) + 1;
    const lastPosition = insert(streamId, events, first);
    return { nextExpectedVersion: first + events.length - 1, lastPosition };
  };

  const writeGroup = db.transaction((appends: readonly PendingAppend[]) =>
    appends.map((append): Outcome<AppendResult> => {
      try {
        return { ok: true, value: appendOne(append) };
      } catch (error) {
        if (isRefusal(error)) return { ok: false, error };
        throw error;
      }
    }),
  );
  return (appends) => writeGroup.immediate(appends);
}
