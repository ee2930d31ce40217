import { correlationIdFrom } from './correlation-id';

describe('correlation id of a request', () => {
  it('takes a well-formed X-Request-Id first, then X-Correlation-Id', () => {
    expect(correlationIdFrom({ 'x-request-id': 'req-1', 'x-correlation-id': 'corr-1' })).toBe(
      'req-1',
    );
    expect(correlationIdFrom({ 'x-correlation-id': 'corr-1' })).toBe('corr-1');
  });

  it('makes a new one when none is given or the given one is malformed', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(correlationIdFrom({})).toMatch(uuid);
    expect(correlationIdFrom({ 'x-request-id': 'has space', 'x-correlation-id': '' })).toMatch(
      uuid,
    );
    expect(correlationIdFrom({ 'x-request-id': 'x'.repeat(201) })).toMatch(uuid);
    expect(correlationIdFrom({ 'x-request-id': ['a', 'b'] })).toMatch(uuid);
  });
});
