import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer, Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import { noticeLocaleOf } from '../domain/delivery-policy';
import { OutgoingNotice } from '../delivery/notice-channel.port';
import { renderNotice } from '../templates/render-notice';
import { startSmtpSink, SmtpSink } from '../../testing/smtp-sink';
import { OutboxEmailChannel } from './outbox-email-channel';
import { SmtpEmailChannel } from './smtp-email-channel';
import { ThreadedSmtpEmailChannel } from './threaded-smtp-email-channel';
import { WebhookChannel } from './webhook-channel';

/** mailparser folds List-* headers into one object; the raw line says what was sent. */
const headerLine = (mail: ParsedMail, key: string): string | undefined =>
  mail.headerLines
    .find((h) => h.key === key)
    ?.line.slice(key.length + 1)
    .trim();

const FROM = 'Heard <notices@shop.example>';
const UNSUBSCRIBE = 'http://heard.example/v1/opt-out/abc.def';

function notice(over: Partial<OutgoingNotice> = {}, tag = 'uk-UA'): OutgoingNotice {
  const locale = noticeLocaleOf(tag);
  const rendered = renderNotice(
    {
      kind: 'you_changed_this',
      changes: [
        {
          improvementId: 'imp-1',
          title: 'Second checkout',
          message: locale === 'uk' ? 'Відкрили другу касу' : 'We opened a second checkout',
          quote: 'The queue <was> too long',
          saidAt: '2026-11-20T10:00:00.000Z',
        },
      ],
    },
    locale,
    UNSUBSCRIBE,
  );
  return {
    messageId: '0190a1b2-0000-8000-8000-000000000001',
    channel: 'email',
    kind: 'you_changed_this',
    noticeIds: ['0190a1b2-0000-8000-8000-000000000001'],
    recipientId: 'C-1',
    to: 'olena@example.com',
    locale,
    unsubscribeUrl: UNSUBSCRIBE,
    ...rendered,
    ...over,
  };
}

const SMTP_CHANNELS = [
  ['in this thread', (smtpUrl: string) => new SmtpEmailChannel({ smtpUrl, from: FROM })],
  [
    'from a thread of its own',
    (smtpUrl: string) => new ThreadedSmtpEmailChannel({ smtpUrl, from: FROM }),
  ],
] as const;

describe.each(SMTP_CHANNELS)(
  'SMTP e-mail channel %s against a real SMTP server on loopback',
  (_, open) => {
    let sink: SmtpSink;
    let channel: SmtpEmailChannel | ThreadedSmtpEmailChannel;

    beforeAll(async () => {
      sink = await startSmtpSink({
        refuse: (to) => (to.startsWith('gone@') ? 550 : to.startsWith('busy@') ? 451 : null),
      });
      channel = open(sink.url);
    });
    afterAll(async () => {
      await channel.close();
      await sink.close();
    });

    it('sends multipart text and HTML with the Message-ID and one-click opt-out headers', async () => {
      expect(await channel.send(notice())).toEqual({ ok: true });
      expect(sink.messages).toHaveLength(1);
      const mail = await simpleParser(sink.messages[0].raw);
      expect(mail.messageId).toBe('<0190a1b2-0000-8000-8000-000000000001@shop.example>');
      expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(headerLine(mail, 'list-unsubscribe')).toBe(`<${UNSUBSCRIBE}>`);
      expect(mail.subject).toBe('Це змінили ви');
      expect(mail.text).toContain('Відкрили другу касу');
      expect(mail.text).toContain('«The queue <was> too long»');
      expect(mail.html).toContain('The queue &#60;was&#62; too long');
      expect(mail.html).toContain(`<a href="${UNSUBSCRIBE}">`);
      expect(sink.messages[0].to).toEqual(['olena@example.com']);
    });

    it('falls back to English for a locale without templates', async () => {
      await channel.send(notice({ messageId: 'en-1' }, 'de-AT'));
      const mail = await simpleParser(sink.messages[sink.messages.length - 1].raw);
      expect(mail.subject).toBe('You changed this');
      expect(mail.text).toContain('We opened a second checkout');
    });

    it('tells a permanent refusal (5xx) from a transient one (4xx)', async () => {
      expect(await channel.send(notice({ to: 'gone@example.com' }))).toEqual({
        ok: false,
        permanent: true,
        error: 'smtp 550',
      });
      expect(await channel.send(notice({ to: 'busy@example.com' }))).toEqual({
        ok: false,
        permanent: false,
        error: 'smtp 451',
      });
    });

    it('an unreachable server is worth a retry', async () => {
      const nowhere = open('smtp://127.0.0.1:1');
      const result = await nowhere.send(notice());
      await nowhere.close();
      expect(result).toMatchObject({ ok: false, permanent: false });
    });
  },
);

