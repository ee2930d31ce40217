import { createHmac } from 'node:crypto';

/**
 * Signs an HS256 token with the shared secret: for `npm run token`, the demo and tests. Synchronous
 * on purpose (jose signs asynchronously) so that test clients can build their token in a
 * constructor. iat is now and exp an hour later unless the claims give them, because tokens
 * without exp are refused.
 */
export function signHs256(
  claims: Record<string, unknown>,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = { iat: nowSeconds, exp: nowSeconds + 3600, ...claims };
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(body)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}
