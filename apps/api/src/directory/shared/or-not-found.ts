import { NotFoundException } from '@nestjs/common';

/** A query's null becomes the HTTP 404, named. */
export function orNotFound<T>(value: T | null, what: string): T {
  if (value === null) throw new NotFoundException(`no ${what}`);
  return value;
}
