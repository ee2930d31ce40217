import { ConcurrencyError, EventStore, RecordedEvent } from '@heard/event-store';
import { CaseCommand } from '../../domain/case.commands';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { CaseEvent, HEARD_BOOKKEEPING_TYPES } from '../../domain/case.events';
import { ActiveCase } from '../../domain/case.state';
import { loadCase } from './load-case';

export interface CaseWork {
  readonly caseId: string;
  /** The version the caller last saw (If-Match); any other current version is a conflict. */
  readonly expectedVersion: number;
  readonly canSee: (state: ActiveCase) => boolean;
  /**
   * Builds the command from the current case, e.g. to keep its team on a reassignment. Called
   * only once the case is known to be visible, so its checks cannot tell a stranger anything.
   */
  readonly command: (state: ActiveCase) => CaseCommand | Promise<CaseCommand>;
  /** Recorded in the envelope of every event appended. */
  readonly actor: string;
}

export interface CaseWorkResult {
  readonly state: ActiveCase;
  readonly version: number;
  readonly updatedAt: string;
  readonly events: readonly CaseEvent[];
}

const ATTEMPTS = 3;

/** The caller saw `expected`, and all that came after is Heard's own bookkeeping. */
function seenEnough(history: readonly RecordedEvent[], expected: number, version: number): boolean {
  if (expected === version) return true;
  if (!Number.isSafeInteger(expected) || expected < 1 || expected > version) return false;
  return history
    .filter((e) => e.streamVersion > expected)
    .every((e) => HEARD_BOOKKEEPING_TYPES.has(e.type as CaseEvent['type']));
}

/**
 * A person's action on a case under optimistic concurrency: the append names the exact version
 * the caller saw, so a change by anyone in between answers a conflict with the current version
 * instead of being retried over the caller's head. A warning or breach Heard recorded meanwhile is
 * no such change: it would turn every action near a deadline into a conflict. Checked in this order: exists and visible
 * (else not found), version (else conflict), the domain's rules (else forbidden or conflict).
 */
export async function workOnCase(store: EventStore, work: CaseWork): Promise<CaseWorkResult> {
  const streamId = caseStreamId(work.caseId);
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadCase(store, work.caseId, work.canSee);
    const { state, version, updatedAt, history } = loaded;
    if (!seenEnough(history, work.expectedVersion, version)) {
      throw new ConcurrencyError(streamId, work.expectedVersion, version);
    }
    const command = await work.command(state);
    const events = caseDecider.decide(command, state);
    if (events.length === 0) return { state, version, updatedAt, events };
    try {
      const result = await store.append(
        streamId,
        events.map((event) => ({ ...event, occurredAt: new Date(command.at), actor: work.actor })),
        { expectedVersion: version },
      );
      return {
        state: events.reduce(caseDecider.evolve, state) as ActiveCase,
        version: result.nextExpectedVersion,
        updatedAt: command.at,
        events,
      };
    } catch (error) {
      // Lost to Heard's own bookkeeping (a warning while the command was built): decide again,
      // and the version check above still refuses anything a person did meanwhile.
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
