import { decodePosition, encodePosition } from './global-position';

describe('global position', () => {
  it('orders positions as (transaction id, index) and round-trips them', () => {
    const positions = [
      encodePosition('740', 0),
      encodePosition('740', 4_294_967_295),
      encodePosition('741', 0),
      encodePosition(2n ** 40n, 3),
    ];
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(decodePosition(positions[1])).toEqual({ txId: '740', index: 4_294_967_295 });
    expect(decodePosition(positions[3])).toEqual({ txId: (2n ** 40n).toString(), index: 3 });
    expect(decodePosition(0n)).toEqual({ txId: '0', index: 0 });
  });

  it('refuses a negative checkpoint', () => {
    expect(() => decodePosition(-1n)).toThrow(RangeError);
  });
});
