import { generateKeyPair, SignJWT } from 'jose';
import { JwtSettings } from './jwt-settings';
import { JwtVerifier } from './jwt-verifier';
import { signHs256 } from './sign-hs256';
import { InvalidTokenError } from './token-errors';

const secret = 'a-test-secret-that-is-long-enough-32';
const nowSeconds = 1_800_000_000;
const now = new Date(nowSeconds * 1000);
const at = (seconds: number) => new Date(seconds * 1000);

const settings = (overrides: Partial<JwtSettings> = {}): JwtSettings => ({
  jwtSecret: secret,
  jwksUrl: null,
  oidcIssuerUrl: null,
  jwtIssuer: null,
  jwtAudience: [],
  jwtClockToleranceSeconds: 30,
  jwtRoleClaim: 'role',
  jwksCooldownSeconds: 30,
  ...overrides,
});

const sign = (claims: Record<string, unknown>) => signHs256(claims, secret, nowSeconds);

/** Claims exactly as given, no exp added: signHs256 would add one. */
const signAsIs = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

const refusal = async (verifier: JwtVerifier, token: string, when = now): Promise<Error> => {
  const error = await verifier.verify(token, when).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as Error;
};

describe('JwtVerifier with the shared secret (HS256)', () => {
  const verifier = () => JwtVerifier.fromSettings(settings());

  it('accepts a token signed with the secret and returns its subject and role', async () => {
    await expect(
      verifier().verify(sign({ sub: 'm-42', role: 'store_manager' }), now),
    ).resolves.toMatchObject({ sub: 'm-42', role: 'store_manager' });
  });

  it.each([
    [
      'another secret',
      () => signHs256({ sub: 'x' }, 'another-secret-that-is-also-32-chars', nowSeconds),
      'signature',
    ],
    [
      'a token expired beyond the tolerance',
      () => sign({ sub: 'x', exp: nowSeconds - 31 }),
      'expired',
    ],
    [
      'a token not valid for another minute',
      () => sign({ sub: 'x', nbf: nowSeconds + 60 }),
      'not valid yet',
    ],
    ['a token without exp', () => signAsIs({ sub: 'x', role: 'agent' }), 'no expiry'],
    ['a token without subject', () => sign({ role: 'agent' }), 'subject'],
    ['a subject with a NUL', () => sign({ sub: 'C-\u0000', role: 'customer' }), 'U+0000'],
    ['a subject of 201 characters', () => sign({ sub: 'c'.repeat(201), role: 'customer' }), '200'],
    ['garbage', () => 'not.a.jwt', 'not a JWT'],
  ])('refuses %s', async (_label, token, message) => {
    expect((await refusal(verifier(), await token())).message).toContain(message);
  });

  it('allows clocks to differ by the tolerance, and by no more with a tolerance of 0', async () => {
    const token = sign({ sub: 'x', exp: nowSeconds - 10, nbf: nowSeconds - 100 });
    await expect(verifier().verify(token, now)).resolves.toMatchObject({ sub: 'x' });
    const strict = JwtVerifier.fromSettings(settings({ jwtClockToleranceSeconds: 0 }));
    expect((await refusal(strict, token)).message).toContain('expired');
  });

  it('refuses alg none and tokens signed with a key pair', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', exp: nowSeconds + 60 })).toString(
      'base64url',
    );
    expect((await refusal(verifier(), `${header}.${body}.`)).message).toContain('not accepted');
    const { privateKey } = await generateKeyPair('RS256');
    const rs256 = await new SignJWT({ sub: 'x', exp: nowSeconds + 60 })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey);
    expect((await refusal(verifier(), rs256)).message).toContain('not accepted');
  });

  it('checks issuer and audience when they are set', async () => {
    const checked = JwtVerifier.fromSettings(
      settings({ jwtIssuer: 'https://heard.example', jwtAudience: ['heard-api', 'heard'] }),
    );
    const good = { sub: 'x', iss: 'https://heard.example', aud: 'heard' };
    await expect(checked.verify(sign(good), now)).resolves.toMatchObject({ sub: 'x' });
    expect((await refusal(checked, sign({ ...good, iss: 'https://other.example' }))).message).toBe(
      'token issuer (iss) must be https://heard.example',
    );
    expect((await refusal(checked, sign({ ...good, aud: ['billing'] }))).message).toBe(
      'token audience (aud) must include heard-api or heard',
    );
    expect((await refusal(checked, sign({ sub: 'x', aud: 'heard' }))).message).toContain('issuer');
  });

  it('still refuses a token it verified before once the token has expired', async () => {
    const remembering = verifier();
    const token = sign({ sub: 'm-42', exp: nowSeconds + 60 });
    await expect(remembering.verify(token, now)).resolves.toMatchObject({ sub: 'm-42' });
    expect((await refusal(remembering, token, at(nowSeconds + 91))).message).toContain('expired');
  });

  it('checks the signature of a token that differs from a verified one only in its signature', async () => {
    const remembering = verifier();
    const token = sign({ sub: 'm-42' });
    await remembering.verify(token, now);
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    expect((await refusal(remembering, forged)).message).toContain('signature');
  });

  it('reads the role from the configured claim, and answers null when it holds none of Heard', async () => {
    const keycloak = JwtVerifier.fromSettings(settings({ jwtRoleClaim: 'realm_access.roles' }));
    const token = sign({ sub: 'a-1', realm_access: { roles: ['offline_access', 'agent'] } });
    await expect(keycloak.verify(token, now)).resolves.toMatchObject({ role: 'agent' });
    await expect(
      keycloak.verify(sign({ sub: 'a-1', role: 'agent', realm_access: { roles: ['uma'] } }), now),
    ).resolves.toMatchObject({ role: null });
  });
});
