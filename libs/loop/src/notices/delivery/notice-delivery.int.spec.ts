import { customerKeyOwner } from '@heard/customers';
import { personalDataStore } from '@heard/customers/testing';
import { EventStore, RecordedEvent } from '@heard/event-store';
import { FixedClock } from '@heard/event-store/testing';
import { ensureTables, inTransaction } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { simpleParser } from 'mailparser';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import {
  givenCancelled,
  givenCaseReply,
  givenCustomer,
  givenFeedback,
  givenShippedImprovement,
  NOTICE_TEST_PERSONAL_FIELDS,
  scheduled,
  startSmtpSink,
  testNoticeId,
  SmtpSink,
} from '../../testing';
import { NoticeChannels } from '../infrastructure/notice-channels';
import { SmtpEmailChannel } from '../infrastructure/smtp-email-channel';
import { WebhookChannel } from '../infrastructure/webhook-channel';
import { noticeStreamId, youChangedThisNoticeId } from '../notice-id';
import { noticeDeliveriesProjection } from '../read-models/notice-deliveries.projection';
import { NoticeDelivery } from '../read-models/notice-delivery.entity';
import { scheduleNotice } from '../schedule-notice';
import { openDigestWindow } from './due-notices';
import { digestIdOf, NoticeDeliverer } from './notice-deliverer';
import { NoticeDeliveryMetrics } from './notice-delivery-metrics';
import { NoticeDeliveryPoller, NoticeDeliveryPollerOptions } from './notice-delivery-poller';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const HOUR = 3_600_000;
const N_REPLY = testNoticeId('reply');
const N_Q = testNoticeId('quiet');
const N_SMS = testNoticeId('sms');
const N_550 = testNoticeId('550');
const N_R = testNoticeId('resume');
const SECRET = 'a-webhook-secret-of-some-length';

