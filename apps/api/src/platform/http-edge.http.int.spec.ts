import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeardConfig, loadConfig } from '@heard/config';
import { MAX_JSON_DEPTH, signHs256, UNSUPPORTED_MEDIA_TYPE } from '@heard/http';
import { createApp } from '../bootstrap';

jest.setTimeout(60_000);

type Json = Record<string, unknown>;
interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Json;
}

const MiB = 1024 * 1024;
const nested = (depth: number, open = '{"a":', close = '}') =>
  open.repeat(depth) + '1' + close.repeat(depth);
const praise = { kind: 'praise', channel: 'web', customer: { consent: false }, text: 'Дякую 🙏' };

const ADAPTERS: HeardConfig['httpAdapter'][] = ['fastify', 'express'];

describe.each(ADAPTERS)('the HTTP edge on %s', (adapter) => {
  const dataDir = mkdtempSync(join(tmpdir(), `heard-edge-${adapter}-`));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HTTP_ADAPTER: adapter });
  const token = (sub: string, role: string) => signHs256({ sub, role }, config.jwtSecret!);
  const integration = token('pos-bridge', 'integration');
  const admin = token('admin-1', 'cx_admin');
  const agent = token('A-1', 'agent');
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(
    method: string,
    path: string,
    auth: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${auth}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (text ? JSON.parse(text) : null) as Json,
    };
  }

  /** What fetch will not send: bytes as written, straight onto a socket. */
  function rawRequest(request: string): Promise<Answer> {
    const { port } = new URL(base);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(request, 'latin1'));
      let received = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body] = received.split('\r\n\r\n');
        resolve({
          status: Number(head.split(' ')[1]),
          contentType: /^content-type: *(.*)$/im.exec(head)?.[1] ?? null,
          body: JSON.parse(body) as Json,
        });
      });
    });
  }

  const expectProblem = (answer: Answer, status: number, slug: string) => {
    expect({ status: answer.status, contentType: answer.contentType }).toEqual({
      status,
      contentType: expect.stringMatching(/^application\/problem\+json(;|$)/),
    });
    expect(answer.body).toMatchObject({ type: `https://heard.dev/problems/${slug}`, status });
  };
  const expectFieldProblem = (answer: Answer, field: string, rule: string) => {
    expectProblem(answer, 400, 'validation');
    expect(answer.body.errors).toEqual([expect.objectContaining({ field, rule })]);
  };

  describe('a body nested thousands of levels deep', () => {
    it.each([
      ['POST', '/v1/feedback', integration, {}],
      ['PUT', '/v1/routing-rules', admin, {}],
      ['POST', '/v1/cases/C-1/replies', agent, { 'if-match': '"1"' }],
      ['POST', '/v1/cases/C-1/resolve', agent, { 'if-match': '"1"' }],
      ['POST', '/v1/feedback/batch', integration, {}],
    ])('is refused with 400 at parse time on %s %s', async (method, path, auth, headers) => {
      for (const body of [nested(5_000), nested(5_000, '[', ']')]) {
        const answer = await call(method, path, auth, body, headers);
        expectFieldProblem(answer, 'body', 'maxDepth');
        expect(String(answer.body.detail)).toContain(`${MAX_JSON_DEPTH} levels`);
      }
    });

    it('is refused in an NDJSON line, naming the item', async () => {
      const body = `${JSON.stringify(praise)}\n${nested(5_000)}\n`;
      const answer = await call('POST', '/v1/feedback/batch', integration, body, {
        'content-type': 'application/x-ndjson',
      });
      expectFieldProblem(answer, 'items[1]', 'maxDepth');
    });

    it(`passes at ${MAX_JSON_DEPTH} levels, to be judged by validation`, async () => {
      const answer = await call('POST', '/v1/feedback', integration, nested(MAX_JSON_DEPTH));
      expectProblem(answer, 400, 'validation');
      expect(answer.body.errors).toContainEqual(
        expect.objectContaining({ field: 'a', rule: 'whitelistValidation' }),
      );
    });
  });

  describe('errors raised by the framework itself', () => {
    it('answers a path that is not percent-encoding 400', async () => {
      for (const path of ['/v1/feedback/%zz', '/v1/%zz/feedback', '/v1/feedback/%C0%AF'])
        expectProblem(await call('GET', path, admin), 400, 'bad-url');
    });

    it('answers a path parameter over 100 characters 414', async () => {
      const answer = await call('GET', `/v1/feedback/${'a'.repeat(101)}`, admin);
      expectProblem(answer, 414, 'path-parameter-too-long');
      expect((await call('GET', `/v1/feedback/${'a'.repeat(100)}`, admin)).status).toBe(404);
    });

    it('answers an unknown route 404', async () => {
      expectProblem(await call('GET', '/v1/nowhere', admin), 404, 'not-found');
    });

    it('answers a content type nobody parses 415, NDJSON outside the batch too', async () => {
      for (const type of ['application/xml', 'application/x-www-form-urlencoded']) {
        const answer = await call('POST', '/v1/feedback', integration, 'kind=praise', {
          'content-type': type,
        });
        expectProblem(answer, 415, 'unsupported-media-type');
        expect(answer.body.detail).toBe(UNSUPPORTED_MEDIA_TYPE);
      }
      for (const type of ['text/plain', 'application/x-ndjson'])
        expectProblem(
          await call('POST', '/v1/feedback', integration, 'kind=praise', {
            'content-type': type,
          }),
          415,
          'unsupported-media-type',
        );
      const untyped = await rawRequest(
        `POST /v1/feedback HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${integration}\r\n` +
          'Content-Length: 2\r\nConnection: close\r\n\r\n{}',
      );
      expectProblem(untyped, 415, 'unsupported-media-type');
    });

    it('answers what Node cannot read: a control character in a header 400, huge headers 431', async () => {
      const answer = await rawRequest(
        'POST /v1/feedback HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\x01b\r\n' +
          'Content-Length: 0\r\nConnection: close\r\n\r\n',
      );
      expectProblem(answer, 400, 'malformed-request');
      const huge = await rawRequest(
        `GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expectProblem(huge, 431, 'headers-too-large');
    });
  });

  describe('body limits', () => {
    it('refuses a body over 1 MiB with 413 everywhere but the batch', async () => {
      const text = 'x'.repeat(MiB);
      const answer = await call('POST', '/v1/feedback', integration, JSON.stringify({ text }));
      expectProblem(answer, 413, 'body-too-large');
      const small = await call('PUT', '/v1/routing-rules', admin, `{"rules":[],"x":"${text}"}`);
      expectProblem(small, 413, 'body-too-large');
    });

    it('takes up to 16 MiB on the batch and refuses more with 413', async () => {
      const padded = `${JSON.stringify(praise)}\n${' '.repeat(2 * MiB)}\n`;
      const ndjson = { 'content-type': 'application/x-ndjson' };
      const taken = await call('POST', '/v1/feedback/batch', integration, padded, ndjson);
      expect(taken).toMatchObject({ status: 200, body: { counts: { accepted: 1 } } });
      const over = `${JSON.stringify(praise)}\n${' '.repeat(16 * MiB)}\n`;
      const refused = await call('POST', '/v1/feedback/batch', integration, over, ndjson);
      expectProblem(refused, 413, 'body-too-large');
    });

    it('counts NDJSON lines before parsing them: 16 MiB of newlines is a quick 400', async () => {
      const answer = await call(
        'POST',
        '/v1/feedback/batch',
        integration,
        '\n'.repeat(16 * MiB - 1),
        { 'content-type': 'application/x-ndjson' },
      );
      expectFieldProblem(answer, 'items', 'arrayMinSize');
    });
  });

  describe('bodies that would cost far more to validate than to send', () => {
    it('refuses an object of 90,000 keys with 400 before class-transformer sees it', async () => {
      const wide = `{${Array.from({ length: 90_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
      expectFieldProblem(
        await call('POST', '/v1/feedback', integration, wide),
        'body',
        'maxProperties',
      );
    });

    it('refuses a list of more than 10,000 items with 413', async () => {
      const long = JSON.stringify({ ...praise, factors: Array(10_001).fill(0) });
      expectProblem(await call('POST', '/v1/feedback', integration, long), 413, 'body-too-large');
    });

    it('lists at most 10 errors per rejected batch item and says how many more', async () => {
      const junk = JSON.stringify({ ...praise, factors: Array(2_000).fill(0) });
      const answer = await call(
        'POST',
        '/v1/feedback/batch',
        integration,
        [junk, junk].join('\n'),
        {
          'content-type': 'application/x-ndjson',
        },
      );
      expect(answer.status).toBe(200);
      const results = answer.body.results as { status: string; errors: Json[] }[];
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(results[0].errors).toHaveLength(10);
      expect(results[0].errors).toContainEqual(
        expect.objectContaining({ field: 'factors', rule: 'arrayMaxSize' }),
      );
      expect(results[0].errors[9]).toMatchObject({ rule: 'moreErrors' });
    });
  });

  describe('text no store can hold', () => {
    const feedback = (patch: Json) => JSON.stringify({ ...praise, ...patch });

    it.each<[string, string, Json | string, string]>([
      ['a NUL in the text', '/v1/feedback', { text: 'a\u0000b' }, 'text'],
      ['an escape character', '/v1/feedback', { text: 'a\u001bb' }, 'text'],
      ['a lone surrogate', '/v1/feedback', { text: 'broken \ud83d emoji' }, 'text'],
      [
        'a NUL in a nested field',
        '/v1/feedback',
        { customer: { consent: false, name: 'Ol\u0000ena' } },
        'customer.name',
      ],
      [
        'a NUL in a JSON batch item',
        '/v1/feedback/batch',
        JSON.stringify({ items: [praise, praise, praise, { ...praise, text: '\u0000' }] }),
        'items[3].text',
      ],
    ])('refuses %s with 400 naming the field', async (_label, path, body, field) => {
      const sent = typeof body === 'string' ? body : feedback(body);
      expectFieldProblem(await call('POST', path, integration, sent), field, 'storableText');
    });

    it('refuses it in an NDJSON item, in a reply, in a query string and in a path', async () => {
      const lines = `${JSON.stringify(praise)}\n${feedback({ text: 'a\u0000b' })}`;
      expectFieldProblem(
        await call('POST', '/v1/feedback/batch', integration, lines, {
          'content-type': 'application/x-ndjson',
        }),
        'items[1].text',
        'storableText',
      );
      expectFieldProblem(
        await call('POST', '/v1/cases/C-1/replies', agent, '{"text":"hi\\u0000"}', {
          'if-match': '"1"',
        }),
        'text',
        'storableText',
      );
      expectFieldProblem(
        await call('GET', '/v1/cases?category=%00', admin),
        'category',
        'storableText',
      );
      expectFieldProblem(await call('GET', '/v1/feedback/a%00b', admin), 'id', 'storableText');
    });

    it('keeps tabs, line breaks, emoji and every script', async () => {
      const answer = await call(
        'POST',
        '/v1/feedback',
        integration,
        feedback({ text: 'Хліб\tчерствий\r\nочередь 😞🍞 — 面包' }),
      );
      expect(answer.status).toBe(202);
    });
  });

  describe('dates', () => {
    it.each(['2026-W01', '2026-001', '2026-02-30T00:00:00Z', '2026-11-23', '2026-11-23T10:00:00'])(
      'refuses dueBefore=%s with 400 naming it',
      async (value) => {
        const answer = await call('GET', `/v1/cases?dueBefore=${value}`, admin);
        expectProblem(answer, 400, 'validation');
        expect(answer.body.errors).toEqual([
          expect.objectContaining({ field: 'dueBefore', rule: 'isIsoInstant' }),
        ]);
      },
    );

    it('takes an instant with an offset', async () => {
      const answer = await call('GET', '/v1/cases?dueBefore=2026-11-23T10:00:00%2B02:00', admin);
      expect(answer.status).toBe(200);
    });
  });
});
