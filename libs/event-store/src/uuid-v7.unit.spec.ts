import { isUuid, uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('puts the millisecond time first, version 7 and the RFC variant, and differs every call', () => {
    const at = new Date('2026-11-23T01:02:03.456Z');
    const ids = Array.from({ length: 2000 }, () => uuidV7(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 5)) {
      expect(isUuid(id)).toBe(true);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
      expect(id[14]).toBe('7');
      expect(['8', '9', 'a', 'b']).toContain(id[19]);
    }
  });

  it('sorts by creation time', () => {
    const earlier = uuidV7(new Date(1_000_000));
    const later = uuidV7(new Date(1_000_001));
    expect(earlier < later).toBe(true);
  });
});
