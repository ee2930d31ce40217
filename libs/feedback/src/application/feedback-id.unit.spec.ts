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

  it('cannot be fooled by separators inside the parts', () => {
    expect(feedbackIdFor({ kind: 'source', system: 'a","b', externalId: 'c' })).not.toBe(
      feedbackIdFor({ kind: 'source', system: 'a', externalId: 'b","c' }),
    );
  });

  it('prefers the source pair, then the key, and has no basis without either', () => {
    const source = { system: 'pos', externalId: 'r-1' };
    expect(idempotencyBasis(source, 'p', { key: 'k' })).toEqual({ kind: 'source', ...source });
    expect(idempotencyBasis(undefined, 'p', { key: 'k' })).toEqual({
      kind: 'key',
      principalId: 'p',
      key: 'k',
    });
    expect(idempotencyBasis(undefined, 'p', { key: 'k', index: 3 })).toMatchObject({
      kind: 'batch-item',
      index: 3,
    });
    expect(idempotencyBasis(undefined, 'p', null)).toBeNull();
  });
});
