import { HeardConfig, loadConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { scheduleNotice, thankYouNoticeId, youChangedThisNoticeId } from '@heard/loop';
import { givenShippedImprovement, startSmtpSink, SmtpSink } from '@heard/loop/testing';
import { INestApplication } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { EVENT_STORE } from '../platform/tokens';
import { OpenApiResponseValidator } from '../../../../test/support/openapi-response-validator';

type Json = Record<string, unknown>;

async function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-notices-http-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', ...env });
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { dataDir, config, app, baseUrl };
}

describe('notices over HTTP, delivered by the embedded thread to a real SMTP server', () => {
  jest.setTimeout(60_000);
  let sink: SmtpSink;
  let config: HeardConfig;
  let app: INestApplication;
  let dataDir: string;
  let baseUrl: string;
  let contract: OpenApiResponseValidator;
  let feedbackId: string;

  const tokenOf = (sub: string, role: Role) => signHs256({ sub, role }, config.jwtSecret as string);
  const call = async (
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    token: string | null,
    body?: unknown,
  ) => {
    const response = await fetch(path.startsWith('http') ? path : `${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type');
    if (!path.startsWith('http')) contract.check(method, path, response.status, type, text);
    return {
      status: response.status,
      body: (type?.includes('json') && text ? JSON.parse(text) : {}) as Json,
    };
  };
  const customer = () => tokenOf('C-9', 'customer');
  const admin = () => tokenOf('admin-1', 'cx_admin');
  const store = () => app.get<EventStore>(EVENT_STORE);
  const notify = (improvementId: string) => {
    const at = new Date().toISOString();
    return scheduleNotice(store(), {
      noticeId: youChangedThisNoticeId('C-9', improvementId),
      kind: 'you_changed_this',
      recipient: { customerId: 'C-9' },
      refs: { improvementId, feedbackIds: [feedbackId] },
      channel: 'email',
      notBefore: at,
      at,
    });
  };
  const staffView = async () =>
    (await call('GET', '/v1/customers/C-9/notices', admin())).body.items as Json[];

  beforeAll(async () => {
    sink = await startSmtpSink();
    ({ dataDir, config, app, baseUrl } = await start({
      SMTP_URL: sink.url,
      NOTICE_FROM: 'Heard <notices@shop.example>',
      NOTICE_DIGEST_HOURS: '0',
      PUBLIC_BASE_URL: 'http://placeholder.invalid',
    }));
    contract = await OpenApiResponseValidator.of(baseUrl);
    const put = await call('PUT', '/v1/me/preferences', customer(), {
      channels: [{ channel: 'email', address: 'olena@example.com' }],
      locale: 'uk-UA',
      consents: { case_updates: { given: true }, you_changed_this: { given: true } },
    });
    expect(put.status).toBe(200);
    const sent = await call('POST', '/v1/feedback', tokenOf('pos', 'integration'), {
      kind: 'suggestion',
      channel: 'app',
      customer: { id: 'C-9', consent: true },
      text: 'Відкрийте, будь ласка, другу касу у вечірні години',
    });
    expect(sent.status).toBe(202);
    feedbackId = sent.body.feedbackId as string;
    await givenShippedImprovement(store(), 'imp-1', {
      en: 'A second checkout',
      uk: 'Друга каса щовечора',
    });
    await givenShippedImprovement(store(), 'imp-2', { en: 'New bakery' });
  });

  afterAll(async () => {
    await app?.close();
    await sink?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('mails "you changed this" in the customer language with their words and a one-click opt-out', async () => {
    await notify('imp-1');
    await waitFor(async () => sink.messages.length === 1, { what: 'the notice mailed' });
    const mail = await simpleParser(sink.messages[0].raw);
    const noticeId = youChangedThisNoticeId('C-9', 'imp-1');
    expect(mail.messageId).toBe(`<${noticeId}@shop.example>`);
    expect(mail.subject).toBe('Це змінили ви');
    expect(mail.text).toContain('Друга каса щовечора');
    expect(mail.text).toContain('«Відкрийте, будь ласка, другу касу у вечірні години»');
    await waitFor(async () => (await staffView())[0]?.status === 'sent', {
      what: 'the notice recorded sent',
    });
  });

  it('shows the feed rendered, marks a notice read once, and refuses others', async () => {
    const noticeId = youChangedThisNoticeId('C-9', 'imp-1');
    const feed = await call('GET', '/v1/me/notices', customer());
    expect(feed).toMatchObject({
      status: 200,
      body: {
        items: [{ noticeId, kind: 'you_changed_this', subject: 'Це змінили ви', readAt: null }],
        nextCursor: null,
      },
    });
    expect((feed.body.items as Json[])[0].text).toContain('Друга каса щовечора');
    const read = await call('POST', `/v1/me/notices/${noticeId}/read`, customer());
    expect(read).toMatchObject({ status: 200, body: { noticeId } });
    expect((await call('POST', `/v1/me/notices/${noticeId}/read`, customer())).body).toEqual(
      read.body,
    );
    expect(
      (await call('POST', `/v1/me/notices/${noticeId}/read`, tokenOf('C-8', 'customer'))).status,
    ).toBe(404);
    expect((await call('POST', '/v1/me/notices/not-a-uuid/read', customer())).status).toBe(422);
    expect((await call('GET', '/v1/me/notices?cursor=bogus', customer())).status).toBe(400);
    expect((await call('GET', '/v1/me/notices?limit=0', customer())).status).toBe(400);
  });

  it('shows staff states and attempts without content, and the customer their notices in my data', async () => {
    const [state] = await staffView();
    expect(state).toMatchObject({
      kind: 'you_changed_this',
      status: 'sent',
      attempts: 1,
      lastError: null,
      improvementId: 'imp-1',
    });
    expect(JSON.stringify(state)).not.toContain('Друга');
    const data = await call('GET', '/v1/me/data', customer());
    expect(data.body.notices).toEqual([
      expect.objectContaining({ kind: 'you_changed_this', status: 'sent' }),
    ]);
    expect((await call('GET', '/v1/customers/bad id/notices', admin())).status).toBe(422);
  });

  it('after the opt-out link of the mail, the next improvement reaches the customer no more', async () => {
    const mail = await simpleParser(sink.messages[0].raw);
    const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const link = /<([^>]+)>/.exec(line)?.[1] ?? '';
    expect(link).toMatch(/^http:\/\/placeholder\.invalid\/v1\/opt-out\//);
    const optOut = await call('POST', link.replace('http://placeholder.invalid', baseUrl), null);
    expect(optOut.status).toBe(200);
    await notify('imp-2');
    await waitFor(async () => (await staffView()).some((n) => n.status === 'suppressed'), {
      what: 'the second notice suppressed',
    });
    expect((await staffView())[0]).toMatchObject({
      improvementId: 'imp-2',
      suppressedFor: 'opted_out',
    });
    expect(sink.messages).toHaveLength(1);
  });
});

describe('notices on the embedded default without SMTP_URL', () => {
  jest.setTimeout(60_000);

  it('writes each e-mail as an .eml file to DATA_DIR/outbox', async () => {
    const { dataDir, config, app, baseUrl } = await start({});
    try {
      const token = signHs256({ sub: 'C-5', role: 'customer' }, config.jwtSecret as string);
      await fetch(`${baseUrl}/v1/me/preferences`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          channels: [{ channel: 'email', address: 'c5@example.com' }],
          locale: 'ru',
          consents: { case_updates: { given: true } },
        }),
      });
      const feedbackId = '0193e7a0-0000-7000-8000-0000000000c5';
      const at = new Date().toISOString();
      await scheduleNotice(app.get<EventStore>(EVENT_STORE), {
        noticeId: thankYouNoticeId(feedbackId),
        kind: 'thank_you',
        recipient: { customerId: 'C-5' },
        refs: { feedbackIds: [feedbackId] },
        channel: 'email',
        notBefore: at,
        at,
      });
      const outbox = join(dataDir, 'outbox');
      await waitFor(
        async () => existsSync(outbox) && readdirSync(outbox).some((f) => f.endsWith('.eml')),
        {
          what: 'an .eml in the outbox',
        },
      );
      const [file] = readdirSync(outbox);
      expect(file).toBe(`${thankYouNoticeId(feedbackId)}.eml`);
      const mail = await simpleParser(readFileSync(join(outbox, file)));
      expect(mail.subject).toBe('Спасибо');
      expect(mail.to).toMatchObject({ text: 'c5@example.com' });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
