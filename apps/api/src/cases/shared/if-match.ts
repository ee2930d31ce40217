import { HttpException, HttpStatus } from '@nestjs/common';
import { ValidationProblem } from '@heard/http';

const VERSION = /^(?:"(\d{1,15})"|(\d{1,15}))$/;

const invalid = (message: string) =>
  new ValidationProblem([{ field: 'If-Match', rule: 'ifMatch', message }]);

/**
 * The case version the caller last saw, from `If-Match: "<version>"` (the ETag as sent) or a bare
 * number. Missing is 428: every change must say which state it was decided on. A weak tag or `*`
 * names no version, so it cannot protect the change and is refused.
 */
export function expectedVersionOf(header: string | string[] | undefined): number {
  const value = (Array.isArray(header) ? header.join(', ') : header)?.trim();
  if (value === undefined || value === '') {
    throw new HttpException(
      'If-Match is required: send the ETag of the case you acted on, e.g. If-Match: "3"',
      HttpStatus.PRECONDITION_REQUIRED,
    );
  }
  const match = VERSION.exec(value);
  const version = match ? Number(match[1] ?? match[2]) : NaN;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw invalid(
      `If-Match must be one case version as its ETag gives it, e.g. "3" (got ${value})`,
    );
  }
  return version;
}
