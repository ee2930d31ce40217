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
import { EventStatements } from './sqlite-statements';

/** One caller's append, already validated and serialised by `prepareAppend`. */
export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expectedVersion: ExpectedVersion;
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
  const appendOne = (append: PendingAppend): AppendResult => {
    const { streamId, events, expectedVersion } = append;
    const ids = JSON.stringify(events.map((e) => e.eventId));
    const stored = statements.byEventIds.all(ids).map(toRecordedEvent);
    const retried = resolveRetry(streamId, events, stored);
    if (retried) return retried;
    const found = statements.streamVersion.get(streamId) ?? null;
    const actual: ActualVersion = found === null ? 'no_stream' : Number(found);
    if (!matchesExpectation(expectedVersion, actual)) {
      throw new ConcurrencyError(streamId, expectedVersion, actual);
    }
    let version = versionOf(actual);
    let position = 0n;
    for (const e of events) {
      version++;
      const { lastInsertRowid } = statements.insert.run(
        streamId,
        version,
        e.eventId,
        e.type,
        e.schemaVersion,
        e.json,
        e.occurredAt.getTime(),
        e.recordedAt.getTime(),
        e.correlationId,
        e.causationId,
        e.actor,
      );
      position = BigInt(lastInsertRowid);
    }
    return { nextExpectedVersion: version, lastPosition: position };
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
