import { EventStore, RecordedEvent } from '@heard/event-store';
import { FeedbackReceived, FeedbackTriaged, feedbackStreamId } from '@heard/feedback';
import { Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';
import { DEFAULT_TARGET_HOURS } from '../../domain/case.types';
import { CaseMergeKeys } from '../merge-keys/case-merge-keys.table';
import { DEFAULT_MERGE_WINDOW_MS } from '../merge-keys/merge-key';
import { RoutingDirectory } from '../route-case/routing-directory';
import { followCaseLifecycle, LIFECYCLE_EVENTS } from './follow-case-lifecycle';
import { openOrMerge } from './open-or-merge';
import { ReadAhead } from './read-ahead';

export interface CaseOpenerOptions {
  /** How long an open case absorbs the same customer's feedback on the same store and category. */
  readonly mergeWindowMs?: number;
  /** Resolution target of a new case, in hours from receipt of its feedback. */
  readonly targetHours?: number;
}

export const CASE_OPENER = 'case-opener';

/** More than the triaged feedback of one batch of the log (500 events by default). */
const FEEDBACK_READ_AHEAD = 1000;

function customerOf(history: readonly RecordedEvent[]): string | null {
  const [first] = history;
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
    directory: new RoutingDirectory(deps.store),
    mergeWindowMs: options.mergeWindowMs ?? DEFAULT_MERGE_WINDOW_MS,
    targetHours: options.targetHours ?? DEFAULT_TARGET_HOURS,
  };
  // The feedback stream partitionOf reads for the customer is the one handle decides on: after
  // intake only this reactor writes it, and only in the handle that takes the read. A runner
  // that partitions asks every partition of a batch before handling it; a redelivered batch is
  // asked again, which reads again.
  const feedbackRead = new ReadAhead<readonly RecordedEvent[]>(FEEDBACK_READ_AHEAD);
  let watching = false;
  return {
    name: CASE_OPENER,
    // A runner that shows the reactor its batches shows it every one: from the first on, the
    // directory is read only when one of its streams changed. Called without (handle alone), it
    // catches up on every use.
    observe: (events) => {
      if (!watching) flow.directory.watch();
      watching = true;
      flow.directory.observe(events);
    },
    canHandle: (type) => type === 'FeedbackTriaged' || LIFECYCLE_EVENTS.has(type),
    handle: (event) => {
      if (event.type !== 'FeedbackTriaged') return followCaseLifecycle(mergeKeys, event);
      const { feedbackId } = event.data as FeedbackTriaged['data'];
      return openOrMerge(flow, event, feedbackRead.take(feedbackId));
    },
    // One customer's feedback and case changes stay in order: merging depends on it. Customers
    // are independent of each other, so their work may overlap.
    partitionOf: async (event) => {
      if (event.type === 'FeedbackTriaged') {
        const { feedbackId, needsCase } = event.data as FeedbackTriaged['data'];
        // Feedback that needs no case is not acted on, so its order does not matter.
        if (!needsCase) return `feedback:${feedbackId}`;
        const history = await deps.store.readStream(feedbackStreamId(feedbackId));
        feedbackRead.put(feedbackId, history);
        const customerId = customerOf(history);
        return customerId === null ? `feedback:${feedbackId}` : `customer:${customerId}`;
      }
      const caseId = event.streamId.slice('case-'.length);
      const customerId = await mergeKeys.customerOf(caseId);
      return customerId === null ? `case:${caseId}` : `customer:${customerId}`;
    },
  };
}
