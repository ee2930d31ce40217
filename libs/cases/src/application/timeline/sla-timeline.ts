import { SlaApplied, SlaBreached, SlaRetargeted, SlaWarned } from '../../domain/case.events';
import { SlaTargetName } from '../../domain/case.types';
import { HEARD, TimelineLine } from './timeline-line';

const TARGET_WORDS: { readonly [T in SlaTargetName]: string } = {
  firstResponse: 'first response',
  nextUpdate: 'next update',
  resolution: 'resolution',
};

const target = (name: SlaTargetName, cycle: number): string =>
  `${TARGET_WORDS[name]} target${cycle > 1 ? ` (cycle ${cycle})` : ''}`;

/** `1 h 5 min`, `42 s`: a lateness staff can read at a glance. */
export function durationWords(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const parts: string[] = [];
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0) parts.push(`${minutes} min`);
  return parts.join(' ');
}

/** The SLA's lines of a staff timeline: Heard records them, from the policy the case opened under. */
export function describeSla(
  event: SlaApplied | SlaRetargeted | SlaWarned | SlaBreached,
): TimelineLine {
  switch (event.type) {
    case 'SlaApplied': {
      const d = event.data;
      const counting =
        d.calendarId === null
          ? `24x7 in ${d.timeZone}`
          : `calendar ${d.calendarId} version ${d.calendarVersion} in ${d.timeZone}`;
      return {
        who: HEARD,
        what: `applied SLA policy ${d.policyId} (policy set version ${d.policySetVersion}), business time counted ${counting}`,
        why: null,
      };
    }
    case 'SlaRetargeted': {
      const d = event.data;
      const dropped = d.dropped.length === 0 ? '' : `; no longer counted: ${d.dropped.join(', ')}`;
      return {
        who: HEARD,
        what: `re-targeted the case under SLA policy ${d.toPolicyId} (was ${d.fromPolicyId}, policy set version ${d.policySetVersion})${dropped}`,
        why: `the priority changed to ${d.priority}`,
      };
    }
    case 'SlaWarned':
      return {
        who: HEARD,
        what: `warned that the ${target(event.data.target, event.data.cycle)} is due ${event.data.dueAt}`,
        why: null,
      };
    case 'SlaBreached': {
      const d = event.data;
      return {
        who: HEARD,
        what: `recorded a breach of the ${target(d.target, d.cycle)}, due ${d.dueAt}`,
        why: `not met in time; recorded ${durationWords(d.lateByMs)} after it was due`,
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
