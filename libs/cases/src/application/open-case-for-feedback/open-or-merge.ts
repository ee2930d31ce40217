import { getStore } from '@heard/directory';
import { EventStore, RecordedEvent } from '@heard/event-store';
import {
  FeedbackReceived,
  FeedbackTriaged,
  feedbackDecider,
  FeedbackEvent,
  feedbackStreamId,
} from '@heard/feedback';
import { DataSource } from 'typeorm';
import { caseIdForFeedback } from '../../domain/case.decider';
import { priorityForSeverity } from '../../domain/case.types';
import { CaseMergeKeys } from '../merge-keys/case-merge-keys.table';
import { caseToMergeInto, MergeFacts } from '../merge-keys/merge-key';
import { routeNewCase } from '../route-case/route-new-case';
import { CaseSteps } from './case-steps';
import { slaFor } from './case-sla';

export interface OpenOrMergeDeps {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly mergeKeys: CaseMergeKeys;
  readonly mergeWindowMs: number;
  readonly targetHours: number;
}

async function loadFeedback(store: EventStore, feedbackId: string) {
  const history = await store.readStream(feedbackStreamId(feedbackId));
  return history.reduce(
    (state, e) => feedbackDecider.evolve(state, { type: e.type, data: e.data } as FeedbackEvent),
    feedbackDecider.initialState(),
  );
}

/**
 * Negative feedback gets a case: the open case of the same customer, store and category absorbs
 * it, or its own case opens and is routed. Linking the feedback is the last step, so a feedback
 * already linked was fully handled and a redelivery stops at once.
 */
export async function openOrMerge(deps: OpenOrMergeDeps, cause: RecordedEvent): Promise<void> {
  const triaged = cause.data as FeedbackTriaged['data'];
  if (!triaged.needsCase) return;
  const feedback = await loadFeedback(deps.store, triaged.feedbackId);
  if (feedback.status !== 'received' || feedback.caseId !== null) return;
  const received = feedback.received;
  const at = cause.recordedAt.toISOString();
  const steps = new CaseSteps(deps.store, cause);
  const ownCaseId = caseIdForFeedback(triaged.feedbackId);
  const facts: MergeFacts | null =
    received.customer.id === undefined
      ? null
      : { customerId: received.customer.id, storeId: received.storeId, category: triaged.category };

  const candidate = facts === null ? null : await deps.mergeKeys.find(facts);
  const target = caseToMergeInto(candidate, ownCaseId, at, deps.mergeWindowMs);
  if (target !== null && (await steps.attach(target, triaged.feedbackId, at))) {
    await steps.link(triaged.feedbackId, target, true, at);
    return;
  }

  if (facts !== null) {
    await deps.mergeKeys.claim(facts, { caseId: ownCaseId, openedAt: at, open: true });
  }
  await openAndRoute(deps, steps, ownCaseId, received, triaged, at);
  await steps.link(triaged.feedbackId, ownCaseId, false, at);
}

async function openAndRoute(
  deps: OpenOrMergeDeps,
  steps: CaseSteps,
  caseId: string,
  received: FeedbackReceived['data'],
  triaged: FeedbackTriaged['data'],
  at: string,
): Promise<void> {
  const storeEntry =
    received.storeId === null ? null : await getStore(deps.store, received.storeId);
  const regionId = storeEntry?.current.regionId ?? null;
  const priority = priorityForSeverity(triaged.severity);
  const open = {
    type: 'OpenCase',
    caseId,
    feedbackId: received.feedbackId,
    storeId: received.storeId,
    regionId,
    category: triaged.category,
    priority,
    customerId: received.customer.id ?? null,
    channel: received.channel,
    kind: received.kind,
    sla: slaFor(received.receivedAt, deps.targetHours),
    at,
  } as const;
  // Routing needs only the case's facts, so it is decided first and stored with the opening.
  const decision = await routeNewCase(deps.store, deps.dataSource, {
    storeId: received.storeId,
    regionId,
    category: triaged.category,
    channel: received.channel,
    priority,
    kind: received.kind,
  });
  await steps.openRouted(open, {
    type: 'AssignCase',
    ownerId: decision.ownerId,
    teamId: decision.teamId,
    assignedBy: { kind: 'rule', ruleId: decision.ruleId, rulesVersion: decision.rulesVersion },
    reason: decision.reason,
    at,
  });
}
