/** The rule intake applies before an id becomes the events' correlation id (request-headers.ts). */
const TRACE_ID = /^[\x21-\x7e]{1,200}$/;

type HeaderValue = string | string[] | undefined;

/**
 * The caller's X-Request-Id, else its X-Correlation-Id, when well-formed (the order intake reads
 * them in, so the log line and the events agree); null when neither is.
 */
export function givenCorrelationId(headers: Record<string, HeaderValue>): string | null {
  for (const name of ['x-request-id', 'x-correlation-id']) {
    const value = headers[name];
    if (typeof value === 'string' && TRACE_ID.test(value)) return value;
  }
  return null;
}
