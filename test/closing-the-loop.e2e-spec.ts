import { FixedClock, waitFor } from '@heard/event-store/testing';
import { simpleParser } from 'mailparser';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  Deployment,
  embeddedDeployment,
  HeardUnderTest,
  postgresDeployment,
  startHeard,
} from './support/heard-under-test';

jest.setTimeout(120_000);

type Locale = 'ru' | 'uk' | 'en';
type Channel = 'email' | 'sms';

interface Customer {
  readonly id: string;
  readonly locale: Locale;
  readonly channel: Channel;
  readonly address: string;
  /** Gave `you_changed_this` and then withdrew it before the shipping. */
  readonly optedOut: boolean;
  /** Never consented to anything. */
  readonly noConsent: boolean;
  /** Sets their preferences themselves (else the POS integration does, as staff). */
  readonly self: boolean;
  readonly texts: string[];
}

interface ReceivedMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly unsubscribe: string | null;
  readonly unsubscribePost: string | null;
}

interface WebhookPost {
  readonly key: string;
  readonly signature: string;
  readonly raw: string;
  readonly status: number;
  readonly body: {
    messageId: string;
    recipientId: string;
    to: string;
    locale: string;
    text: string;
    subject: string;
    kind: string;
    channel: string;
  };
}

interface NoticeState {
  noticeId: string;
  kind: string;
  status: string;
  channel: string | null;
  attempts: number;
  suppressedFor: string | null;
  improvementId: string | null;
  messageId: string | null;
}

interface LoopFigures {
  resolution: { feedback: number; told: number; medianMsToNotice: number | null };
  improvement: {
    feedback: number;
    told: number;
    share: number | null;
    medianMsToNotice: number | null;
  };
}

const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789';
/** Tuesday 1 December 2026, 10:00 UTC: nobody's quiet hours, the clock the test drives. */
const START = '2026-12-01T10:00:00.000Z';

/** How each locale says "queue" in a sentence the criteria's words find as they are written. */
const QUEUE_SENTENCE: Record<Locale, (who: string, n: number) => string> = {
  en: (who, n) => `The queue at the till took forty minutes (${who}, visit ${n})`,
  ru: (who, n) => `Очередь на кассе сорок минут, ужас (${who}, визит ${n})`,
  uk: (who, n) => `Черга до каси сорок хвилин, жах (${who}, візит ${n})`,
};
const YOU_CHANGED_THIS_SUBJECT: Record<Locale, string> = {
  en: 'You changed this',
  ru: 'Это изменили вы',
  uk: 'Це змінили ви',
};
const FIRST_MESSAGES: Record<Locale, string> = {
  en: 'Both stores now open a second till whenever five people wait.',
  ru: 'В обоих магазинах теперь открывают вторую кассу, как только ждут пять человек.',
  uk: 'В обох магазинах тепер відкривають другу касу, щойно чекають п’ятеро.',
};
const SECOND_MESSAGES: Record<Locale, string> = {
  en: 'Self-checkout tills are now open in both stores.',
  ru: 'В обоих магазинах теперь работают кассы самообслуживания.',
  uk: 'В обох магазинах тепер працюють каси самообслуговування.',
};

/**
 * 20 customers, 30 complaints about queues at S-1 and S-2: the first ten complain twice. Odd ones
 * are told by e-mail, even ones by SMS through the webhook; locales in turn ru, uk, en. C-05 and
 * C-15 opt out before the shipping (C-05 with the route, C-15 by the integration on their
 * behalf), C-18 never consents.
 */
function theCustomers(): Customer[] {
  const locales: Locale[] = ['ru', 'uk', 'en'];
  return Array.from({ length: 20 }, (_, index) => {
    const n = index + 1;
    const id = `C-${String(n).padStart(2, '0')}`;
    const locale = locales[n % 3];
    const channel: Channel = n % 2 === 1 ? 'email' : 'sms';
    const visits = n <= 10 ? 2 : 1;
    return {
      id,
      locale,
      channel,
      address:
        channel === 'email'
          ? `${id.toLowerCase()}@example.com`
          : `+38050100${String(n).padStart(4, '0')}`,
      optedOut: n === 5 || n === 15,
      noConsent: n === 18,
      self: n <= 10,
      texts: Array.from({ length: visits }, (_, v) => QUEUE_SENTENCE[locale](id, v + 1)),
    };
  });
}

