import { CaseEvent } from '@heard/cases';
import { RecordedEvent } from '@heard/event-store';
import { EntityManager, In, IsNull, LessThan } from 'typeorm';
import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';

export const STATUS_OF = {
  CaseOpened: 'open',
  AwaitingCustomer: 'awaiting_customer',
  CaseResumed: 'open',
  CaseResolved: 'resolved',
  CaseReopened: 'open',
  CaseClosed: 'closed',
} as const;

/** Case events the customer's view follows; notes, assignments and SLA events stay internal. */
export const CASE_EVENT_TYPES = [...Object.keys(STATUS_OF), 'FeedbackAttached', 'ReplySent'];

export type CustomerCaseEvent = Extract<
  CaseEvent,
  { type: keyof typeof STATUS_OF | 'FeedbackAttached' | 'ReplySent' }
>;

export const caseIdOf = (streamId: string): string => streamId.slice('case-'.length);

/** The feedback's own link (FeedbackLinkedToCase) wins; the case side only fills a missing one. */
async function linkMissing(manager: EntityManager, feedbackIds: readonly string[], caseId: string) {
  if (feedbackIds.length === 0) return;
  await manager
    .getRepository(FeedbackViewRow)
    .update({ feedbackId: In([...feedbackIds]), caseId: IsNull() }, { caseId });
}

async function addReply(
  manager: EntityManager,
  event: RecordedEvent,
  reply: Pick<FeedbackReplyViewRow, 'kind' | 'author' | 'text'>,
  at: string,
): Promise<void> {
  await manager
    .getRepository(FeedbackReplyViewRow)
    .createQueryBuilder()
    .insert()
    .values({
      replyId: event.eventId,
      caseId: caseIdOf(event.streamId),
      caseVersion: event.streamVersion,
      sentAt: new Date(at),
      ...reply,
    })
    .orIgnore()
    .execute();
}

async function setStatus(manager: EntityManager, event: RecordedEvent, status: string, at: string) {
  const caseId = caseIdOf(event.streamId);
  const cases = manager.getRepository(FeedbackCaseViewRow);
  if (event.type === 'CaseOpened') {
    await cases
      .createQueryBuilder()
      .insert()
      .values({ caseId, status, version: event.streamVersion, updatedAt: new Date(at) })
      .orIgnore()
      .execute();
    return;
  }
  // Guarded by version: a replayed older event must not move the status back.
  await cases.update(
    { caseId, version: LessThan(event.streamVersion) },
    { status, version: event.streamVersion, updatedAt: new Date(at) },
  );
}

export async function applyCaseEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const domain = { type: event.type, data: event.data } as CustomerCaseEvent;
  const caseId = caseIdOf(event.streamId);
  switch (domain.type) {
    case 'CaseOpened':
      await setStatus(manager, event, STATUS_OF.CaseOpened, domain.data.at);
      await linkMissing(manager, domain.data.feedbackIds, caseId);
      return;
    case 'FeedbackAttached':
      await linkMissing(manager, [domain.data.feedbackId], caseId);
      return;
    case 'ReplySent': {
      const author = domain.data.fromCustomer ? 'customer' : 'staff';
      await addReply(
        manager,
        event,
        { kind: 'reply', author, text: domain.data.text },
        domain.data.at,
      );
      return;
    }
    case 'CaseResolved':
      await setStatus(manager, event, STATUS_OF.CaseResolved, domain.data.at);
      if (domain.data.customerMessage.trim() !== '') {
        const text = domain.data.customerMessage;
        await addReply(
          manager,
          event,
          { kind: 'resolution', author: 'staff', text },
          domain.data.at,
        );
      }
      return;
    case 'AwaitingCustomer':
    case 'CaseResumed':
    case 'CaseReopened':
    case 'CaseClosed':
      await setStatus(manager, event, STATUS_OF[domain.type], domain.data.at);
      return;
    default: {
      const unknown: never = domain;
      return unknown;
    }
  }
}
