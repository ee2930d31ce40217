import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { FieldError, MAX_BATCH_ITEMS } from '@heard/feedback';
import {
  jsonErrorReason,
  refuseDeepJson,
  refuseValueProblem,
  ValidationProblem,
} from '@heard/http';

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

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const BOM = 0xfeff;

const isBlankCharacter = (c: number) => c === SPACE || c === TAB || c === CR || c === BOM;

/**
 * Where each non-blank line starts and ends, counted in one pass before any line is parsed or
 * even sliced: a body of newlines costs no memory, and a batch over the limit is refused without
 * reading its items.
 */
function lineBounds(text: string): { start: number; end: number; number: number }[] {
  const lines: { start: number; end: number; number: number }[] = [];
  let count = 0;
  let number = 1;
  let start = 0;
  let blank = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? NEWLINE : text.charCodeAt(i);
    if (c === NEWLINE) {
      if (!blank && ++count <= MAX_BATCH_ITEMS) lines.push({ start, end: i, number });
      number++;
      start = i + 1;
      blank = true;
    } else if (blank && !isBlankCharacter(c)) {
      blank = false;
    }
  }
  checkCount(count);
  return lines;
}

/**
 * One JSON value per non-blank line; a line that is not JSON rejects that item only. A line nested
 * too deep or holding text no store can hold refuses the batch, as it would a JSON body.
 */
export function parseNdjson(text: string): RawItem[] {
  return lineBounds(text).map(({ start, end, number }, index) => {
    const line = text.slice(start, end).trim();
    const field = `items[${index}]`;
    refuseDeepJson(line, field, `line ${number} (${field})`);
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      return {
        errors: [
          {
            field: 'item',
            rule: 'json',
            message: `line ${number} is not valid JSON: ${jsonErrorReason(error)}`,
          },
        ],
      };
    }
    refuseValueProblem(value, field);
    return { value };
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
