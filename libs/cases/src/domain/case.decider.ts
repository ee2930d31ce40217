import { Decider } from '@heard/event-store';
import { CaseCommand } from './case.commands';
import { decideCase } from './case.decide';
import { CaseEvent } from './case.events';
import { evolveCase } from './case.evolve';
import { CaseState, initialCaseState } from './case.state';

/** A case's id is its first feedback's id, so retries and replays of triage never open two. */
export const caseIdForFeedback = (feedbackId: string): string => feedbackId;
export const caseStreamId = (caseId: string): string => `case-${caseId}`;

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
};
