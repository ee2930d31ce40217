import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { ValidationProblem } from '@heard/http';
import { parseBatchBody, parseNdjson } from './parse-batch-body';

const item = { kind: 'praise', channel: 'web', customer: { consent: false } };

describe('parseBatchBody', () => {
  it('reads {items:[...]} and a bare array', () => {
    expect(parseBatchBody({ items: [item, 1] }, 'application/json')).toEqual([
      { value: item },
      { value: 1 },
    ]);
    expect(parseBatchBody([item], 'application/json')).toEqual([{ value: item }]);
  });

  it('reads NDJSON line by line, skipping blank lines and CRLF endings', () => {
    const text = `${JSON.stringify(item)}\r\n\n  ${JSON.stringify({ ...item, text: 'Дякую 🙏' })}\n`;
    expect(parseBatchBody(text, 'application/x-ndjson; charset=utf-8')).toEqual([
      { value: item },
      { value: { ...item, text: 'Дякую 🙏' } },
    ]);
  });

  it('rejects only the item whose NDJSON line is broken, naming the line', () => {
    const items = parseNdjson(
      `${JSON.stringify(item)}\n{"kind": "praise",\n\n[1, 2\n${JSON.stringify(item)}`,
    );
    expect(items).toHaveLength(4);
    expect(items[0]).toEqual({ value: item });
    expect(items[1]).toEqual({
      errors: [
        expect.objectContaining({
          field: 'item',
          rule: 'json',
          message: expect.stringContaining('line 2 '),
        }),
      ],
    });
    expect(items[2]).toEqual({
      errors: [
        expect.objectContaining({ rule: 'json', message: expect.stringContaining('line 4 ') }),
      ],
    });
    expect(items[3]).toEqual({ value: item });
  });

  it.each<[string, unknown, string | undefined, unknown]>([
    ['an empty batch', { items: [] }, 'application/json', ValidationProblem],
    ['items that are not a list', { items: 'x' }, 'application/json', ValidationProblem],
    [
      'extra top-level fields',
      { items: [item], dryRun: true },
      'application/json',
      ValidationProblem,
    ],
    ['an empty NDJSON body', '\n\n', 'application/x-ndjson', ValidationProblem],
    [
      '10,001 items',
      { items: Array(10_001).fill(item) },
      'application/json',
      PayloadTooLargeException,
    ],
    [
      '10,001 NDJSON lines',
      `${JSON.stringify(item)}\n`.repeat(10_001),
      'application/x-ndjson',
      PayloadTooLargeException,
    ],
    ['no body at all', undefined, 'application/xml', UnsupportedMediaTypeException],
  ])('refuses %s', (_label, body, contentType, error) => {
    expect(() => parseBatchBody(body, contentType)).toThrow(error as new () => Error);
  });

  it('accepts exactly 10,000 items', () => {
    expect(parseBatchBody(Array(10_000).fill(item), 'application/json')).toHaveLength(10_000);
  });
});
