import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signHs256 } from '@heard/http';
import { DEVELOPMENT_JWT_SECRET } from '@heard/config';
import { Deployment, HeardUnderTest, startHeard } from './support/heard-under-test';

/** An identity provider's part: a JWKS over real HTTP, and tokens signed with its private key. */
describe('tokens from an OIDC identity provider (JWKS_URL)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...publicKey.export({ format: 'jwk' }),
    kid: 'idp-key-1',
    alg: 'RS256',
    use: 'sig',
  };
  let idp: Server;
  let heard: HeardUnderTest;
  let jwksRequests = 0;

  const rs256 = (claims: Record<string, unknown>) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: 'idp-key-1' })}.${part(claims)}`;
    return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
  };

  beforeAll(async () => {
    idp = createServer((_request, response) => {
      jwksRequests++;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/.well-known/jwks.json`;
    const deployment: Deployment = {
      name: 'embedded with JWKS',
      prepare: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'heard-jwks-'));
        return {
          env: { DATA_DIR: dir, JWKS_URL: jwksUrl },
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    };
    heard = await startHeard(deployment);
  }, 60_000);

  afterAll(async () => {
    await heard?.close();
    await new Promise((resolve) => idp?.close(resolve));
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

  it("accepts a token signed with the provider's key, fetched from its JWKS", async () => {
    const now = Math.floor(Date.now() / 1000);
    const answer = await me(rs256({ sub: 'C-1', role: 'customer', iat: now, exp: now + 300 }));
    expect(answer.status).toBe(200);
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('refuses HS256 tokens, even with the development secret, and expired provider tokens', async () => {
    expect(
      (await me(signHs256({ sub: 'C-1', role: 'customer' }, DEVELOPMENT_JWT_SECRET))).status,
    ).toBe(401);
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await me(rs256({ sub: 'C-1', role: 'customer', iat: past, exp: past + 60 }));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { detail: string }).detail).toContain('expired');
  });
});
