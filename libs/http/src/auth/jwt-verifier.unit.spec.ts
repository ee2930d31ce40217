import { generateKeyPairSync, sign } from 'node:crypto';
import { InvalidTokenError, JwtVerifier, signHs256 } from './jwt-verifier';

const secret = 'a-test-secret-that-is-long-enough-32';
const now = 1_800_000_000;

describe('JwtVerifier', () => {
  it('accepts an HS256 token signed with the secret and returns its claims', async () => {
    const token = signHs256({ sub: 'm-42', role: 'store_manager', exp: now + 60 }, secret);
    await expect(JwtVerifier.withSecret(secret).verify(token, now)).resolves.toMatchObject({
      sub: 'm-42',
      role: 'store_manager',
    });
  });

  it.each([
    [
      'another secret',
      signHs256({ sub: 'x' }, 'another-secret-that-is-also-32-chars'),
      'signature',
    ],
    ['an expired token', signHs256({ sub: 'x', exp: now - 1 }, secret), 'expired'],
    ['a token without subject', signHs256({ role: 'agent' }, secret), 'subject'],
    ['garbage', 'not.a.jwt', 'JWT'],
  ])('refuses %s', async (_label, token, message) => {
    const error = await JwtVerifier.withSecret(secret)
      .verify(token, now)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).toContain(message);
  });

  it('still refuses a token it verified before once the token has expired', async () => {
    const verifier = JwtVerifier.withSecret(secret);
    const token = signHs256({ sub: 'm-42', exp: now + 60 }, secret);
    await expect(verifier.verify(token, now)).resolves.toMatchObject({ sub: 'm-42' });
    await expect(verifier.verify(token, now + 61)).rejects.toThrow('expired');
  });

  it('checks the signature of a token that differs from a verified one only in its signature', async () => {
    const verifier = JwtVerifier.withSecret(secret);
    const token = signHs256({ sub: 'm-42' }, secret);
    await verifier.verify(token, now);
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    await expect(verifier.verify(forged, now)).rejects.toThrow('signature');
  });

  it('refuses alg none and algorithm switching', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x' })).toString('base64url');
    await expect(JwtVerifier.withSecret(secret).verify(`${header}.${body}.`, now)).rejects.toThrow(
      'not accepted',
    );
  });

  it('verifies RS256 tokens with the key a JWKS names, fetching again on an unknown kid', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256' };
    let fetches = 0;
    const verifier = JwtVerifier.withJwks('https://idp.example/jwks', async () => {
      fetches++;
      return { keys: [jwk] };
    });
    const unsigned = [
      { alg: 'RS256', kid: 'k1' },
      { sub: 'c-1', role: 'customer' },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    const token = `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
    await expect(verifier.verify(token, now)).resolves.toMatchObject({ sub: 'c-1' });
    await expect(verifier.verify(token, now)).resolves.toMatchObject({ sub: 'c-1' });
    expect(fetches).toBe(1);
    const otherKid = token.replace(
      unsigned.split('.')[0],
      Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k2' })).toString('base64url'),
    );
    await expect(verifier.verify(otherKid, now)).rejects.toThrow('no key k2');
    expect(fetches).toBe(2);
  });
});
