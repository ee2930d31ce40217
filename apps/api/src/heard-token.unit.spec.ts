import { loadConfig } from '@heard/config';
import { JwtVerifier } from '@heard/http';
import { demoTokenLines } from './demo/print-demo-tokens';
import { heardToken } from './heard-token';

const nowSeconds = 1_800_000_000;
const now = new Date(nowSeconds * 1000);

describe('tokens Heard signs itself (npm run token, the demo)', () => {
  it.each([
    ['the embedded default', {}],
    [
      'JWT_ISSUER, JWT_AUDIENCE and a nested role claim',
      {
        JWT_SECRET: 's'.repeat(32),
        JWT_ISSUER: 'https://heard.example',
        JWT_AUDIENCE: 'heard-api,heard',
        JWT_ROLE_CLAIM: 'realm_access.roles',
      },
    ],
  ])('are accepted by the verifier of %s, with exp, until they expire', async (_label, env) => {
    const config = loadConfig(env);
    const verifier = JwtVerifier.fromSettings(config);
    const token = heardToken(
      { ...config, jwtSecret: config.jwtSecret! },
      { sub: 'M-42', role: 'store_manager' },
      3600,
      nowSeconds,
    );
    await expect(verifier.verify(token, now)).resolves.toMatchObject({
      sub: 'M-42',
      role: 'store_manager',
      claims: { exp: nowSeconds + 3600 },
    });
    await expect(verifier.verify(token, new Date((nowSeconds + 3631) * 1000))).rejects.toThrow(
      'expired',
    );
  });

  it('prints demo tokens the verifier accepts', async () => {
    const config = loadConfig({ JWT_ISSUER: 'https://heard.example', JWT_AUDIENCE: 'heard' });
    const verifier = JwtVerifier.fromSettings(config);
    const tokens = demoTokenLines({ ...config, jwtSecret: config.jwtSecret! }, 3000, nowSeconds)
      .map((line) => /export TOKEN_[A-Za-z0-9_]+=(\S+)/.exec(line)?.[1])
      .filter((token): token is string => token !== undefined);
    expect(tokens).toHaveLength(5);
    for (const token of tokens)
      await expect(verifier.verify(token, now)).resolves.toMatchObject({
        role: expect.any(String),
      });
  });
});
