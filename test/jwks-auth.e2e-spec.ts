import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { LocalIdentityProvider } from '@heard/http/testing';
import { DEVELOPMENT_JWT_SECRET } from '@heard/config';
import { Deployment, HeardUnderTest, startHeard } from './support/heard-under-test';

/** JWKS_URL with JWT_ISSUER and JWT_AUDIENCE: keys from the provider, no discovery. */
describe('tokens from an identity provider named by its JWKS (JWKS_URL)', () => {
  let idp: LocalIdentityProvider;
  let heard: HeardUnderTest;

  beforeAll(async () => {
    idp = await LocalIdentityProvider.start();
    const deployment: Deployment = {
      name: 'embedded with JWKS',
      prepare: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'heard-jwks-'));
        return {
          env: {
            DATA_DIR: dir,
            JWKS_URL: idp.jwksUri,
            JWT_ISSUER: idp.issuer,
            JWT_AUDIENCE: 'heard-api',
            // the development secret must not be honoured once a provider is set
            JWT_SECRET: DEVELOPMENT_JWT_SECRET,
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

  const me = async (token: string) => {
    const url = '/v1/me/feedback';
    const answer = await fetch(`${heard.url}${url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await answer.clone().text();
    heard.contract.check('GET', url, answer.status, answer.headers.get('content-type'), text);
    return answer;
  };
  const customer = { sub: 'C-1', role: 'customer', aud: 'heard-api' };

  it("fetches the provider's keys at start, then accepts tokens signed with them", async () => {
    await waitFor(() => idp.requests.jwks === 1, { what: 'the JWKS to be fetched at start' });
    expect((await me(await idp.sign(customer))).status).toBe(200);
    expect(idp.requests).toEqual({ discovery: 0, jwks: 1 });
  });

  it.each([
    [
      'HS256 with the secret',
      async () => signHs256({ sub: 'C-1', role: 'customer' }, DEVELOPMENT_JWT_SECRET),
      'algorithm',
    ],
    [
      'an expired token',
      async () => idp.sign({ ...customer, exp: Math.floor(Date.now() / 1000) - 600 }),
      'expired',
    ],
    ['another audience', async () => idp.sign({ ...customer, aud: 'billing' }), 'audience'],
    [
      'another issuer',
      async () => idp.sign({ ...customer, iss: 'https://other.example' }),
      'issuer',
    ],
  ])('refuses %s with 401 problem+json', async (_label, token, detail) => {
    const answer = await me(await token());
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(((await answer.json()) as { detail: string }).detail).toContain(detail);
  });
});
