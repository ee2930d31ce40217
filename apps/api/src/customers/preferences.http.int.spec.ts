import { HeardConfig, loadConfig } from '@heard/config';
import { signOptOutToken } from '@heard/customers';
import { EventStore } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { EVENT_STORE, STORED_EVENTS } from '../platform/tokens';
import { OpenApiResponseValidator } from '../../../../test/support/openapi-response-validator';

interface Answer {
  readonly status: number;
  readonly type: string | null;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

const EMAIL = 'olena.petrenko@example.com';
const PHONE = '+380501234567';
const preferences = {
  channels: [
    { channel: 'sms', address: PHONE },
    { channel: 'email', address: EMAIL },
    { channel: 'in_app' },
  ],
  locale: 'uk',
  consents: {
    case_updates: { given: true, how: 'app_settings' },
    surveys: { given: true },
  },
  quietHours: { from: '22:00', to: '08:00', timeZone: 'Europe/Kyiv' },
};

/** One app per adapter (the one-click form is parsed by each); the tests build on each other. */
describe.each(['fastify', 'express'])(
  'customer preferences and opting out over HTTP (embedded SQLite, %s)',
  (adapter) => {
    jest.setTimeout(30_000);
    let dataDir: string;
    let config: HeardConfig;
    let app: INestApplication;
    let baseUrl: string;
    let contract: OpenApiResponseValidator;

    const tokenOf = (sub: string, role: Role) =>
      signHs256({ sub, role }, config.jwtSecret as string);
    const call = async (
      method: 'GET' | 'PUT' | 'POST',
      path: string,
      options: { body?: unknown; token?: string | null; form?: string } = {},
    ): Promise<Answer> => {
      const token = options.token === undefined ? tokenOf('C-7', 'customer') : options.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      let body: string | undefined;
      if (options.form !== undefined) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = options.form;
      } else if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      const type = response.headers.get('content-type');
      contract.check(method, path, response.status, type, text);
      const json =
        type?.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : {};
      return { status: response.status, type, text, body: json };
    };
    const storedBytes = async (streamId: string) =>
      JSON.stringify(
        (await app.get<EventStore>(STORED_EVENTS).readStream(streamId)).map((e) => e.data),
      );
    const streamOf = (streamId: string) => app.get<EventStore>(EVENT_STORE).readStream(streamId);

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'heard-preferences-http-'));
      config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HTTP_ADAPTER: adapter });
      app = await createApp(config, { logger: false });
      await app.listen(0, '127.0.0.1');
      baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      contract = await OpenApiResponseValidator.of(baseUrl);
    });

    afterAll(async () => {
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers a customer never seen with empty preferences', async () => {
      expect(await call('GET', '/v1/me/preferences')).toMatchObject({
        status: 200,
        body: { customerId: 'C-7', channels: [], locale: null, consents: {}, quietHours: null },
      });
    });

    it('puts the preferences and reads them back, the addresses sealed in the event', async () => {
      const put = await call('PUT', '/v1/me/preferences', { body: preferences });
      expect(put).toMatchObject({
        status: 200,
        body: {
          customerId: 'C-7',
          channels: preferences.channels,
          locale: 'uk',
          consents: {
            case_updates: { given: true, how: 'app_settings' },
            surveys: { given: true, how: 'api' },
          },
          quietHours: preferences.quietHours,
        },
      });
      expect((put.body.consents as Record<string, { at: string }>).surveys.at).toMatch(/^2\d{3}-/);
      expect((await call('GET', '/v1/me/preferences')).body).toEqual(put.body);
      const admin = await call('GET', '/v1/customers/C-7/preferences', {
        token: tokenOf('admin-1', 'cx_admin'),
      });
      expect(admin.body).toEqual(put.body);
      const [event] = await streamOf('customer-C-7');
      expect(event).toMatchObject({ type: 'ContactPreferencesSet', actor: 'C-7' });
      const stored = await storedBytes('customer-C-7');
      expect(stored).not.toContain(EMAIL);
      expect(stored).not.toContain('380501234567');
    });

    it('records nothing when the same preferences are put again', async () => {
      await call('PUT', '/v1/me/preferences', { body: preferences });
      expect(await streamOf('customer-C-7')).toHaveLength(1);
    });

    it('lets an integration put a customer’s preferences by id', async () => {
      const answer = await call('PUT', '/v1/customers/C-8/preferences', {
        body: { channels: [{ channel: 'email', address: 'ivan@example.com' }], locale: 'ru' },
        token: tokenOf('crm', 'integration'),
      });
      expect(answer).toMatchObject({ status: 200, body: { customerId: 'C-8', locale: 'ru' } });
    });

    it.each([
      ['channels', { ...preferences, channels: undefined }, 'channels'],
      [
        'an unknown channel',
        { channels: [{ channel: 'fax', address: '1' }] },
        'channels[0].channel',
      ],
      [
        'a bad e-mail',
        { channels: [{ channel: 'email', address: 'olena@' }] },
        'channels[0].address',
      ],
      [
        'a phone not E.164',
        { channels: [{ channel: 'sms', address: '050 123' }] },
        'channels[0].address',
      ],
      [
        'the same channel twice',
        { channels: [{ channel: 'in_app' }, { channel: 'in_app' }] },
        'channels',
      ],
      ['a locale not BCP 47', { channels: [], locale: 'not a locale' }, 'locale'],
      [
        'a consent not boolean',
        { channels: [], consents: { surveys: { given: 'yes' } } },
        'consents.surveys.given',
      ],
      [
        'an unknown purpose',
        { channels: [], consents: { spam: { given: true } } },
        'consents.spam',
      ],
      [
        'quiet hours not HH:mm',
        { channels: [], quietHours: { from: '25:00', to: '08:00', timeZone: 'Europe/Kyiv' } },
        'quietHours.from',
      ],
      [
        'an unknown time zone',
        { channels: [], quietHours: { from: '22:00', to: '08:00', timeZone: 'Mars/Olympus' } },
        'quietHours.timeZone',
      ],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      const answer = await call('PUT', '/v1/me/preferences', { body });
      expect(answer.status).toBe(400);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    });

    it('refuses a customer id that is not one with 422 naming id', async () => {
      const answer = await call('GET', '/v1/customers/%20bad/preferences', {
        token: tokenOf('admin-1', 'cx_admin'),
      });
      expect(answer.status).toBe(422);
    });

    it('opts out by POST /v1/me/opt-out, at once, as an event', async () => {
      const answer = await call('POST', '/v1/me/opt-out', { body: { purpose: 'surveys' } });
      expect(answer).toMatchObject({
        status: 200,
        body: { consents: { surveys: { given: false, how: 'opt_out' } } },
      });
      expect((await streamOf('customer-C-7')).map((e) => e.type)).toEqual([
        'ContactPreferencesSet',
        'OptedOut',
      ]);
    });

    it('shows the signed link’s page in the customer’s language, without a token, changing nothing', async () => {
      const link = signOptOutToken(config.optOutSecret, {
        customerId: 'C-7',
        purpose: 'case_updates',
        issuedAt: new Date().toISOString(),
      });
      const answer = await call('GET', `/v1/opt-out/${link}`, { token: null });
      expect(answer.status).toBe(200);
      expect(answer.type).toContain('text/html');
      expect(answer.text).toContain('lang="uk"');
      expect(answer.text).toContain('Відписатися');
      expect(answer.text).toContain(`action="${link}"`);
      expect(await streamOf('customer-C-7')).toHaveLength(2);
    });

    it('opts out by one-click POST on the signed link (RFC 8058), answering in uk', async () => {
      const link = signOptOutToken(config.optOutSecret, {
        customerId: 'C-7',
        purpose: 'case_updates',
        issuedAt: new Date().toISOString(),
      });
      const answer = await call('POST', `/v1/opt-out/${link}`, {
        token: null,
        form: 'List-Unsubscribe=One-Click',
      });
      expect(answer.status).toBe(200);
      expect(answer.type).toContain('text/html');
      expect(answer.text).toContain('Ви відписалися');
      const last = (await streamOf('customer-C-7')).at(-1);
      expect(last).toMatchObject({
        type: 'OptedOut',
        data: { purpose: 'case_updates', via: 'opt_out_link' },
      });
      const again = await call('POST', `/v1/opt-out/${link}`, { token: null });
      expect(again.status).toBe(200);
      expect(await streamOf('customer-C-7')).toHaveLength(3);
    });

    it('answers the page in en for a customer without a locale', async () => {
      const link = signOptOutToken(config.optOutSecret, {
        customerId: 'C-none',
        purpose: null,
        issuedAt: new Date().toISOString(),
      });
      const answer = await call('POST', `/v1/opt-out/${link}`, { token: null });
      expect(answer.text).toContain('lang="en"');
    });

    it('refuses a tampered link 404 and a malformed one 400, never acting', async () => {
      const link = signOptOutToken(config.optOutSecret, {
        customerId: 'C-7',
        purpose: 'you_changed_this',
        issuedAt: new Date().toISOString(),
      });
      const [, mac] = link.split('.');
      const forged = `${Buffer.from('C-8\nall\nmiw3ls').toString('base64url')}.${mac}`;
      for (const method of ['GET', 'POST'] as const) {
        const tampered = await call(method, `/v1/opt-out/${forged}`, { token: null });
        expect(tampered.status).toBe(404);
        expect(tampered.type).toContain('application/problem+json');
        const malformed = await call(method, '/v1/opt-out/not-a-token', { token: null });
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
      }
      expect((await streamOf('customer-C-8')).map((e) => e.type)).toEqual([
        'ContactPreferencesSet',
      ]);
    });

    it('records contact details and consent given with a feedback submission', async () => {
      const integration = tokenOf('pos-bridge', 'integration');
      const submitted = await call('POST', '/v1/feedback', {
        token: integration,
        body: {
          kind: 'complaint',
          channel: 'store',
          customer: {
            id: 'C-9',
            email: 'petro@example.com',
            phone: '+380 44 123 45 67',
            consent: true,
          },
          text: 'Only one till open',
        },
      });
      expect(submitted.status).toBe(202);
      const read = () => call('GET', '/v1/customers/C-9/preferences', { token: integration });
      await waitFor(
        async () =>
          (await read()).body.channels !== undefined &&
          ((await read()).body.channels as unknown[]).length > 0,
        {
          what: 'C-9 preferences from the feedback',
        },
      );
      expect((await read()).body).toMatchObject({
        channels: [
          { channel: 'email', address: 'petro@example.com' },
          { channel: 'sms', address: '+380441234567' },
        ],
        consents: {
          case_updates: { given: true, how: `feedback:${submitted.body.feedbackId as string}` },
        },
      });
    });

    it('gives the customer everything held about them in one document', async () => {
      const mine = tokenOf('C-9', 'customer');
      const read = () => call('GET', '/v1/me/data', { token: mine });
      await waitFor(
        async () => {
          const { body } = await read();
          const feedback = body.feedback as { case: unknown }[];
          return (
            feedback.length === 1 &&
            feedback[0].case !== null &&
            (body.cases as unknown[]).length === 1
          );
        },
        { what: 'C-9 feedback and case in the read models' },
      );
      const { body } = await read();
      expect(body).toMatchObject({
        customerId: 'C-9',
        feedback: [{ kind: 'complaint', text: 'Only one till open', case: { replies: [] } }],
        cases: [{ status: 'open' }],
        preferences: { channels: [{ channel: 'email', address: 'petro@example.com' }, {}] },
        consents: { case_updates: { given: true } },
        notices: [],
      });
      expect(body.cases).toEqual([expect.not.objectContaining({ ownerId: expect.anything() })]);
    });

    it('drops the addresses from the preferences once the customer is erased', async () => {
      const admin = tokenOf('admin-1', 'cx_admin');
      expect((await call('POST', '/v1/customers/C-7/erasure', { token: admin })).status).toBe(200);
      const answer = await call('GET', '/v1/customers/C-7/preferences', { token: admin });
      expect(answer.body).toMatchObject({
        channels: [{ channel: 'sms' }, { channel: 'email' }, { channel: 'in_app' }],
        locale: 'uk',
        consents: { surveys: { given: false } },
      });
      expect(answer.text).not.toContain(EMAIL);
      expect(answer.text).not.toContain(PHONE);
    });
  },
);
