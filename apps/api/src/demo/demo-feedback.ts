import { ReceiveFeedback } from '@heard/feedback';

type DemoFeedback = Omit<
  ReceiveFeedback,
  'type' | 'feedbackId' | 'receivedAt' | 'occurredAt' | 'source'
> & {
  readonly ref: string;
  readonly hoursAgo: number;
};

const base = { category: null, rating: null, nps: null, factors: [], language: null } as const;

/** Feedback in three languages: complaints that open cases, a detractor, praise that does not. */
export const DEMO_FEEDBACK: readonly DemoFeedback[] = [
  {
    ...base,
    ref: 'demo-1',
    hoursAgo: 30,
    kind: 'complaint',
    channel: 'store',
    storeId: 'S-042',
    customer: { id: 'C-1', consent: true },
    personal: { name: 'Ivan', text: 'Очередь на кассе 25 минут, работала одна касса' },
    language: 'ru',
  },
  {
    ...base,
    ref: 'demo-2',
    hoursAgo: 20,
    kind: 'review',
    channel: 'app',
    storeId: 'S-001',
    rating: 1,
    customer: { id: 'C-2', consent: true },
    personal: { text: 'Хліб черствий вже третій раз цього тижня' },
    language: 'uk',
  },
  {
    ...base,
    ref: 'demo-3',
    hoursAgo: 6,
    kind: 'survey',
    channel: 'survey',
    storeId: 'S-002',
    nps: 3,
    factors: [
      { factor: 'queue_length', score: 2 },
      { factor: 'staff_helpfulness', score: 6 },
    ],
    customer: { id: 'C-3', consent: true },
    personal: { text: 'The cashier was rude and the queue never moved' },
    language: 'en',
  },
  {
    ...base,
    ref: 'demo-4',
    hoursAgo: 2,
    kind: 'complaint',
    channel: 'call_centre',
    storeId: 'S-042',
    customer: { id: 'C-4', consent: true },
    personal: { text: 'I think I got food poisoning from the salad bar' },
    language: 'en',
  },
  {
    ...base,
    ref: 'demo-5',
    hoursAgo: 1,
    kind: 'praise',
    channel: 'web',
    storeId: 'S-001',
    customer: { id: 'C-2', consent: true },
    personal: { text: 'Дякую, сьогодні відкрили другу касу!' },
    language: 'uk',
  },
];