describe.each(readModelDatabasesUnderTest())(
  'notice delivery, read models on %s',
  (_name, factory) => {
    let database: ReadModelDatabase;
    let dataSource: DataSource;
    let sink: SmtpSink;
    let webhook: Server;
    let webhookKeys: string[];
    let webhookFailures: number;
    let email: SmtpEmailChannel;
    let store: EventStore;
    let personal: ReturnType<typeof personalDataStore>['personal'];
    let clock: FixedClock;
    let projected: bigint;
    let digestHours: number;

    const project = async () => {
      const events = await store.readAll({ after: projected, limit: 100_000 });
      await inTransaction(dataSource, async (manager) => {
        for (const event of events)
          if (noticeDeliveriesProjection.canHandle(event.type))
            await noticeDeliveriesProjection.apply(event, manager);
      });
      projected = events.at(-1)?.globalPosition ?? projected;
    };
    const poller = (watch: Pick<NoticeDeliveryPollerOptions, 'onTick' | 'log'> = {}) => {
      const url = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/gateway`;
      const deliverer = new NoticeDeliverer({
        store,
        clock,
        channels: new NoticeChannels(email, new WebhookChannel({ url, secret: SECRET })),
        settings: {
          publicBaseUrl: 'http://heard.example',
          optOutSecret: 'an-opt-out-secret-of-32-characters!',
          maxAttempts: 4,
          digestHours,
        },
        openDigestWindow: (customerId, now) => openDigestWindow(dataSource, customerId, now),
        random: () => 0,
      });
      return new NoticeDeliveryPoller({ dataSource, clock, deliverer, leaseMs: 60_000, ...watch });
    };
    /** Ticks, projecting after each, until a tick finds nothing due. */
    const deliverDue = async () => {
      await project();
      for (let i = 0; i < 10 && (await poller().tick()) > 0; i++) await project();
      await project();
    };
    const noticeEvents = async (noticeId: string): Promise<RecordedEvent[]> =>
      store.readStream(noticeStreamId(noticeId));
    const types = async (noticeId: string) => (await noticeEvents(noticeId)).map((e) => e.type);
    const row = (noticeId: string) =>
      dataSource.getRepository(NoticeDelivery).findOneByOrFail({ noticeId });

    beforeAll(async () => {
      database = await factory();
      dataSource = await database.open(noticeDeliveriesProjection.entities);
      await ensureTables(dataSource, noticeDeliveriesProjection.entities);
      sink = await startSmtpSink({ refuse: (to) => (to.startsWith('gone') ? 550 : null) });
      email = new SmtpEmailChannel({ smtpUrl: sink.url, from: 'Heard <notices@shop.example>' });
      webhook = createServer((req, res) => {
        webhookKeys.push(String(req.headers['idempotency-key']));
        req.resume();
        req.on('end', () => {
          res.statusCode = webhookFailures-- > 0 ? 503 : 200;
          res.end();
        });
      });
      await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    });
    beforeEach(async () => {
      await dataSource.getRepository(NoticeDelivery).clear();
      sink.messages.length = 0;
      webhookKeys = [];
      webhookFailures = 0;
      clock = new FixedClock(T0);
      const world = personalDataStore(NOTICE_TEST_PERSONAL_FIELDS, clock);
      store = world.store;
      personal = world.personal;
      projected = 0n;
      digestHours = 0;
    });
    afterAll(async () => {
      await email.close();
      await sink.close();
      await new Promise<void>((resolve) => webhook.close(() => resolve()));
      await database.dispose();
    });

    it('sends a case reply by e-mail, rendered from the case at send time, once', async () => {
      await givenCustomer(store, 'C-1', { locale: 'ru-RU' });
      const caseEventId = await givenCaseReply(store, 'case-1', 'C-1', 'Мы открыли вторую кассу.');
      await scheduleNotice(
        store,
        scheduled({
          noticeId: N_REPLY,
          kind: 'case_reply',
          recipient: { customerId: 'C-1' },
          refs: { caseId: 'case-1', caseEventId },
        }),
      );
      await deliverDue();
      expect(await types(N_REPLY)).toEqual(['NoticeScheduled', 'NoticeSending', 'NoticeSent']);
      expect(sink.messages).toHaveLength(1);
      const mail = await simpleParser(sink.messages[0].raw);
      expect(mail.subject).toBe('Ответ на ваше обращение');
      expect(mail.text).toContain('Мы открыли вторую кассу.');
      expect(mail.text).toContain('http://heard.example/v1/opt-out/');
      expect(mail.messageId).toBe(`<${N_REPLY}@shop.example>`);
      expect(await row(N_REPLY)).toMatchObject({
        status: 'sent',
        attempts: 1,
        dueAt: null,
        messageId: N_REPLY,
      });
      await deliverDue();
      expect(sink.messages).toHaveLength(1);
    });

    it('suppresses at send time: opted out, no consent, erased, no address, improvement cancelled', async () => {
      await givenShippedImprovement(store, 'imp-1', { en: 'We opened a second checkout' });
      await givenShippedImprovement(store, 'imp-x', { en: 'Never mind' });
      await givenCancelled(store, 'imp-x');
      await givenCustomer(store, 'C-out', { consents: { you_changed_this: false } });
      await givenCustomer(store, 'C-none', { consents: { case_updates: true } });
      await givenCustomer(store, 'C-gone');
      await givenCustomer(store, 'C-noaddr', { address: null });
      await givenCustomer(store, 'C-ok');
      const cases: [string, string, string][] = [
        ['C-out', 'imp-1', 'opted_out'],
        ['C-none', 'imp-1', 'no_consent'],
        ['C-gone', 'imp-1', 'erased'],
        ['C-noaddr', 'imp-1', 'no_address'],
        ['C-ok', 'imp-x', 'improvement_cancelled'],
        ['C-unknown', 'imp-1', 'no_consent'],
      ];
      for (const [customerId, improvementId] of cases)
        await scheduleNotice(
          store,
          scheduled({
            noticeId: youChangedThisNoticeId(customerId, improvementId),
            kind: 'you_changed_this',
            recipient: { customerId },
            refs: { improvementId, feedbackIds: [] },
          }),
        );
      await personal.forget(customerKeyOwner('C-gone'));
      await store.append(
        'customer-C-gone',
        [{ type: 'CustomerErased', data: { customerId: 'C-gone', by: 't', at: T0.toISOString() } }],
        { expectedVersion: 'any' },
      );
      await deliverDue();
      for (const [customerId, improvementId, reason] of cases) {
        const events = await noticeEvents(youChangedThisNoticeId(customerId, improvementId));
        expect({ customerId, last: events.at(-1)?.type, data: events.at(-1)?.data }).toMatchObject({
          customerId,
          last: 'NoticeSuppressed',
          data: { reason },
        });
      }
      expect(sink.messages).toHaveLength(0);
    });

    it('defers in quiet hours until they end, never drops, then sends', async () => {
      await givenCustomer(store, 'C-q', {
        quietHours: { from: '09:00', to: '12:00', timeZone: 'UTC' },
      });
      await givenFeedback(store, 'f-q', 'C-q', 'Lovely staff');
      await scheduleNotice(
        store,
        scheduled({
          noticeId: N_Q,
          kind: 'thank_you',
          recipient: { customerId: 'C-q' },
          refs: { feedbackIds: ['f-q'] },
        }),
      );
      await deliverDue();
      expect(await types(N_Q)).toEqual(['NoticeScheduled', 'NoticeDeferred']);
      expect((await noticeEvents(N_Q))[1].data).toMatchObject({
        reason: 'quiet_hours',
        until: '2026-12-01T12:00:00.000Z',
      });
      clock.advance(2 * HOUR);
      await deliverDue();
      expect(await types(N_Q)).toEqual([
        'NoticeScheduled',
        'NoticeDeferred',
        'NoticeSending',
        'NoticeSent',
      ]);
      const mail = await simpleParser(sink.messages[0].raw);
      expect(mail.text).toContain('“Lovely staff”');
    });

    it('gathers "you changed this" notices of one customer within the digest window into one message', async () => {
      digestHours = 24;
      await givenCustomer(store, 'C-d', { locale: 'uk' });
      await givenFeedback(store, 'f-1', 'C-d', 'Черга на касі занадто довга щовечора');
      await givenFeedback(store, 'f-2', 'C-d', 'Хліб черствий');
      await givenShippedImprovement(store, 'imp-a', { en: 'Second checkout', uk: 'Друга каса' });
      await givenShippedImprovement(store, 'imp-b', { en: 'New bakery', uk: 'Нова пекарня' });
      const a = youChangedThisNoticeId('C-d', 'imp-a');
      const b = youChangedThisNoticeId('C-d', 'imp-b');
      await scheduleNotice(
        store,
        scheduled({
          noticeId: a,
          kind: 'you_changed_this',
          recipient: { customerId: 'C-d' },
          refs: { improvementId: 'imp-a', feedbackIds: ['f-1'] },
        }),
      );
      await deliverDue();
      clock.advance(3 * HOUR);
      await scheduleNotice(
        store,
        scheduled({
          noticeId: b,
          kind: 'you_changed_this',
          recipient: { customerId: 'C-d' },
          refs: { improvementId: 'imp-b', feedbackIds: ['f-2'] },
          at: clock.now().toISOString(),
          notBefore: clock.now().toISOString(),
        }),
      );
      await deliverDue();
      const held = '2026-12-02T10:00:00.000Z';
      for (const id of [a, b])
        expect((await noticeEvents(id)).at(-1)?.data).toMatchObject({
          reason: 'digest',
          until: held,
        });
      expect(sink.messages).toHaveLength(0);
      clock.advance(21 * HOUR);
      await deliverDue();
      expect(sink.messages).toHaveLength(1);
      const digestId = digestIdOf([a, b]);
      for (const id of [a, b])
        expect((await noticeEvents(id)).at(-1)).toMatchObject({
          type: 'NoticeSent',
          data: { digestId, messageId: digestId },
        });
      const mail = await simpleParser(sink.messages[0].raw);
      expect(mail.messageId).toBe(`<${digestId}@shop.example>`);
      expect(mail.text).toContain('Друга каса');
      expect(mail.text).toContain('Нова пекарня');
      expect(mail.text).toContain('«Хліб черствий»');
    });

    it('retries a webhook that fails twice with backoff, with one Idempotency-Key, then records it sent', async () => {
      webhookFailures = 2;
      await givenCustomer(store, 'C-sms', { channel: 'sms', consents: { case_updates: true } });
      const caseEventId = await givenCaseReply(store, 'case-sms', 'C-sms', 'Fixed');
      await scheduleNotice(
        store,
        scheduled({
          noticeId: N_SMS,
          kind: 'case_resolved',
          recipient: { customerId: 'C-sms' },
          refs: { caseId: 'case-sms', caseEventId },
        }),
      );
      await deliverDue();
      expect((await noticeEvents(N_SMS)).at(-1)?.data).toMatchObject({
        attempt: 1,
        error: 'http 503',
        retryAt: '2026-12-01T10:00:15.000Z',
      });
      clock.advance(15_000);
      await deliverDue();
      expect((await noticeEvents(N_SMS)).at(-1)?.data).toMatchObject({
        attempt: 2,
        retryAt: '2026-12-01T10:00:45.000Z',
      });
      clock.advance(30_000);
      await deliverDue();
      expect((await noticeEvents(N_SMS)).at(-1)).toMatchObject({
        type: 'NoticeSent',
        data: { attempt: 3 },
      });
      expect(webhookKeys).toEqual([N_SMS, N_SMS, N_SMS]);
      expect(await row(N_SMS)).toMatchObject({
        status: 'sent',
        attempts: 3,
        lastError: 'http 503',
      });
    });

    it('records a permanent refusal as final and visible', async () => {
      await givenCustomer(store, 'C-550', { address: 'gone@example.com' });
      await givenFeedback(store, 'f-550', 'C-550', 'Nice');
      await scheduleNotice(
        store,
        scheduled({
          noticeId: N_550,
          kind: 'thank_you',
          recipient: { customerId: 'C-550' },
          refs: { feedbackIds: ['f-550'] },
        }),
      );
      await deliverDue();
      clock.advance(24 * HOUR);
      await deliverDue();
      expect(await types(N_550)).toEqual(['NoticeScheduled', 'NoticeSending', 'NoticeFailed']);
      expect(await row(N_550)).toMatchObject({
        status: 'failed',
        failedPermanently: true,
        lastError: 'smtp 550',
        dueAt: null,
      });
    });

    it('resends a notice caught between NoticeSending and NoticeSent with the same Message-ID', async () => {
      await givenCustomer(store, 'C-r');
      await givenFeedback(store, 'f-r', 'C-r', 'Good');
      await scheduleNotice(
        store,
        scheduled({
          noticeId: N_R,
          kind: 'thank_you',
          recipient: { customerId: 'C-r' },
          refs: { feedbackIds: ['f-r'] },
        }),
      );
      // As a crashed sender leaves it: NoticeSending recorded, nothing after.
      await store.append(
        noticeStreamId(N_R),
        [
          {
            type: 'NoticeSending',
            data: {
              noticeId: N_R,
              attempt: 1,
              channel: 'email',
              messageId: N_R,
              digestId: null,
              at: T0.toISOString(),
            },
          },
        ],
        { expectedVersion: 1 },
      );
      await project();
      await dataSource
        .getRepository(NoticeDelivery)
        .update({ noticeId: N_R }, { claimedUntil: new Date(T0.getTime() + 60_000) });
      expect(await poller().tick()).toBe(0);
      clock.advance(60_000);
      await deliverDue();
      expect(await types(N_R)).toEqual(['NoticeScheduled', 'NoticeSending', 'NoticeSent']);
      expect((await noticeEvents(N_R))[2].data).toMatchObject({ attempt: 1, messageId: N_R });
      expect((await simpleParser(sink.messages[0].raw)).messageId).toBe(`<${N_R}@shop.example>`);
    });

    it('two pollers side by side send each notice once (SKIP LOCKED and the lease keep them apart)', async () => {
      const ids = Array.from({ length: 60 }, (_, i) => testNoticeId(`pair-${i}`));
      for (const [i, noticeId] of ids.entries()) {
        await givenCustomer(store, `P-${i}`);
        await scheduleNotice(
          store,
          scheduled({
            noticeId,
            kind: 'case_acknowledged',
            recipient: { customerId: `P-${i}` },
            refs: { caseId: `case-p-${i}` },
          }),
        );
      }
      await project();
      const a = poller();
      const b = poller();
      const [took, tookToo] = await Promise.all([a.tick(), b.tick()]);
      expect(took + tookToo).toBe(ids.length);
      await deliverDue();
      expect(sink.messages).toHaveLength(ids.length);
      for (const id of ids)
        expect(await types(id)).toEqual(['NoticeScheduled', 'NoticeSending', 'NoticeSent']);
    });

    it('counts each pass: sent, failed (retried or final), suppressed, deferred; logs counts only', async () => {
      webhookFailures = 1;
      await givenShippedImprovement(store, 'imp-m', { en: 'We opened a second checkout' });
      await givenCustomer(store, 'C-m1');
      await givenCustomer(store, 'C-m2');
      await givenCustomer(store, 'C-mout', { consents: { you_changed_this: false } });
      await givenCustomer(store, 'C-mq', {
        quietHours: { from: '09:00', to: '12:00', timeZone: 'UTC' },
      });
      await givenCustomer(store, 'C-m550', { address: 'gone-m@example.com' });
      await givenCustomer(store, 'C-msms', { channel: 'sms' });
      for (const customerId of ['C-m1', 'C-m2', 'C-mout', 'C-mq', 'C-m550', 'C-msms'])
        await scheduleNotice(
          store,
          scheduled({
            noticeId: youChangedThisNoticeId(customerId, 'imp-m'),
            kind: 'you_changed_this',
            recipient: { customerId },
            refs: { improvementId: 'imp-m', feedbackIds: [] },
          }),
        );
      await project();
      const registry = new Registry();
      const lines: string[] = [];
      const observed = poller({
        onTick: new NoticeDeliveryMetrics(registry).observe,
        log: (line) => lines.push(line),
      });
      const metric = async (name: string) =>
        (await registry.getSingleMetricAsString(name)).split('\n');
      expect(await observed.tick()).toBe(6);
      expect(await metric('heard_notices_sent_total')).toEqual(
        expect.arrayContaining([
          'heard_notices_sent_total{channel="email"} 2',
          'heard_notices_sent_total{channel="sms"} 0',
        ]),
      );
      expect(await metric('heard_notices_failed_total')).toEqual(
        expect.arrayContaining([
          'heard_notices_failed_total{channel="email",permanent="true"} 1',
          'heard_notices_failed_total{channel="sms",permanent="false"} 1',
          'heard_notices_failed_total{channel="email",permanent="false"} 0',
        ]),
      );
      expect(await metric('heard_notices_suppressed_total')).toEqual(
        expect.arrayContaining([
          'heard_notices_suppressed_total{reason="opted_out"} 1',
          'heard_notices_suppressed_total{reason="erased"} 0',
        ]),
      );
      expect(await metric('heard_notices_deferred_total')).toEqual(
        expect.arrayContaining([
          'heard_notices_deferred_total{reason="quiet_hours"} 1',
          'heard_notices_deferred_total{reason="digest"} 0',
        ]),
      );
      expect(await metric('heard_notice_send_seconds')).toEqual(
        expect.arrayContaining([
          'heard_notice_send_seconds_count{channel="email"} 3',
          'heard_notice_send_seconds_count{channel="sms"} 1',
        ]),
      );
      // The webhook's retry is due in 15 s: the next pass sends it and counts it sent.
      await project();
      clock.advance(15_000);
      expect(await observed.tick()).toBe(1);
      expect(await metric('heard_notices_sent_total')).toContain(
        'heard_notices_sent_total{channel="sms"} 1',
      );
      expect(await observed.tick()).toBe(0);
      expect(await metric('heard_notice_delivery_pass_seconds')).toContain(
        'heard_notice_delivery_pass_seconds_count 3',
      );
      // One line per pass that took notices, with counts and no ids, names or addresses.
      expect(lines).toEqual([
        expect.stringMatching(
          /^notice-delivery-poller: 6 due notice\(s\) in \d+ ms: 2 sent in 2 message\(s\), 2 failed \(1 permanently\), 1 suppressed \(opted_out 1\), 1 deferred \(quiet_hours 1\), 0 error\(s\)$/,
        ),
        expect.stringMatching(/: 1 due notice\(s\) in \d+ ms: 1 sent in 1 message\(s\)/),
      ]);
      expect(lines.join('\n')).not.toMatch(/C-m|example\.com|imp-m/);
    });

    it('tells staff by e-mail, from their directory entry', async () => {
      await store.append(
        'person-mgr-1',
        [
          {
            type: 'PersonDefined',
            data: {
              personId: 'mgr-1',
              roles: ['store_manager'],
              locale: 'uk-UA',
              personal: { name: 'Olena', email: 'olena@shop.example' },
              version: 1,
              at: T0.toISOString(),
              by: 'admin',
            },
          },
        ],
        { expectedVersion: 'no_stream' },
      );
      await store.append(
        'person-mgr-2',
        [
          {
            type: 'PersonDefined',
            data: {
              personId: 'mgr-2',
              roles: ['store_manager'],
              locale: 'en',
              personal: { name: 'Ivan' },
              version: 1,
              at: T0.toISOString(),
              by: 'admin',
            },
          },
        ],
        { expectedVersion: 'no_stream' },
      );
      for (const staffId of ['mgr-1', 'mgr-2'])
        await scheduleNotice(
          store,
          scheduled({
            noticeId: testNoticeId(`alert-${staffId}`),
            kind: 'staff_alert',
            recipient: { staffId },
            refs: { caseId: 'case-9', slaTarget: 'resolution', escalationLevel: 1 },
          }),
        );
      await deliverDue();
      expect(sink.messages.map((m) => m.to)).toEqual([['olena@shop.example']]);
      const mail = await simpleParser(sink.messages[0].raw);
      expect(mail.subject).toBe('Звернення case-9 чекає на вас');
      expect(mail.text).toContain('http://heard.example/v1/cases/case-9');
      expect((await noticeEvents(testNoticeId('alert-mgr-2'))).at(-1)?.data).toMatchObject({
        reason: 'no_address',
      });
    });
  },
);
