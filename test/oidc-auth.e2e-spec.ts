import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@heard/event-store/testing';
import { LocalIdentityProvider } from '@heard/http/testing';
import { Deployment, HeardUnderTest, startHeard } from './support/heard-under-test';

const COOLDOWN_SECONDS = 1;

interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code?: string;
}

/**
 * Heard behind a Keycloak-shaped provider found by OIDC discovery, over real HTTP: the provider is
 * down when Heard starts, comes up, rotates its key and goes down again. Tests run in order.
 */
describe('tokens from an OIDC identity provider found by discovery (OIDC_ISSUER_URL)', () => {
  let idp: LocalIdentityProvider;
  let heard: HeardUnderTest;

  beforeAll(async () => {
    idp = await LocalIdentityProvider.start();
    await idp.stop();
    const deployment: Deployment = {
      name: 'embedded with OIDC discovery',
      prepare: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'heard-oidc-'));
        return {
          env: {
            DATA_DIR: dir,
            OIDC_ISSUER_URL: idp.issuer,
            JWT_AUDIENCE: 'heard-api',
            JWT_ROLE_CLAIM: 'realm_access.roles',
            JWKS_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
          },
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    };
    heard = await startHeard(deployment);
  }, 60_000);

  afterAll(async () => {
    await heard?.close();
    await idp?.stop();
  });

  const me = (token: string) =>
    fetch(`${heard.url}/v1/me/feedback`, { headers: { authorization: `Bearer ${token}` } });
  const asCustomer = (sub = 'C-1') => ({
    sub,
    aud: ['account', 'heard-api'],
    realm_access: { roles: ['offline_access', 'customer'] },
  });
  const problemOf = async (answer: Response): Promise<Problem> => {
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    return (await answer.json()) as Problem;
  };

  it('starts while the provider is down, answers 503 problem+json, and serves once it is up', async () => {
    const token = await idp.sign(asCustomer());
    const down = await me(token);
    expect(down.status).toBe(503);
    expect(await problemOf(down)).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      detail: expect.stringContaining('identity provider could not be reached'),
    });
    await idp.resume();
    await waitFor(async () => (await me(token)).status === 200, {
      what: 'Heard to discover the provider',
    });
    expect(idp.requests.discovery).toBeGreaterThanOrEqual(1);
  });

  it("reads Heard's role from realm_access.roles, and answers 403 when it holds none", async () => {
    expect((await me(await idp.sign(asCustomer('C-2')))).status).toBe(200);
    const outsider = await me(
      await idp.sign({ ...asCustomer(), realm_access: { roles: ['offline_access'] } }),
    );
    expect(outsider.status).toBe(403);
    const problem = await problemOf(outsider);
    expect(problem.code).toBe('auth.no_role');
    expect(problem.detail).toContain("realm_access.roles claim holds none of Heard's roles");
  });

  it.each([
    ['another audience', { aud: 'account' }, 'audience (aud) must include heard-api'],
    ['another issuer', { iss: 'http://127.0.0.1:9/realms/other' }, 'issuer (iss) must be'],
    ['no exp', { exp: undefined }, 'no expiry'],
  ])('refuses a token with %s: 401 problem+json', async (_label, overrides, detail) => {
    const answer = await me(await idp.sign({ ...asCustomer(), ...overrides }));
    expect(answer.status).toBe(401);
    expect((await problemOf(answer)).detail).toContain(detail);
  });

  it('follows a key rotation and refuses tokens of the withdrawn key', async () => {
    const signedWithOldKey = await idp.sign(asCustomer('C-3'));
    const fetched = idp.requests.jwks;
    await idp.rotate();
    const signedWithNewKey = await idp.sign(asCustomer('C-4'));
    await waitFor(async () => (await me(signedWithNewKey)).status === 200, {
      what: 'Heard to fetch the new key after the cool-down',
    });
    expect(idp.requests.jwks).toBe(fetched + 1);
    const withdrawn = await me(signedWithOldKey);
    expect(withdrawn.status).toBe(401);
    expect((await problemOf(withdrawn)).detail).toContain('no key');
  });

  it('asks the provider for its keys at most once per cool-down, however many unknown kids arrive', async () => {
    const before = idp.requests.jwks;
    const started = Date.now();
    const statuses: number[] = [];
    while (Date.now() - started < 2500 * COOLDOWN_SECONDS) {
      const batch = await Promise.all(
        Array.from(
          { length: 8 },
          async (_, i) =>
            (await me(await idp.sign(asCustomer(), { kid: `forged-${statuses.length + i}` })))
              .status,
        ),
      );
      statuses.push(...batch);
    }
    const elapsed = Date.now() - started;
    expect(statuses.length).toBeGreaterThan(16);
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(idp.requests.jwks - before).toBeLessThanOrEqual(
      Math.floor(elapsed / (COOLDOWN_SECONDS * 1000)) + 1,
    );
  });

  it('keeps serving known keys when the provider goes down, and answers 503 (not 500) for a new kid', async () => {
    const known = await idp.sign(asCustomer('C-5'));
    const newKid = await idp.sign(asCustomer('C-6'), { kid: 'key-not-yet-seen' });
    await idp.stop();
    expect((await me(known)).status).toBe(200);
    let status = 0;
    await waitFor(async () => (status = (await me(newKid)).status) !== 401, {
      what: 'the cool-down to pass and the fetch to fail',
    });
    expect(status).toBe(503);
  });
});
