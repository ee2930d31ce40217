import { Sla } from '../../domain/case.types';

/**
 * The resolution target runs from when Heard received the feedback, not from when the customer
 * says it happened: a letter about last month would otherwise open a case that is already late,
 * while time lost inside Heard (intake, triage, routing) rightly counts against us.
 */
export function slaFor(receivedAt: string, targetHours: number): Sla {
  return {
    targetHours,
    dueAt: new Date(Date.parse(receivedAt) + targetHours * 3600_000).toISOString(),
  };
}
