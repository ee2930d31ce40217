import { ValidationProblem } from '@heard/http';

const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,200}$/;
const TRACE_ID = /^[\x21-\x7e]{1,200}$/;

type HeaderValue = string | string[] | undefined;

const single = (value: HeaderValue): string | undefined =>
  Array.isArray(value) ? value.join(', ') : value;

/** Null when absent; a malformed key is refused rather than ignored, or a retry would not dedupe. */
export function idempotencyKeyOf(value: HeaderValue): string | null {
  const key = single(value);
  if (key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationProblem([
      {
        field: 'Idempotency-Key',
        rule: 'idempotencyKey',
        message: 'Idempotency-Key must be 1–200 printable ASCII characters',
      },
    ]);
  }
  return key;
}

/** The caller's request id becomes the events' correlation id; a malformed one is only tracing, so it is dropped. */
export function correlationIdOf(headers: Record<string, HeaderValue>): string | null {
  const id = single(headers['x-request-id']) ?? single(headers['x-correlation-id']);
  return id !== undefined && TRACE_ID.test(id) ? id : null;
}
