import { RoutingInput } from '@heard/directory';
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
import { RoutingDirectory, RoutingFacts } from '../route-case/routing-directory';
import { routeNewCase } from '../route-case/route-new-case';
import { AssignCase, CaseSteps, LoadedFeedback, OpenCase } from './case-steps';
import { slaFor } from './case-sla';

export interface OpenOrMergeDeps {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly mergeKeys: CaseMergeKeys;
  readonly directory: RoutingDirectory;
  readonly mergeWindowMs: number;
  readonly targetHours: number;
}

export function foldFeedback(history: readonly RecordedEvent[]): LoadedFeedback {
  const state = history.reduce(
    (s, e) => feedbackDecider.evolve(s, { type: e.type, data: e.data } as FeedbackEvent),
    feedbackDecider.initialState(),
  );
  return { state, version: history[history.length - 1]?.streamVersion ?? 0 };
}

/**
 * Negative feedback gets a case: the open case of the same customer, store and category absorbs
 * it, or its own case opens and is routed. Linking the feedback is the last step, so a feedback
 * already linked was fully handled and a redelivery stops at once. `history` is the feedback
 * stream if the caller has just read it; otherwise it is read here.
 */
export async function openOrMerge(
  deps: OpenOrMergeDeps,
  cause: RecordedEvent,
  history?: readonly RecordedEvent[],
): Promise<void> {
  const triaged = cause.data as FeedbackTriaged['data'];
  if (!triaged.needsCase) return;
  const feedback = foldFeedback(
    history ?? (await deps.store.readStream(feedbackStreamId(triaged.feedbackId))),
  );
  if (feedback.state.status !== 'received' || feedback.state.caseId !== null) return;
  const received = feedback.state.received;
  const at = cause.recordedAt.toISOString();
  const steps = new CaseSteps(deps.store, cause);
  const ownCaseId = caseIdForFeedback(triaged.feedbackId);
  const facts: MergeFacts | null =
    received.customer.id === undefined
      ? null
      : { customerId: received.customer.id, storeId: received.storeId, category: triaged.category };

  // What routing needs is read alongside the merge-key lookup rather than after it: a new case
  // saves a round trip, a merge merely leaves the answer unused.
  const routing = deps.directory.factsFor(received.storeId);
  routing.catch(() => undefined);
  const candidate = facts === null ? null : await deps.mergeKeys.find(facts);
  const target = caseToMergeInto(candidate, ownCaseId, at, deps.mergeWindowMs);
  if (target !== null && (await steps.attach(target, triaged.feedbackId, at))) {
    await steps.link(triaged.feedbackId, target, true, at, feedback);
    return;
  }

  // Routing does not read the merge keys, so the claim is written while the case is routed; the
  // case opens only once both are done, so the claim still comes before the case it names.
  const claimed =
    facts === null
      ? undefined
      : deps.mergeKeys.claim(facts, { caseId: ownCaseId, openedAt: at, open: true });
  const [, opening] = await Promise.all([
    claimed,
    routing.then((known) => decideOpening(deps, ownCaseId, received, triaged, at, known)),
  ]);
  await steps.openRouted(opening.open, opening.assign);
  await steps.link(triaged.feedbackId, ownCaseId, false, at, feedback);
}

async function decideOpening(
  deps: OpenOrMergeDeps,
  caseId: string,
  received: FeedbackReceived['data'],
  triaged: FeedbackTriaged['data'],
  at: string,
  routing: RoutingFacts,
): Promise<{ readonly open: OpenCase; readonly assign: AssignCase }> {
  const regionId = routing.storeEntry?.current.regionId ?? null;
  const priority = priorityForSeverity(triaged.severity);
  const open: OpenCase = {
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
    // A store change that the case opener had not read yet reaches the case by this.
    storeVersion: routing.storeEntry?.version ?? 0,
  };
  const input: RoutingInput = {
    storeId: received.storeId,
    regionId,
    category: triaged.category,
    channel: received.channel,
    priority,
    kind: received.kind,
  };
  // Routing needs only the case's facts, so it is decided first and stored with the opening.
  const decision = await routeNewCase(deps.dataSource, input, routing);
  return {
    open,
    assign: {
      type: 'AssignCase',
      ownerId: decision.ownerId,
      teamId: decision.teamId,
      assignedBy: { kind: 'rule', ruleId: decision.ruleId, rulesVersion: decision.rulesVersion },
      reason: decision.reason,
      at,
    },
  };
}
