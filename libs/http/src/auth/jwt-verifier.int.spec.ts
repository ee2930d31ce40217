import { Logger } from '@nestjs/common';
import { waitFor } from '@heard/event-store/testing';
import { LocalIdentityProvider } from '@heard/http/testing';
import { JwtSettings } from './jwt-settings';
import { JwtVerifier } from './jwt-verifier';
import { IdentityProviderUnavailableError, InvalidTokenError } from './token-errors';

const AUDIENCE = 'heard-api';

const oidc = (provider: LocalIdentityProvider, cooldownSeconds: number): JwtSettings => ({
  jwtSecret: null,
  jwksUrl: null,
  oidcIssuerUrl: provider.issuer,
  jwtIssuer: null,
  jwtAudience: [AUDIENCE],
  jwtClockToleranceSeconds: 30,
  jwtRoleClaim: 'realm_access.roles',
  jwksCooldownSeconds: cooldownSeconds,
});

const claims = (sub: string) => ({ sub, aud: AUDIENCE, realm_access: { roles: ['agent'] } });

const outcome = (verifier: JwtVerifier, token: string) =>
  verifier.verify(token).then(
    () => 'accepted',
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );

describe('JwtVerifier against an OIDC provider over HTTP (discovery, JWKS)', () => {
  let provider: LocalIdentityProvider;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => {
    provider = await LocalIdentityProvider.start();
  });
  afterEach(async () => provider.stop());

  it('finds issuer and keys by discovery, then verifies many tokens with one fetch of each', async () => {
    const verifier = JwtVerifier.fromSettings(oidc(provider, 30));
    for (let i = 0; i < 5; i++)
      await expect(verifier.verify(await provider.sign(claims(`A-${i}`)))).resolves.toMatchObject({
        sub: `A-${i}`,
        role: 'agent',
      });
    expect(provider.requests).toEqual({ discovery: 1, jwks: 1 });
  });

  it('verifies ES256 keys too', async () => {
    const es256 = await LocalIdentityProvider.start('ES256');
    try {
      const verifier = JwtVerifier.fromSettings(oidc(es256, 30));
      await expect(verifier.verify(await es256.sign(claims('A-1')))).resolves.toMatchObject({
        sub: 'A-1',
      });
    } finally {
      await es256.stop();
    }
  });

  it.each([
    ['another audience', { aud: 'billing' }, 'audience (aud) must include heard-api'],
    ['another issuer', { iss: 'http://127.0.0.1:1/realms/other' }, 'issuer (iss) must be'],
    ['no exp', { exp: undefined }, 'no expiry'],
    ['no audience', { aud: undefined }, 'audience'],
  ])('refuses a token of the provider with %s', async (_label, overrides, message) => {
    const verifier = JwtVerifier.fromSettings(oidc(provider, 30));
    const error = await verifier
      .verify(await provider.sign({ ...claims('A-1'), ...overrides }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).toContain(message);
  });

  it('follows a key rotation once the cool-down has passed, and refuses the withdrawn key', async () => {
    const verifier = JwtVerifier.fromSettings(oidc(provider, 1));
    await expect(verifier.verify(await provider.sign(claims('A-1')))).resolves.toBeDefined();
    const signedWithOldKey = await provider.sign(claims('A-2'));
    await provider.rotate();
    const signedWithNewKey = await provider.sign(claims('A-3'));
    await waitFor(async () => (await outcome(verifier, signedWithNewKey)) === 'accepted', {
      what: 'the new key to be fetched',
    });
    expect(provider.requests.jwks).toBe(2);
    await expect(verifier.verify(signedWithOldKey)).rejects.toThrow('no key');
  });

  it('fetches the JWKS at most once per cool-down however many unknown kids arrive', async () => {
    const cooldownMs = 1000;
    const verifier = JwtVerifier.fromSettings(oidc(provider, cooldownMs / 1000));
    await verifier.verify(await provider.sign(claims('A-1')));
    const started = Date.now();
    let sent = 0;
    while (Date.now() - started < 2.5 * cooldownMs) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, async (_, i) =>
          outcome(verifier, await provider.sign(claims('X'), { kid: `forged-${sent + i}` })),
        ),
      );
      sent += batch.length;
      for (const answer of batch) expect((answer as Error).message).toContain('no key');
    }
    const elapsed = Date.now() - started;
    expect(sent).toBeGreaterThan(20);
    expect(provider.requests.jwks - 1).toBeLessThanOrEqual(Math.floor(elapsed / cooldownMs) + 1);
    expect(provider.requests.discovery).toBe(1);
  });

  it('answers unavailable when the provider fails, asks it once per cool-down, and recovers', async () => {
    provider.failWith = 500;
    const verifier = JwtVerifier.fromSettings(oidc(provider, 1));
    const token = await provider.sign(claims('A-1'));
    for (let i = 0; i < 20; i++)
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
    expect(provider.requests.discovery).toBe(1);
    provider.failWith = null;
    await waitFor(async () => (await outcome(verifier, token)) === 'accepted', {
      what: 'the provider to be asked again',
    });
    expect(provider.requests).toEqual({ discovery: 2, jwks: 1 });
  });

  it('keeps verifying with fetched keys while the provider is down; a new kid is then unavailable, not invalid', async () => {
    const verifier = JwtVerifier.fromSettings(oidc(provider, 1));
    await verifier.verify(await provider.sign(claims('A-1')));
    const known = await provider.sign(claims('A-2'));
    const unknownKid = await provider.sign(claims('A-3'), { kid: 'key-from-the-future' });
    await provider.stop();
    await expect(verifier.verify(known)).resolves.toMatchObject({ sub: 'A-2' });
    let answer: unknown;
    await waitFor(
      async () =>
        (answer = await outcome(verifier, unknownKid)) instanceof IdentityProviderUnavailableError,
      { what: 'the cool-down to pass and the fetch to fail' },
    );
    expect((answer as Error).message).toContain('could not be reached');
    await provider.resume();
  });

  it('refuses to use a provider whose discovery names another issuer', async () => {
    provider.discoveryIssuer = 'https://evil.example/realms/heard';
    const verifier = JwtVerifier.fromSettings(oidc(provider, 30));
    await expect(verifier.verify(await provider.sign(claims('A-1')))).rejects.toBeInstanceOf(
      IdentityProviderUnavailableError,
    );
    expect(provider.requests.jwks).toBe(0);
  });
});
