import { givenCorrelationId } from './correlation-id';

describe('correlation id a request brings', () => {
  it('is a well-formed X-Request-Id first, then X-Correlation-Id', () => {
    expect(givenCorrelationId({ 'x-request-id': 'req-1', 'x-correlation-id': 'corr-1' })).toBe(
      'req-1',
    );
    expect(givenCorrelationId({ 'x-correlation-id': 'corr-1' })).toBe('corr-1');
    expect(givenCorrelationId({ 'x-request-id': 'bad id', 'x-correlation-id': 'corr-1' })).toBe(
      'corr-1',
    );
  });

  it('is none when neither is given or well-formed', () => {
    expect(givenCorrelationId({})).toBeNull();
    expect(givenCorrelationId({ 'x-request-id': 'has space', 'x-correlation-id': '' })).toBeNull();
    expect(givenCorrelationId({ 'x-request-id': 'x'.repeat(201) })).toBeNull();
    expect(givenCorrelationId({ 'x-request-id': ['a', 'b'] })).toBeNull();
  });
});
