import { contactPreferencesSetPersonal, getPreferences } from '@heard/customers';
import { personalDataStore } from '@heard/customers/testing';
import { RecordedEvent } from '@heard/event-store';
import { FeedbackReceived } from '../../domain/feedback.events';
import {
  recordContactFromFeedbackReactor,
  smsNumberOf,
} from './record-contact-from-feedback.reactor';

const received = (over: Partial<FeedbackReceived['data']> = {}): RecordedEvent =>
  ({
    eventId: '0193e7a0-0000-7000-8000-000000000001',
    type: 'FeedbackReceived',
    streamId: 'feedback-F-1',
    actor: 'pos-bridge',
    data: {
      feedbackId: 'F-1',
      customer: { id: 'C-7', consent: true },
      personal: { email: 'olena@example.com', phone: '+380 44 123 45 67', text: 'Queue' },
      receivedAt: '2026-12-01T10:00:00.000Z',
      ...over,
    },
  }) as unknown as RecordedEvent;

describe('contact from feedback', () => {
  it('records the address, the phone as E.164 and the consent, once', async () => {
    const { store } = personalDataStore([contactPreferencesSetPersonal]);
    const reactor = recordContactFromFeedbackReactor({ store });
    await reactor.handle(received());
    await reactor.handle(received());
    expect(await store.readStream('customer-C-7')).toHaveLength(1);
    expect(await getPreferences(store, 'C-7')).toMatchObject({
      channels: [
        { channel: 'email', address: 'olena@example.com' },
        { channel: 'sms', address: '+380441234567' },
      ],
      consents: { case_updates: { given: true, how: 'feedback:F-1' } },
    });
  });

  it('records nothing without consent, without a customer id, or once erased', async () => {
    const { store } = personalDataStore([contactPreferencesSetPersonal]);
    const reactor = recordContactFromFeedbackReactor({ store });
    await reactor.handle(received({ customer: { id: 'C-7', consent: false } }));
    await reactor.handle(received({ customer: { consent: true } }));
    await reactor.handle(received({ personal: { text: '[erased]', redacted: true } }));
    expect(await store.readAll()).toEqual([]);
  });

  it.each([
    ['+380 44 123 45 67', '+380441234567'],
    ['(044) 123-45-67', null],
    [undefined, null],
  ])('reads %j as the sms number %j', (phone, sms) => {
    expect(smsNumberOf(phone)).toBe(sms);
  });
});