/** A real SMTP server on loopback that parses what it is sent. */
async function startMailbox(): Promise<{
  url: string;
  mails: ReceivedMail[];
  close: () => Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const header = (name: string) =>
            parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? null;
          for (const rcpt of session.envelope.rcptTo)
            mails.push({
              to: rcpt.address,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              unsubscribe: header('list-unsubscribe'),
              unsubscribePost: header('list-unsubscribe-post'),
            });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SMS gateway that answers 503 to the first two attempts at each message, then 200. */
async function startGateway(): Promise<{
  url: string;
  posts: WebhookPost[];
  close: () => Promise<void>;
}> {
  const posts: WebhookPost[] = [];
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });
  const server: Server = createServer((request, response) => {
    void read(request).then((raw) => {
      const key = String(request.headers['idempotency-key'] ?? '');
      const tries = posts.filter((p) => p.key === key).length;
      const status = tries < 2 ? 503 : 200;
      posts.push({
        key,
        signature: String(request.headers['heard-signature'] ?? ''),
        raw,
        status,
        body: JSON.parse(raw) as WebhookPost['body'],
      });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notices`,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a gateway does with `Heard-Signature`: recompute over the bytes it got, in constant time. */
function signatureHolds(header: string, raw: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const [, t, mac] = match;
  const expected = createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${raw}`).digest();
  // The webhook stamps the real time, not the test's driven clock.
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(mac, 'hex'));
}

function withEnv(deployment: Deployment, extra: () => Record<string, string>): Deployment {
  return {
    name: deployment.name,
    prepare: async () => {
      const { env, cleanup } = await deployment.prepare();
      return { env: { ...env, ...extra() }, cleanup };
    },
  };
}

/**
 * The proof: complaints → an improvement linked by criteria → shipped → exactly the
 * consenting customers told once each, by e-mail over real SMTP and by SMS through a real webhook
 * that fails twice, in their language and with their own words; an opt-out link from a mail,
 * without logging in, keeps the next improvement from that customer and from nobody else.
 */
describe.each([embeddedDeployment, postgresDeployment])('closing the loop on $name', (base) => {
  let heard: HeardUnderTest;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  const clock = new FixedClock(new Date(START));
  const customers = theCustomers();
  const consenting = customers.filter((c) => !c.optedOut && !c.noConsent);
  const feedbackOf = new Map<string, string[]>();

  beforeAll(async () => {
    mailbox = await startMailbox();
    gateway = await startGateway();
    const deployment = withEnv(base, () => ({
      SMTP_URL: mailbox.url,
      NOTICE_FROM: 'Heard <notices@heard.test>',
      NOTICE_WEBHOOK_URL: gateway.url,
      NOTICE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // The default holds a customer's first "you changed this" for a 24-hour digest window, and a
      // second improvement within it would join the same message: 0 sends each one at once, so
      // each improvement's reach is seen on its own.
      NOTICE_DIGEST_HOURS: '0',
    }));
    heard = await startHeard(deployment, { clock });
    const admin = heard.as('admin-1', 'cx_admin');
    const put = async (path: string, body: unknown) =>
      expect({ path, status: (await admin.put(path, body)).status }).toEqual({ path, status: 200 });
    await put('/v1/people/admin-1', { name: 'Ada', roles: ['cx_admin'], locale: 'en' });
    await put('/v1/people/M-1', { name: 'Mara', roles: ['store_manager'], locale: 'en' });
    await put('/v1/regions/R-1', { name: 'North', leadId: null });
    for (const store of ['S-1', 'S-2', 'S-3'])
      await put(`/v1/stores/${store}`, {
        name: `Store ${store}`,
        regionId: 'R-1',
        timezone: 'UTC',
        managerId: 'M-1',
      });
  }, 60_000);

  afterAll(async () => {
    await heard?.close();
    await mailbox?.close();
    await gateway?.close();
  });

  const noticesOf = async (customerId: string): Promise<NoticeState[]> => {
    const answer = await heard
      .as('admin-1', 'cx_admin')
      .get<{ items: NoticeState[] }>(`/v1/customers/${customerId}/notices`);
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  /**
   * Every e-mail of `byMail` arrives and every SMS of `bySms` is accepted on its third attempt: the
   * gateway's two 503s are retried after 15-30 s and then 30-60 s of the driven clock. `between`
   * runs after the first attempts, before any retry is due.
   */
  const deliver = async (
    improvementId: string,
    byMail: readonly Customer[],
    bySms: readonly Customer[],
    before: { mails: number; posts: number },
    between: () => Promise<readonly Customer[]> = async () => [],
  ) => {
    const attemptsEach = (of: readonly Customer[], n: number) => {
      const posts = gateway.posts.slice(before.posts);
      return of.every((c) => posts.filter((p) => p.body.recipientId === c.id).length >= n);
    };
    await waitFor(
      () => mailbox.mails.length - before.mails >= byMail.length && attemptsEach(bySms, 1),
      { timeoutMs: 30_000, what: 'every e-mail and a first attempt at every SMS' },
    );
    const dropped = await between();
    const retried = bySms.filter((c) => !dropped.includes(c));
    clock.advance(30_000);
    await waitFor(() => attemptsEach(retried, 2), {
      timeoutMs: 30_000,
      what: 'a second attempt at every SMS',
    });
    clock.advance(60_000);
    await waitFor(() => attemptsEach(retried, 3), {
      timeoutMs: 30_000,
      what: 'a third attempt at every SMS',
    });
    // Every one recorded, so nothing is still on its way when we count.
    await waitFor(
      async () => {
        for (const c of [...byMail, ...bySms]) {
          const mine = (await noticesOf(c.id)).filter((s) => s.improvementId === improvementId);
          const settled = dropped.includes(c) ? 'suppressed' : 'sent';
          if (mine.length !== 1 || mine[0].status !== settled) return false;
        }
        return true;
      },
      { timeoutMs: 30_000, what: 'every notice of the improvement recorded sent or suppressed' },
    );
  };

  const loopRate = async (): Promise<
    LoopFigures & { groups: (LoopFigures & { group: string | null })[] }
  > => {
    const from = new Date(Date.parse(START) - 86_400_000).toISOString();
    const to = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const answer = await heard
      .as('admin-1', 'cx_admin')
      .get<{ overall: LoopFigures; groups: (LoopFigures & { group: string | null })[] }>(
        `/v1/loop/rate?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=store`,
      );
    expect(answer.status).toBe(200);
    return { ...answer.body.overall, groups: answer.body.groups };
  };

  it('tells exactly the consenting customers once each, in their language, by their channel', async () => {
    const admin = heard.as('admin-1', 'cx_admin');
    const pos = heard.as('pos', 'integration');

    // Preferences first, as the README documents: by the customer, or by staff for them.
    for (const c of customers) {
      const consents = c.noConsent
        ? {}
        : {
            case_updates: { given: true, how: 'app_settings' },
            you_changed_this: { given: true, how: 'app_settings' },
          };
      const body = {
        channels: [{ channel: c.channel, address: c.address }],
        locale: c.locale,
        consents,
      };
      const answer = c.self
        ? await heard.as(c.id, 'customer').put('/v1/me/preferences', body)
        : await pos.put(`/v1/customers/${c.id}/preferences`, body);
      expect({ id: c.id, status: answer.status }).toEqual({ id: c.id, status: 200 });
    }

    // 30 complaints: even customers submit in the app themselves, odd ones at the till via the POS.
    for (const c of customers) {
      const ids: string[] = [];
      for (const [v, text] of c.texts.entries()) {
        const store = v === 0 ? 'S-1' : 'S-2';
        const body = {
          kind: 'complaint',
          channel: c.self ? 'app' : 'store',
          storeId: store,
          customer: { ...(c.self ? {} : { id: c.id }), consent: !c.noConsent },
          text,
          language: c.locale,
        };
        const answer = c.self
          ? await heard.as(c.id, 'customer').post<{ feedbackId: string }>('/v1/feedback', body)
          : await pos.post<{ feedbackId: string }>('/v1/feedback', { ...body, channel: 'store' });
        expect({ id: c.id, status: answer.status }).toEqual({ id: c.id, status: 202 });
        ids.push(answer.body.feedbackId);
      }
      feedbackOf.set(c.id, ids);
    }
    // What the criteria must leave out: a queue at a third store, and bread at the first.
    const outside = [
      { store: 'S-3', text: 'The queue at S-3 was long too', who: 'C-21' },
      { store: 'S-1', text: 'The bread was stale again', who: 'C-01' },
    ];
    for (const o of outside) {
      const answer = await pos.post('/v1/feedback', {
        kind: 'complaint',
        channel: 'store',
        storeId: o.store,
        customer: { id: o.who, consent: true },
        text: o.text,
        language: 'en',
      });
      expect(answer.status).toBe(202);
    }
    await pos.put('/v1/customers/C-21/preferences', {
      channels: [{ channel: 'email', address: 'c-21@example.com' }],
      locale: 'en',
      consents: { you_changed_this: { given: true, how: 'app_settings' } },
    });

    // Two withdraw their consent: one with the route, one through staff on their behalf.
    const c05 = await heard
      .as('C-05', 'customer')
      .post('/v1/me/opt-out', { purpose: 'you_changed_this' });
    expect(c05.status).toBe(200);
    const c15 = customers.find((c) => c.id === 'C-15')!;
    expect(
      (
        await pos.put('/v1/customers/C-15/preferences', {
          channels: [{ channel: c15.channel, address: c15.address }],
          locale: c15.locale,
          consents: { you_changed_this: { given: false, how: 'phone_call' } },
        })
      ).status,
    ).toBe(200);

    const proposed = await admin.post<{ improvementId: string }>('/v1/improvements', {
      title: 'A second till when the queue grows',
      description: 'Open a second till whenever five people wait, at both stores.',
      storeIds: ['S-1', 'S-2'],
      categories: [],
    });
    expect(proposed.status).toBe(201);
    const improvementId = proposed.body.improvementId;
    const criteria = {
      criteria: { storeIds: ['S-1', 'S-2'], words: ['queue', 'очередь', 'черга'] },
    };
    // The words are matched in the customer-feedback read model, which trails the log a moment.
    await waitFor(
      async () =>
        (
          await admin.post<{ feedbackItems: number }>(
            `/v1/improvements/${improvementId}/links/preview`,
            criteria,
          )
        ).body.feedbackItems === 30,
      { timeoutMs: 30_000, what: 'every complaint matched by the criteria' },
    );
    const preview = await admin.post(`/v1/improvements/${improvementId}/links/preview`, criteria);
    expect(preview).toMatchObject({
      status: 200,
      body: { feedbackItems: 30, customers: 20, anonymous: 0, alreadyLinked: 0 },
    });
    const linked = await admin.post<{ linked: number }>(
      `/v1/improvements/${improvementId}/links`,
      criteria,
    );
    expect(linked).toMatchObject({ status: 200, body: { linked: 30 } });
    const again = await admin.post(`/v1/improvements/${improvementId}/links/preview`, criteria);
    expect(again.body).toMatchObject({ feedbackItems: 30, customers: 20, alreadyLinked: 30 });

    const shipped = await admin.post(`/v1/improvements/${improvementId}/ship`, {
      messages: FIRST_MESSAGES,
    });
    expect(shipped).toMatchObject({
      status: 200,
      body: { status: 'shipped', linkedFeedback: 30, linkedCustomers: 20 },
    });

    const byMail = consenting.filter((c) => c.channel === 'email');
    const bySms = consenting.filter((c) => c.channel === 'sms');
    await deliver(improvementId, byMail, bySms, { mails: 0, posts: 0 });

    // E-mail: exactly one to each consenting customer, none to anyone else.
    expect(mailbox.mails.map((m) => m.to).sort()).toEqual(byMail.map((c) => c.address).sort());
    for (const c of byMail) {
      const mail = mailbox.mails.find((m) => m.to === c.address)!;
      expect({ id: c.id, subject: mail.subject }).toEqual({
        id: c.id,
        subject: YOU_CHANGED_THIS_SUBJECT[c.locale],
      });
      expect(mail.text).toContain(FIRST_MESSAGES[c.locale]);
      expect(c.texts.some((t) => mail.text.includes(t))).toBe(true);
      for (const other of customers.filter((o) => o.id !== c.id))
        for (const t of other.texts) expect(mail.text).not.toContain(t);
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@heard\.test>$/);
      expect(mail.unsubscribe).toMatch(/^<https?:\/\/[^>]+\/v1\/opt-out\/[A-Za-z0-9_.-]+>$/);
      expect(mail.unsubscribePost).toBe('List-Unsubscribe=One-Click');
    }

    // SMS: each consenting customer's message tried three times under one key, accepted once.
    const accepted = gateway.posts.filter((p) => p.status === 200);
    expect(accepted.map((p) => p.body.recipientId).sort()).toEqual(bySms.map((c) => c.id).sort());
    expect(new Set(accepted.map((p) => p.key)).size).toBe(bySms.length);
    for (const c of bySms) {
      const tries = gateway.posts.filter((p) => p.body.recipientId === c.id);
      expect({ id: c.id, statuses: tries.map((p) => p.status) }).toEqual({
        id: c.id,
        statuses: [503, 503, 200],
      });
      expect(new Set(tries.map((p) => p.key)).size).toBe(1);
      for (const p of tries) {
        expect(p.key).toBe(p.body.messageId);
        expect(signatureHolds(p.signature, p.raw)).toBe(true);
      }
      const sms = tries[2].body;
      expect(sms).toMatchObject({
        to: c.address,
        locale: c.locale,
        channel: 'sms',
        kind: 'you_changed_this',
      });
      expect(sms.subject).toBe(YOU_CHANGED_THIS_SUBJECT[c.locale]);
      expect(sms.text).toContain(FIRST_MESSAGES[c.locale]);
      expect(c.texts.some((t) => sms.text.includes(t))).toBe(true);
    }
    // A signature over other bytes does not hold.
    expect(signatureHolds(accepted[0].signature, accepted[0].raw.replace('"', "'"))).toBe(false);

    // As staff see them: one notice each, sent; none for those who did not consent.
    for (const c of consenting) {
      const states = await noticesOf(c.id);
      expect({ id: c.id, states: states.map((s) => [s.kind, s.status, s.improvementId]) }).toEqual({
        id: c.id,
        states: [['you_changed_this', 'sent', improvementId]],
      });
      expect(states[0].channel).toBe(c.channel);
      // The Message-ID and the Idempotency-Key are the notice's: a resend would carry the same.
      expect(states[0].messageId).toBe(states[0].noticeId);
      if (c.channel === 'email')
        expect(mailbox.mails.find((m) => m.to === c.address)?.messageId).toBe(
          `<${states[0].noticeId}@heard.test>`,
        );
      else expect(accepted.find((p) => p.body.recipientId === c.id)?.key).toBe(states[0].noticeId);
    }
    for (const c of [...customers.filter((c) => c.optedOut || c.noConsent), { id: 'C-21' }]) {
      const states = await noticesOf(c.id);
      expect({ id: c.id, unsuppressed: states.filter((s) => s.status !== 'suppressed') }).toEqual({
        id: c.id,
        unsuppressed: [],
      });
    }
    const silent = customers.filter((c) => c.optedOut || c.noConsent);
    for (const c of silent) {
      expect(mailbox.mails.some((m) => m.to === c.address)).toBe(false);
      expect(gateway.posts.some((p) => p.body.recipientId === c.id)).toBe(false);
    }

    // The loop rate: 30 items linked to a shipped improvement, 26 of them by consenting authors.
    const toldItems = consenting.reduce((n, c) => n + c.texts.length, 0);
    expect(toldItems).toBe(26);
    await waitFor(async () => (await loopRate()).improvement.told === toldItems, {
      timeoutMs: 30_000,
      what: 'the loop rate to count the notices sent',
    });
    const rate = await loopRate();
    expect(rate.improvement).toMatchObject({ feedback: 30, told: 26, share: 26 / 30 });
    // Received at START: 12 items told by e-mail at once, 14 by SMS after 30 + 60 s of retries.
    expect(rate.improvement.medianMsToNotice).toBe(90_000);
    expect(rate.resolution).toMatchObject({ feedback: 32, told: 0 });
    // Everyone's first visit was to S-1, the ten second visits to S-2 (C-05's among them).
    const byStore = Object.fromEntries(
      rate.groups.map((g) => [g.group, [g.improvement.feedback, g.improvement.told]]),
    );
    expect(byStore).toEqual({ 'S-1': [20, 17], 'S-2': [10, 9], 'S-3': [0, 0] });

    // --- The opt-out link of a received mail, as a mail client's one-click POST: no login. ---
    const leaver = byMail.find((c) => c.id === 'C-01')!;
    const link = mailbox.mails.find((m) => m.to === leaver.address)!.unsubscribe!.slice(1, -1);
    expect(link.startsWith(`${heard.config.publicBaseUrl}/v1/opt-out/`)).toBe(true);
    const url = new URL(link);
    // A GET (what a mail scanner does) only shows the page.
    const page = await fetch(`${heard.url}${url.pathname}`);
    expect(page.status).toBe(200);
    expect(
      (
        await admin.get<{ consents: Record<string, { given: boolean }> }>(
          `/v1/customers/${leaver.id}/preferences`,
        )
      ).body.consents.you_changed_this,
    ).toMatchObject({ given: true });
    // PUBLIC_BASE_URL defaults to the configured port, which is 0 under test: the path is the link.
    const optOut = await fetch(`${heard.url}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(optOut.status).toBe(200);
    const preferences = await admin.get<{ consents: Record<string, { given: boolean }> }>(
      `/v1/customers/${leaver.id}/preferences`,
    );
    expect(preferences.body.consents.you_changed_this).toMatchObject({ given: false });

    // --- A second improvement, linked and shipped afterwards: everyone but the leaver again. ---
    const second = await admin.post<{ improvementId: string }>('/v1/improvements', {
      title: 'Self-checkout at both stores',
      description: 'Self-checkout tills so that nobody waits behind a full trolley.',
      storeIds: ['S-1', 'S-2'],
      categories: [],
    });
    expect(second.status).toBe(201);
    const secondId = second.body.improvementId;
    expect(
      (await admin.post(`/v1/improvements/${secondId}/links/preview`, criteria)).body,
    ).toMatchObject({ feedbackItems: 30, customers: 20, alreadyLinked: 0 });
    expect((await admin.post(`/v1/improvements/${secondId}/links`, criteria)).body).toMatchObject({
      linked: 30,
    });
    expect(
      (await admin.post(`/v1/improvements/${secondId}/ship`, { messages: SECOND_MESSAGES })).status,
    ).toBe(200);

    // C-04 opts out while the gateway is refusing their SMS: consent is read again at send time.
    const lateLeaver = consenting.find((c) => c.id === 'C-04')!;
    const stillTold = consenting.filter((c) => c !== leaver && c !== lateLeaver);
    const before = { mails: mailbox.mails.length, posts: gateway.posts.length };
    await deliver(
      secondId,
      stillTold.filter((c) => c.channel === 'email'),
      [...stillTold, lateLeaver].filter((c) => c.channel === 'sms'),
      before,
      async () => {
        const out = await heard
          .as(lateLeaver.id, 'customer')
          .post('/v1/me/opt-out', { purpose: 'you_changed_this' });
        expect(out.status).toBe(200);
        return [lateLeaver];
      },
    );
    const secondMails = mailbox.mails.slice(before.mails);
    expect(secondMails.map((m) => m.to).sort()).toEqual(
      stillTold
        .filter((c) => c.channel === 'email')
        .map((c) => c.address)
        .sort(),
    );
    for (const mail of secondMails) {
      const c = customers.find((o) => o.address === mail.to)!;
      expect(mail.subject).toBe(YOU_CHANGED_THIS_SUBJECT[c.locale]);
      expect(mail.text).toContain(SECOND_MESSAGES[c.locale]);
      expect(mail.text).not.toContain(FIRST_MESSAGES[c.locale]);
      expect(c.texts.some((t) => mail.text.includes(t))).toBe(true);
    }
    const secondPosts = gateway.posts.slice(before.posts);
    const secondAccepted = secondPosts.filter((p) => p.status === 200);
    expect(secondAccepted.map((p) => p.body.recipientId).sort()).toEqual(
      stillTold
        .filter((c) => c.channel === 'sms')
        .map((c) => c.id)
        .sort(),
    );
    for (const p of secondAccepted) {
      expect(accepted.some((a) => a.key === p.key)).toBe(false);
      expect(p.body.text).toContain(SECOND_MESSAGES[p.body.locale as Locale]);
    }

    // The leaver by link: nothing arrived, their second notice never scheduled (or suppressed).
    expect(mailbox.mails.filter((m) => m.to === leaver.address)).toHaveLength(1);
    expect(
      (await noticesOf(leaver.id)).filter(
        (s) => s.improvementId === secondId && s.status !== 'suppressed',
      ),
    ).toEqual([]);
    // The late leaver: one refused attempt, then suppressed at send time, never retried.
    expect(
      secondPosts.filter((p) => p.body.recipientId === lateLeaver.id).map((p) => p.status),
    ).toEqual([503]);
    expect(
      (await noticesOf(lateLeaver.id))
        .filter((s) => s.improvementId === secondId)
        .map((s) => [s.status, s.suppressedFor, s.attempts]),
    ).toEqual([['suppressed', 'opted_out', 1]]);

    // 60 links to shipped improvements; told: 26 for the first, 22 for the second (the two
    // leavers' four items are not).
    await waitFor(async () => (await loopRate()).improvement.told === 48, {
      timeoutMs: 30_000,
      what: 'the loop rate to count the second improvement',
    });
    expect((await loopRate()).improvement).toMatchObject({
      feedback: 60,
      told: 48,
      share: 48 / 60,
    });

    // --- Feedback linked after shipping is told when it is linked, and only that. ---
    const late = 'C-22';
    const lateText = 'The queue was back today, twenty minutes (C-22)';
    expect(
      (
        await pos.put(`/v1/customers/${late}/preferences`, {
          channels: [{ channel: 'email', address: 'c-22@example.com' }],
          locale: 'en',
          consents: { you_changed_this: { given: true, how: 'app_settings' } },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await pos.post('/v1/feedback', {
          kind: 'complaint',
          channel: 'store',
          storeId: 'S-2',
          customer: { id: late, consent: true },
          text: lateText,
          language: 'en',
        })
      ).status,
    ).toBe(202);
    await waitFor(
      async () =>
        (
          await admin.post<{ feedbackItems: number }>(
            `/v1/improvements/${improvementId}/links/preview`,
            criteria,
          )
        ).body.feedbackItems === 31,
      { timeoutMs: 30_000, what: 'the late complaint matched by the criteria' },
    );
    const mailsBeforeLate = mailbox.mails.length;
    expect(
      (await admin.post(`/v1/improvements/${improvementId}/links`, criteria)).body,
    ).toMatchObject({ linked: 1 });
    await waitFor(
      async () =>
        (await noticesOf(late)).some(
          (s) => s.improvementId === improvementId && s.status === 'sent',
        ),
      { timeoutMs: 30_000, what: 'the late customer told' },
    );
    const lateMails = mailbox.mails.slice(mailsBeforeLate);
    expect(lateMails.map((m) => m.to)).toEqual(['c-22@example.com']);
    expect(lateMails[0].text).toContain(FIRST_MESSAGES.en);
    expect(lateMails[0].text).toContain(lateText);
    // Nobody told before hears of it again: one notice each per improvement, as before.
    for (const c of consenting)
      expect({
        id: c.id,
        first: (await noticesOf(c.id)).filter((s) => s.improvementId === improvementId).length,
      }).toEqual({ id: c.id, first: 1 });
    await waitFor(async () => (await loopRate()).improvement.told === 49, {
      timeoutMs: 30_000,
      what: 'the loop rate to count the late link',
    });
    expect((await loopRate()).improvement).toMatchObject({ feedback: 61, told: 49 });

    // A customer sees their own notices in their data.
    const mine = await heard
      .as('C-03', 'customer')
      .get<{ notices: { kind: string; status: string; improvementId: string | null }[] }>(
        '/v1/me/data',
      );
    expect(mine.status).toBe(200);
    expect(mine.body.notices.map((n) => [n.kind, n.status, n.improvementId]).sort()).toEqual(
      [
        ['you_changed_this', 'sent', improvementId],
        ['you_changed_this', 'sent', secondId],
      ].sort(),
    );
  });
});
