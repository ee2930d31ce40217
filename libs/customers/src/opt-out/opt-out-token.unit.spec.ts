import { signOptOutToken, verifyOptOutToken } from './opt-out-token';

const SECRET = 's'.repeat(32);
const claim = {
  customerId: 'C-7',
  purpose: 'surveys',
  issuedAt: '2026-12-01T10:00:00.000Z',
} as const;

describe('opt-out token', () => {
  it('verifies what it signed', () => {
    expect(verifyOptOutToken(SECRET, signOptOutToken(SECRET, claim))).toEqual({
      kind: 'valid',
      claim,
    });
  });

  it('carries "every purpose" as null', () => {
    const token = signOptOutToken(SECRET, { ...claim, purpose: null });
    expect(verifyOptOutToken(SECRET, token)).toMatchObject({ claim: { purpose: null } });
  });

  it('refuses a payload changed after signing', () => {
    const [, signature] = signOptOutToken(SECRET, claim).split('.');
    const other = Buffer.from('C-8\nsurveys\nmiw3ls').toString('base64url');
    expect(verifyOptOutToken(SECRET, `${other}.${signature}`)).toEqual({ kind: 'forged' });
  });

  it('refuses a token signed with another secret', () => {
    const token = signOptOutToken('t'.repeat(32), claim);
    expect(verifyOptOutToken(SECRET, token)).toEqual({ kind: 'forged' });
  });

  it('fits a path parameter, and refuses to sign a customer id that would not', () => {
    expect(signOptOutToken(SECRET, { ...claim, customerId: 'C'.repeat(40) }).length).toBeLessThan(
      101,
    );
    expect(() => signOptOutToken(SECRET, { ...claim, customerId: 'C'.repeat(80) })).toThrow(
      RangeError,
    );
  });

  it.each(['', 'abc', 'a.b.c', 'a b.c', 'x'.repeat(700)])('calls %j malformed', (token) => {
    expect(verifyOptOutToken(SECRET, token)).toEqual({ kind: 'malformed' });
  });
});
