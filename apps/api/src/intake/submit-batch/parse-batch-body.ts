import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { FieldError, MAX_BATCH_ITEMS } from '@heard/feedback';
import { ValidationProblem } from '@heard/http';

/** One item as sent, or why it could not even be read (a broken NDJSON line). */
export type RawItem = { readonly value: unknown } | { readonly errors: readonly FieldError[] };

const tooMany = (count: number) =>
  new PayloadTooLargeException(
    `a batch holds at most ${MAX_BATCH_ITEMS.toLocaleString('en')} items (got ${count.toLocaleString('en')}); split it`,
  );

const shapeProblem = (rule: string, message: string) =>
  new ValidationProblem([{ field: 'items', rule, message }]);

function checkCount(count: number): void {
  if (count > MAX_BATCH_ITEMS) throw tooMany(count);
  if (count === 0) throw shapeProblem('arrayMinSize', 'items must contain at least 1 item');
}

/** One JSON value per non-blank line; a line that is not JSON rejects that item only. */
export function parseNdjson(text: string): RawItem[] {
  const lines = text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '');
  checkCount(lines.length);
  return lines.map(({ line, number }) => {
    try {
      return { value: JSON.parse(line) as unknown };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        errors: [
          { field: 'item', rule: 'json', message: `line ${number} is not valid JSON: ${reason}` },
        ],
      };
    }
  });
}

function jsonItems(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null) {
    const extra = Object.keys(body).filter((key) => key !== 'items');
    if (extra.length > 0)
      throw new ValidationProblem(
        extra.map((field) => ({
          field,
          rule: 'whitelistValidation',
          message: `property ${field} should not exist`,
        })),
      );
    const items = (body as { items?: unknown }).items;
    if (Array.isArray(items)) return items;
  }
  throw shapeProblem('isArray', 'the body must be a JSON array of items or {"items": [...]}');
}

const isNdjson = (contentType: string | undefined) =>
  /^\s*(application\/x-ndjson|application\/jsonl|text\/plain)\s*(;|$)/i.test(contentType ?? '');

/**
 * The items of a batch body: JSON (`{items:[...]}` or a bare array, parsed by the platform) or
 * NDJSON (one item per line, arriving as text). Over 10,000 items → 413; anything else → 400/415.
 */
export function parseBatchBody(body: unknown, contentType: string | undefined): RawItem[] {
  if (typeof body === 'string') {
    if (!isNdjson(contentType))
      throw new UnsupportedMediaTypeException('send application/json or application/x-ndjson');
    return parseNdjson(body);
  }
  if (body === undefined || (isNdjson(contentType) && typeof body !== 'string')) {
    throw new UnsupportedMediaTypeException('send application/json or application/x-ndjson');
  }
  const items = jsonItems(body);
  checkCount(items.length);
  return items.map((value) => ({ value }));
}
