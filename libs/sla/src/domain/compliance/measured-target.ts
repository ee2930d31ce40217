import { BusinessCalendar } from '../calendar';
import { businessMsBetween } from '../business-time';
import { SlaCycles } from '../sla-clock';
import { TargetState } from '../sla-clock-result';
import { SlaFact } from '../sla-fact';
import { TargetKind } from '../sla-policy';
import { cycleOutcome, TargetCycle } from '../target-cycle';

/**
 * One target of a case as compliance counts it: the policy's own targets only (a level's target
 * after an escalation is the escalation's business), each cycle of each kind. Epoch ms.
 */
export interface MeasuredTarget {
  readonly kind: TargetKind;
  readonly cycle: number;
  /** When it is (or was, or would have been) due; null while paused before it was due. */
  readonly dueAt: number | null;
  readonly state: TargetState;
  /** When what it asked for happened (late too): the response, the update, the resolution. */
  readonly doneAt: number | null;
  /** From its start to `doneAt` in the store's open hours, awaiting-customer time left out. */
  readonly businessMs: number | null;
  /** From its start to `doneAt`, every millisecond. */
  readonly wallClockMs: number | null;
}

/**
 * The folded targets as compliance counts them, as of `now` (null: as of the last fact, when a
 * running target breaches only by a reported breach). Business time is counted in the store's
 * calendar (every hour without one), whatever calendar kind the target itself counts in.
 */
export function measureTargets(
  folded: SlaCycles,
  facts: readonly SlaFact[],
  now: number | null,
): MeasuredTarget[] {
  const { pauses, resolutions } = waitsAndResolutionsOf(facts);
  const measured: MeasuredTarget[] = [];
  for (const c of folded.cycles) {
    if (c.escalationLevel !== 0) continue;
    const { dueAt, state } = cycleOutcome(c, folded.calendar, now);
    const doneAt = doneAtOf(c, resolutions);
    measured.push({
      kind: c.kind,
      cycle: c.cycle,
      dueAt,
      state,
      doneAt,
      businessMs: doneAt === null ? null : businessMs(folded.calendar, pauses, c.startedAt, doneAt),
      wallClockMs: doneAt === null ? null : doneAt - c.startedAt,
    });
  }
  return measured;
}

/**
 * A resolution target handed to an escalation level ended unmet; the case was resolved later
 * all the same, and leaving that out would leave out exactly the slow cases.
 */
function doneAtOf(c: TargetCycle, resolutions: readonly number[]): number | null {
  if (c.metAt !== null) return c.metAt;
  if (c.kind !== 'resolution' || c.endedAt === null) return null;
  return resolutions.find((at) => at >= c.startedAt) ?? null;
}

/** The waits for the customer: from a pause to the resume, resolution or close that ended it. */
export function pausesOf(facts: readonly SlaFact[]): [number, number][] {
  return waitsAndResolutionsOf(facts).pauses;
}

/** The waits and the resolutions of a history, in one pass. */
function waitsAndResolutionsOf(facts: readonly SlaFact[]): {
  pauses: [number, number][];
  resolutions: number[];
} {
  const pauses: [number, number][] = [];
  const resolutions: number[] = [];
  let since: number | null = null;
  for (const fact of facts) {
    const type = fact.type;
    if (type !== 'paused' && type !== 'resumed' && type !== 'resolved' && type !== 'closed') {
      continue;
    }
    const at = Date.parse(fact.at);
    if (type === 'resolved') resolutions.push(at);
    if (type === 'paused') {
      if (since === null) since = at;
    } else if (since !== null) {
      pauses.push([since, at]);
      since = null;
    }
  }
  if (since !== null) pauses.push([since, Infinity]);
  return { pauses, resolutions };
}

function businessMs(
  calendar: BusinessCalendar | null,
  pauses: readonly [number, number][],
  from: number,
  to: number,
): number {
  let ms = businessMsBetween(calendar, from, to);
  for (const [start, end] of pauses) {
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    if (b > a) ms -= businessMsBetween(calendar, a, b);
  }
  return ms;
}
