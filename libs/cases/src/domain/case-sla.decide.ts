import { CaseCommand } from './case.commands';
import { CaseEvent } from './case.events';
import { ActiveCase } from './case.state';
import { OPEN_STATUSES, SLA_ESCALATOR, slaAlertKey } from './case.types';

type SlaCommand = Extract<
  CaseCommand,
  { type: 'ApplySla' | 'RetargetSla' | 'WarnSla' | 'BreachSla' | 'EscalateForSla' }
>;

const SLA_COMMANDS: ReadonlySet<string> = new Set([
  'ApplySla',
  'RetargetSla',
  'WarnSla',
  'BreachSla',
  'EscalateForSla',
]);

export const isSlaCommand = (command: CaseCommand): command is SlaCommand =>
  SLA_COMMANDS.has(command.type);

const ms = (iso: string) => new Date(iso).getTime();

/**
 * What the SLA context may record on a case. Each is Heard's own bookkeeping, never refused: a
 * policy applied once, and a warning or breach once per target and cycle while the case is being
 * worked (a timer that fires after the case was resolved owes nothing).
 */
export function decideSla(command: SlaCommand, state: ActiveCase): CaseEvent[] {
  switch (command.type) {
    case 'ApplySla': {
      if (state.sla !== null) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'SlaApplied', data }];
    }
    case 'RetargetSla': {
      if (state.sla === null) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'SlaRetargeted', data }];
    }
    case 'WarnSla': {
      const { target, cycle, dueAt, at } = command;
      if (!owes(state, slaAlertKey('warn', target, cycle))) return [];
      return [{ type: 'SlaWarned', data: { target, cycle, dueAt, at } }];
    }
    case 'BreachSla': {
      const { target, cycle, dueAt, at } = command;
      if (!owes(state, slaAlertKey('breach', target, cycle))) return [];
      const lateByMs = Math.max(0, ms(at) - ms(dueAt));
      return [{ type: 'SlaBreached', data: { target, cycle, dueAt, lateByMs, at } }];
    }
    case 'EscalateForSla':
      return escalate(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

const owes = (state: ActiveCase, key: string): boolean =>
  state.sla !== null && OPEN_STATUSES.includes(state.status) && !state.slaAlerts.includes(key);

/** Each level once, upwards only; `owner` hands the case over in the same append. */
function escalate(
  command: Extract<SlaCommand, { type: 'EscalateForSla' }>,
  state: ActiveCase,
): CaseEvent[] {
  if (!OPEN_STATUSES.includes(state.status) || command.level <= state.escalationLevel) return [];
  const { level, to, mode, ownerId, teamId, missed, reason, at } = command;
  const escalated: CaseEvent = {
    type: 'CaseEscalated',
    data: { by: SLA_ESCALATOR, at, level, to, reason, missed, mode },
  };
  const handsOver = mode === 'owner' && (ownerId !== null || teamId !== null);
  if (!handsOver || (state.ownerId === ownerId && ownerId !== null)) return [escalated];
  return [
    escalated,
    {
      type: 'CaseAssigned',
      data: { ownerId, teamId, assignedBy: { kind: 'escalation', level }, reason, at },
    },
  ];
}
