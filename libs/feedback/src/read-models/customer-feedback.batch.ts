import { RecordedEvent } from '@heard/event-store';
import { EntityManager } from 'typeorm';
import { FeedbackEvent } from '../domain/feedback.events';
import { caseIdOf, CustomerCaseEvent, STATUS_OF } from './apply-case-event';
import { feedbackViewRowOf } from './apply-feedback-event';
import { eventSide } from './event-side';
import { FeedbackCaseViewChanges } from './feedback-case-view.changes';
import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewChanges } from './feedback-view.changes';
import { FeedbackViewRow } from './feedback-view.entity';
import { StoredRow, StoredTable } from './stored-table';

type Apply = (event: RecordedEvent, manager: EntityManager) => Promise<void>;

interface Fold {
  readonly feedback: FeedbackViewChanges;
  readonly cases: FeedbackCaseViewChanges;
  /** Reply rows by id; the first event with an id wins, as insert-if-absent does. */
  readonly replies: Map<string, FeedbackReplyViewRow>;
}

const asFeedbackEvent = (event: RecordedEvent) =>
  ({ type: event.type, data: event.data }) as FeedbackEvent;
const asCaseEvent = (event: RecordedEvent) =>
  ({ type: event.type, data: event.data }) as CustomerCaseEvent;

/** The keys whose stored rows the fold starts from. */
function touchedKeys(events: readonly RecordedEvent[]) {
  const feedbackIds = new Set<string>();
  const caseIds = new Set<string>();
  for (const event of events) {
    const side = eventSide(event);
    if (side === 'feedback') feedbackIds.add(asFeedbackEvent(event).data.feedbackId);
    if (side !== 'case') continue;
    const domain = asCaseEvent(event);
    if (domain.type === 'CaseOpened') domain.data.feedbackIds.forEach((id) => feedbackIds.add(id));
    if (domain.type === 'FeedbackAttached') feedbackIds.add(domain.data.feedbackId);
    if (Object.hasOwn(STATUS_OF, domain.type)) caseIds.add(caseIdOf(event.streamId));
  }
  return { feedbackIds, caseIds };
}

function foldFeedbackEvent(event: RecordedEvent, { feedback }: Fold): void {
  const domain = asFeedbackEvent(event);
  switch (domain.type) {
    case 'FeedbackReceived':
      return feedback.receive(feedbackViewRowOf(domain.data));
    case 'FeedbackTriaged':
      return feedback.set(domain.data.feedbackId, 'category', domain.data.category);
    case 'FeedbackLinkedToCase':
      return feedback.set(domain.data.feedbackId, 'caseId', domain.data.caseId);
    default: {
      const unknown: never = domain;
      return unknown;
    }
  }
}

type Reply = Pick<FeedbackReplyViewRow, 'kind' | 'author' | 'text'>;

function foldCaseEvent(event: RecordedEvent, { feedback, cases, replies }: Fold): void {
  const domain = asCaseEvent(event);
  const caseId = caseIdOf(event.streamId);
  const addReply = (reply: Reply, at: string) => {
    if (replies.has(event.eventId)) return;
    replies.set(event.eventId, {
      replyId: event.eventId,
      caseId,
      caseVersion: event.streamVersion,
      sentAt: new Date(at),
      ...reply,
    });
  };
  const status = (value: string, at: string): FeedbackCaseViewRow => ({
    caseId,
    status: value,
    version: event.streamVersion,
    updatedAt: new Date(at),
  });
  switch (domain.type) {
    case 'CaseOpened':
      cases.open(status(STATUS_OF.CaseOpened, domain.data.at));
      return feedback.linkMissing(domain.data.feedbackIds, caseId);
    case 'FeedbackAttached':
      return feedback.linkMissing([domain.data.feedbackId], caseId);
    case 'ReplySent': {
      const author = domain.data.fromCustomer ? 'customer' : 'staff';
      return addReply({ kind: 'reply', author, text: domain.data.text }, domain.data.at);
    }
    case 'CaseResolved': {
      cases.move(status(STATUS_OF.CaseResolved, domain.data.at));
      const text = domain.data.customerMessage;
      if (text.trim() !== '')
        addReply({ kind: 'resolution', author: 'staff', text }, domain.data.at);
      return;
    }
    case 'AwaitingCustomer':
    case 'CaseResumed':
    case 'CaseReopened':
    case 'CaseClosed':
      return cases.move(status(STATUS_OF[domain.type], domain.data.at));
    default: {
      const unknown: never = domain;
      return unknown;
    }
  }
}

/**
 * The batch's effect in five statements whatever its size: read the stored rows it touches, fold
 * every event into them in log order exactly as `apply` would write it, then write each table's
 * changed rows at once. A driver without set-based statements gets `apply` on each event.
 */
export async function applyCustomerFeedbackBatch(
  events: readonly RecordedEvent[],
  manager: EntityManager,
  apply: Apply,
): Promise<void> {
  const feedbackTable = StoredTable.of(manager, FeedbackViewRow);
  const caseTable = StoredTable.of(manager, FeedbackCaseViewRow);
  const replyTable = StoredTable.of(manager, FeedbackReplyViewRow);
  if (!feedbackTable || !caseTable || !replyTable) {
    for (const event of events) await apply(event, manager);
    return;
  }
  const { feedbackIds, caseIds } = touchedKeys(events);
  const fold: Fold = {
    feedback: new FeedbackViewChanges(feedbackTable, await feedbackTable.find(feedbackIds)),
    cases: new FeedbackCaseViewChanges(caseTable, await caseTable.find(caseIds)),
    replies: new Map(),
  };
  for (const event of events) {
    const side = eventSide(event);
    if (side === 'feedback') foldFeedbackEvent(event, fold);
    else if (side === 'case') foldCaseEvent(event, fold);
  }
  await feedbackTable.upsert(fold.feedback.changedRows());
  await caseTable.upsert(fold.cases.changedRows());
  const replies: StoredRow[] = [...fold.replies.values()].map((r) => replyTable.toStored(r));
  await replyTable.insertMissing(replies);
}
