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

  const problemOf = (text: string) => {
    try {
      parseNdjson(text);
    } catch (error) {
      if (error instanceof ValidationProblem) return error.errors;
      throw error;
    }
    throw new Error('parsed');
  };

  it('refuses a batch whose line is nested too deep, naming the item and the line', () => {
    const deep = '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000);
    expect(problemOf(`${JSON.stringify(item)}\n\n${deep}\n`)).toEqual([
      expect.objectContaining({
        field: 'items[1]',
        rule: 'maxDepth',
        message: expect.stringContaining('line 3 (items[1])'),
      }),
    ]);
  });

  it('refuses a batch with text no store can hold, naming the path inside the item', () => {
    const nul = JSON.stringify({ ...item, text: 'a\u0000b' });
    expect(problemOf(`${JSON.stringify(item)}\n${nul}`)).toEqual([
      expect.objectContaining({ field: 'items[1].text', rule: 'storableText' }),
    ]);
  });

  it('counts lines without making an object per line: 16 MiB of newlines is no items', () => {
    expect(() => parseNdjson('\n'.repeat(16 * 1024 * 1024))).toThrow(ValidationProblem);
    const over = `${JSON.stringify(item)}\n\n`.repeat(10_001);
    expect(() => parseNdjson(over)).toThrow(/at most 10,000 items \(got 10,001\)/);
  });
});
