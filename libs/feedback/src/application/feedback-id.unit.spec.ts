import { isUuid } from '@heard/event-store';
import { feedbackIdFor, idempotencyBasis } from './feedback-id';

describe('feedback id derivation', () => {
  const key = { kind: 'key', principalId: 'integration-1', key: 'k-1' } as const;

  it('gives the same UUID (version 8) for the same key, every time', () => {
    const id = feedbackIdFor(key);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect('89ab').toContain(id[19]);
    expect(feedbackIdFor({ ...key })).toBe(id);
  });

  it('scopes a key by the caller and keeps sources, keys and batch items apart', () => {
    const ids = new Set([
      feedbackIdFor(key),
      feedbackIdFor({ ...key, principalId: 'integration-2' }),
      feedbackIdFor({ ...key, key: 'k-2' }),
      feedbackIdFor({ kind: 'batch-item', principalId: 'integration-1', key: 'k-1', index: 0 }),
      feedbackIdFor({ kind: 'batch-item', principalId: 'integration-1', key: 'k-1', index: 1 }),
      feedbackIdFor({ kind: 'source', system: 'pos', externalId: 'r-1' }),
      feedbackIdFor({ kind: 'source', system: 'pos', externalId: 'r-2' }),
    ]);
    expect(ids.size).toBe(7);
  });

  it('namespaces a source pair by its owner, cx_admin imports apart from every integration', () => {
    const pair = { kind: 'owned-source', system: 'pos', externalId: 'r-1' } as const;
    const ids = new Set([
      feedbackIdFor({ ...pair, owner: 'pos-bridge' }),
      feedbackIdFor({ ...pair, owner: 'crm' }),
      feedbackIdFor({ ...pair, owner: null }),
      feedbackIdFor({ ...pair, owner: '' }),
      feedbackIdFor({ kind: 'source', system: 'pos', externalId: 'r-1' }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('cannot be fooled by separators inside the parts', () => {
    expect(feedbackIdFor({ kind: 'source', system: 'a","b', externalId: 'c' })).not.toBe(
      feedbackIdFor({ kind: 'source', system: 'a', externalId: 'b","c' }),
    );
  });

  it('prefers the source pair, then the key, and has no basis without either', () => {
    const source = { owner: 'pos-bridge', system: 'pos', externalId: 'r-1' };
    expect(idempotencyBasis(source, 'p', { key: 'k' })).toEqual({
      kind: 'owned-source',
      ...source,
    });
    expect(idempotencyBasis(null, 'p', { key: 'k' })).toEqual({
      kind: 'key',
      principalId: 'p',
      key: 'k',
    });
    expect(idempotencyBasis(null, 'p', { key: 'k', index: 3 })).toMatchObject({
      kind: 'batch-item',
      index: 3,
    });
    expect(idempotencyBasis(null, 'p', null)).toBeNull();
  });
});
