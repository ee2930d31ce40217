import { caseStreamId } from '@heard/cases';
import { contactPreferencesSetPersonal, customerStreamId } from '@heard/customers';
import { EventStore, uuidV8FromName } from '@heard/event-store';
import { feedbackReceivedPersonal, feedbackStreamId } from '@heard/feedback';
import { improvementStreamId } from '../improvements/improvement.events';
import { ScheduleNoticeData } from '../notices/schedule-notice';

/** What the delivery tests and the bench seal, as the runtime does. */
export const NOTICE_TEST_PERSONAL_FIELDS = [
  feedbackReceivedPersonal,
  contactPreferencesSetPersonal,
];

export interface CustomerSetup {
  readonly channel?: 'email' | 'sms' | 'push' | 'in_app';
  readonly address?: string | null;
  readonly locale?: string | null;
  readonly consents?: Partial<Record<'case_updates' | 'you_changed_this', boolean>>;
  readonly quietHours?: { from: string; to: string; timeZone: string } | null;
}

const AT = '2026-11-01T08:00:00.000Z';

export async function givenCustomer(
  store: EventStore,
  customerId: string,
  setup: CustomerSetup = {},
): Promise<void> {
  const channel = setup.channel ?? 'email';
  const address =
    setup.address === undefined
      ? channel === 'email'
        ? `${customerId.toLowerCase()}@example.com`
        : channel === 'sms'
          ? '+380501234567'
          : null
      : setup.address;
  const consents = Object.fromEntries(
    Object.entries(setup.consents ?? { case_updates: true, you_changed_this: true }).map(
      ([purpose, given]) => [purpose, { given, at: AT, how: 'api' }],
    ),
  );
  await store.append(
    customerStreamId(customerId),
    [
      {
        type: 'ContactPreferencesSet',
        data: {
          customerId,
          channels: [channel],
          locale: setup.locale ?? 'en',
          consents,
          quietHours: setup.quietHours ?? null,
          personal: { addresses: [address] },
          by: 'test',
          at: AT,
        },
      },
    ],
    { expectedVersion: 'any' },
  );
}

export async function givenFeedback(
  store: EventStore,
  feedbackId: string,
  customerId: string,
  text: string,
): Promise<void> {
  await store.append(
    feedbackStreamId(feedbackId),
    [
      {
        type: 'FeedbackReceived',
        data: {
          feedbackId,
          kind: 'complaint',
          channel: 'app',
          storeId: 'store-1',
          customer: { id: customerId, consent: true },
          personal: { text },
          category: 'queues',
          rating: null,
          nps: null,
          factors: [],
          language: 'en',
          occurredAt: '2026-11-02T09:30:00.000Z',
          receivedAt: '2026-11-02T09:30:00.000Z',
          source: null,
        },
      },
    ],
    { expectedVersion: 'no_stream' },
  );
}

export async function givenShippedImprovement(
  store: EventStore,
  improvementId: string,
  messages: Record<string, string> & { en: string },
  title = 'A second checkout at peak hours',
): Promise<void> {
  await store.append(
    improvementStreamId(improvementId),
    [
      {
        type: 'ImprovementProposed',
        data: {
          improvementId,
          title,
          description: 'Queues at peak hours',
          storeIds: ['store-1'],
          categories: ['queues'],
          owner: 'cx-lead',
          by: 'cx-lead',
          at: AT,
        },
      },
      { type: 'ImprovementShipped', data: { improvementId, messages, by: 'cx-lead', at: AT } },
    ],
    { expectedVersion: 'no_stream' },
  );
}

export async function givenCancelled(store: EventStore, improvementId: string): Promise<void> {
  await store.append(
    improvementStreamId(improvementId),
    [
      {
        type: 'ImprovementCancelled',
        data: { improvementId, reason: null, by: 'cx-lead', at: AT },
      },
    ],
    { expectedVersion: 'any' },
  );
}

/** A case with one public reply by staff; answers the reply's event id. */
export async function givenCaseReply(
  store: EventStore,
  caseId: string,
  customerId: string,
  text: string,
): Promise<string> {
  const replyEventId = uuidV8FromName(`test-reply|${caseId}`);
  await store.append(
    caseStreamId(caseId),
    [
      {
        type: 'CaseOpened',
        data: {
          caseId,
          feedbackIds: [],
          storeId: 'store-1',
          regionId: null,
          category: 'queues',
          priority: 'normal',
          customerId,
          channel: 'app',
          kind: 'complaint',
          sla: { resolutionDueAt: AT },
          at: AT,
        },
      },
      {
        eventId: replyEventId,
        type: 'ReplySent',
        data: { replyId: 'r-1', fromCustomer: false, text, by: 'agent-1', at: AT },
      },
    ],
    { expectedVersion: 'no_stream' },
  );
  return replyEventId;
}

export const scheduled = (
  over: Partial<ScheduleNoticeData> & Pick<ScheduleNoticeData, 'noticeId' | 'kind'>,
): ScheduleNoticeData => ({
  recipient: {},
  refs: {},
  channel: 'email',
  notBefore: '2026-12-01T10:00:00.000Z',
  at: '2026-12-01T10:00:00.000Z',
  ...over,
});

/** A notice id for a test's name: notice ids are UUIDs, as the stream's first event id. */
export const testNoticeId = (name: string): string => uuidV8FromName(`test-notice|${name}`);
