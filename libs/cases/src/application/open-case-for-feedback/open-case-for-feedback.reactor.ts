import { EventStore } from '@heard/event-store';
import { FeedbackReceived, feedbackStreamId } from '@heard/feedback';
import { Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';
import { DEFAULT_TARGET_HOURS } from '../../domain/case.types';
import { CaseMergeKeys } from '../merge-keys/case-merge-keys.table';
import { DEFAULT_MERGE_WINDOW_MS } from '../merge-keys/merge-key';
import { followCaseLifecycle, LIFECYCLE_EVENTS } from './follow-case-lifecycle';
import { openOrMerge } from './open-or-merge';

export interface CaseOpenerOptions {
  /** How long an open case absorbs the same customer's feedback on the same store and category. */
  readonly mergeWindowMs?: number;
  /** Resolution target of a new case, in hours from receipt of its feedback. */
  readonly targetHours?: number;
}

export const CASE_OPENER = 'case-opener';

async function customerOfFeedback(store: EventStore, feedbackId: string): Promise<string | null> {
  const [first] = await store.readStream(feedbackStreamId(feedbackId), { limit: 1 });
  const received =
    first?.type === 'FeedbackReceived' ? (first.data as FeedbackReceived['data']) : null;
  return received?.customer.id ?? null;
}

/** Triage said "needs a case": open or merge, route, link. Also follows case lifecycles for merging. */
export function openCaseForFeedbackReactor(
  deps: { readonly store: EventStore; readonly dataSource: DataSource },
  options: CaseOpenerOptions = {},
): Reactor {
  const mergeKeys = new CaseMergeKeys(deps.dataSource);
  const flow = {
    ...deps,
    mergeKeys,
    mergeWindowMs: options.mergeWindowMs ?? DEFAULT_MERGE_WINDOW_MS,
    targetHours: options.targetHours ?? DEFAULT_TARGET_HOURS,
  };
  return {
    name: CASE_OPENER,
    canHandle: (type) => type === 'FeedbackTriaged' || LIFECYCLE_EVENTS.has(type),
    handle: (event) =>
      event.type === 'FeedbackTriaged'
        ? openOrMerge(flow, event)
        : followCaseLifecycle(mergeKeys, event),
    // One customer's feedback and case changes stay in order: merging depends on it. Customers
    // are independent of each other, so their work may overlap.
    partitionOf: async (event) => {
      if (event.type === 'FeedbackTriaged') {
        const { feedbackId } = event.data as { feedbackId: string };
        const customerId = await customerOfFeedback(deps.store, feedbackId);
        return customerId === null ? `feedback:${feedbackId}` : `customer:${customerId}`;
      }
      const caseId = event.streamId.slice('case-'.length);
      const customerId = await mergeKeys.customerOf(caseId);
      return customerId === null ? `case:${caseId}` : `customer:${customerId}`;
    },
  };
}
