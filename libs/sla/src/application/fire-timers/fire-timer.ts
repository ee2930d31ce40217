import { CaseCommand, CaseEvent, caseDecider, caseStreamId } from '@heard/cases';
import {
  ConcurrencyError,
  EventIdReusedError,
  EventStore,
  uuidV8FromName,
} from '@heard/event-store';
import { TargetKind } from '../../domain/sla-policy';
import { SlaSources } from '../sla-sources';
import { SLA_ACTOR } from '../sla-envelope';
import { caseSlaClock } from './case-sla-clock';

export interface DueTimer {
  readonly caseId: string;
  readonly target: TargetKind;
  readonly cycle: number;
  readonly kind: 'warn' | 'breach';
  readonly dueAt: Date;
}

/** fired: appended now; settled: recorded before (by anyone); stale: no longer owed as listed. */
export type FireOutcome = 'fired' | 'settled' | 'stale';

const ATTEMPTS = 4;

/** The same timer due at the same moment gets the same id, whichever poller fires it, however often. */
export const timerEventId = (t: DueTimer, due: string): string =>
  uuidV8FromName(`sla-timer|${t.caseId}|${t.target}|${t.cycle}|${t.kind}|${due}`);

/**
 * Appends the warning or breach a timer is due for, after checking it against the case's own
 * stream (the timer table may lag it): a target met, paused or moved later owes nothing yet.
 */
export async function fireTimer(
  store: EventStore,
  sources: SlaSources,
  timer: DueTimer,
  now: Date,
): Promise<FireOutcome> {
  const streamId = caseStreamId(timer.caseId);
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    if (history.length === 0) return 'stale';
    const clock = await caseSlaClock(sources, history);
    const target = clock?.targets.find((t) => t.kind === timer.target && t.cycle === timer.cycle);
    if (target === undefined || target.state !== 'running' || target.dueAt === null) return 'stale';
    const due = timer.kind === 'warn' ? target.warnAt : target.dueAt;
    if (due === null || Date.parse(due) > now.getTime()) return 'stale';
    const at = now.toISOString();
    const command: CaseCommand =
      timer.kind === 'warn'
        ? { type: 'WarnSla', target: timer.target, cycle: timer.cycle, dueAt: target.dueAt, at }
        : { type: 'BreachSla', target: timer.target, cycle: timer.cycle, dueAt: target.dueAt, at };
    const state = history.reduce(
      (s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as CaseEvent),
      caseDecider.initialState(),
    );
    const events = caseDecider.decide(command, state);
    if (events.length === 0) return 'settled';
    const eventId = timerEventId(timer, due);
    try {
      await store.append(
        streamId,
        events.map((event) => ({ ...event, eventId, occurredAt: now, actor: SLA_ACTOR })),
        { expectedVersion: history[history.length - 1].streamVersion },
      );
      return 'fired';
    } catch (error) {
      // Another poller appended this very timer (its own `at`) first.
      if (error instanceof EventIdReusedError) return 'settled';
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
