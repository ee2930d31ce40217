import { KnownDataKeys } from './known-data-keys';

const key = (n: number) => ({
  keyId: `k${n}`,
  owner: `customer:C-${n}`,
  key: Buffer.alloc(32, n),
  aad: Buffer.from(`k${n}`),
});

describe('KnownDataKeys', () => {
  it('answers keys found at the generation a batch reads, and none at another', () => {
    const known = new KnownDataKeys(10);
    known.observe(1);
    known.remember(key(1), 1);
    expect(known.get('k1', 1)).toEqual(key(1));
    expect(known.get('k1', 2)).toBeUndefined();
  });

  it('drops every key once a batch reads a new generation (a delete or re-wrap anywhere)', () => {
    const known = new KnownDataKeys(10);
    known.observe(1);
    known.remember(key(1), 1);
    expect(known.observe(1)).toBe(false);
    expect(known.observe(2)).toBe(true);
    expect(known.size).toBe(0);
    expect(known.get('k1', 2)).toBeUndefined();
  });

  it('does not remember a key found after reading a generation that is no longer current', () => {
    const known = new KnownDataKeys(10);
    known.observe(1);
    known.observe(2);
    known.remember(key(1), 1);
    expect(known.size).toBe(0);
  });

  it('keeps at most its limit, the least recently used leaving first', () => {
    const known = new KnownDataKeys(2);
    known.observe(0);
    known.remember(key(1), 0);
    known.remember(key(2), 0);
    known.get('k1', 0);
    known.remember(key(3), 0);
    expect(known.size).toBe(2);
    expect(known.get('k2', 0)).toBeUndefined();
    expect(known.get('k1', 0)).toBeDefined();
    expect(known.get('k3', 0)).toBeDefined();
  });

  it("forgets an owner's keys at once, before the table is asked", () => {
    const known = new KnownDataKeys(10);
    known.observe(0);
    known.remember(key(1), 0);
    known.remember(key(2), 0);
    known.forgetOwner('customer:C-1');
    expect(known.get('k1', 0)).toBeUndefined();
    expect(known.get('k2', 0)).toBeDefined();
  });
});