describe('SMTP e-mail channel from a thread of its own, when the thread dies', () => {
  it('answers the sends it held as worth a retry, and the next send starts a new thread', async () => {
    // A server that takes the connection and never greets: the send waits until the thread dies.
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const sink = await startSmtpSink();
    const channel = new ThreadedSmtpEmailChannel({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: FROM,
    });
    try {
      const held = channel.send(notice());
      const deadline = Date.now() + 10_000;
      while (sockets.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setImmediate(resolve));
      expect(sockets.length).toBeGreaterThan(0);
      // No public way to kill it: the test reaches the worker as a crash would.
      await (channel as unknown as { calls: { worker: Worker } }).calls.worker.terminate();
      expect(await held).toEqual({ ok: false, permanent: false, error: 'smtp sender stopped' });
    } finally {
      await channel.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
    const next = new ThreadedSmtpEmailChannel({ smtpUrl: sink.url, from: FROM });
    try {
      expect(await next.send(notice())).toEqual({ ok: true });
      expect(sink.messages).toHaveLength(1);
    } finally {
      await next.close();
      await sink.close();
    }
  });
});

describe('outbox e-mail channel', () => {
  it('writes the same MIME message to DATA_DIR/outbox as <message id>.eml, and nothing half-written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-outbox-'));
    const outbox = join(dir, 'outbox');
    try {
      const channel = new OutboxEmailChannel(outbox, FROM);
      expect(await channel.send(notice())).toEqual({ ok: true });
      expect(await channel.send(notice())).toEqual({ ok: true });
      expect(readdirSync(outbox)).toEqual(['0190a1b2-0000-8000-8000-000000000001.eml']);
      const mail = await simpleParser(
        readFileSync(join(outbox, '0190a1b2-0000-8000-8000-000000000001.eml')),
      );
      expect(mail.messageId).toBe('<0190a1b2-0000-8000-8000-000000000001@shop.example>');
      expect(mail.to).toMatchObject({ text: 'olena@example.com' });
      expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.text).toContain('Відкрили другу касу');
      expect(mail.html).toContain('<p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(dir)).toBe(false);
  });
});

describe('webhook channel against a real HTTP server that fails twice, then accepts', () => {
  const SECRET = 'a-webhook-secret-of-some-length';
  let server: Server;
  let url: string;
  const seen: { key: string | undefined; signature: string; body: string }[] = [];

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.setEncoding('utf8').on('data', (c: string) => (body += c));
      req.on('end', () => resolve(body));
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((body) => {
        seen.push({
          key: req.headers['idempotency-key'] as string | undefined,
          signature: String(req.headers['heard-signature']),
          body,
        });
        res.statusCode = seen.length <= 2 ? 503 : 202;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('signs each attempt, keeps the Idempotency-Key, and reports 5xx as transient', async () => {
    const channel = new WebhookChannel({ url, secret: SECRET });
    const sms = notice({ channel: 'sms', to: '+380501234567' });
    const results = [await channel.send(sms), await channel.send(sms), await channel.send(sms)];
    expect(results).toEqual([
      { ok: false, permanent: false, error: 'http 503' },
      { ok: false, permanent: false, error: 'http 503' },
      { ok: true },
    ]);
    expect(new Set(seen.map((s) => s.key))).toEqual(new Set([sms.messageId]));
    for (const { signature, body } of seen) {
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
      expect(match).not.toBeNull();
      const [, t, mac] = match as RegExpExecArray;
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
      expect(createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')).toBe(mac);
      expect(JSON.parse(body)).toMatchObject({ messageId: sms.messageId, to: '+380501234567' });
    }
  });

  it('a 4xx is final', async () => {
    const refusing = createServer((_req, res) => {
      res.statusCode = 422;
      res.end();
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const port = (refusing.address() as AddressInfo).port;
    const channel = new WebhookChannel({ url: `http://127.0.0.1:${port}/`, secret: SECRET });
    const result = await channel.send(notice({ channel: 'push', to: null }));
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    expect(result).toEqual({ ok: false, permanent: true, error: 'http 422' });
  });
});
