import { PayloadTooLargeException } from '@nestjs/common';
import { firstFieldProblems, ValidationProblem } from '../validation-problem';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { parseJsonBody } from './parse-json-body';
import { findValueProblem } from './value-problem';

const problemOf = (text: string) => {
  try {
    parseJsonBody(text);
  } catch (error) {
    if (error instanceof ValidationProblem) return error.errors;
    throw error;
  }
  throw new Error('parsed');
};

const nested = (depth: number, open = '{"a":', close = '}') =>
  open.repeat(depth) + '1' + close.repeat(depth);

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[{{{{","b":["\\"[[[["]}', 2)).toBe(false);
    expect(nestsDeeperThan('["\\\\",[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('[[],[],[[]]]', 3)).toBe(false);
  });
});

describe('parseJsonBody', () => {
  it('parses bodies up to the maximum depth and takes an empty body for none', () => {
    expect(parseJsonBody(nested(MAX_JSON_DEPTH))).toBeDefined();
    expect(parseJsonBody('')).toBeUndefined();
    expect(parseJsonBody('{"text":"Tab\\there,\\r\\nlines 😞"}')).toEqual({
      text: 'Tab\there,\r\nlines 😞',
    });
  });

  it.each([
    ['objects', nested(5_000)],
    ['arrays', nested(5_000, '[', ']')],
  ])('refuses %s nested thousands deep before parsing them', (_kind, text) => {
    expect(problemOf(text)).toEqual([expect.objectContaining({ field: 'body', rule: 'maxDepth' })]);
    expect(problemOf(nested(MAX_JSON_DEPTH + 1))[0].rule).toBe('maxDepth');
  });

  it('names the path of a NUL, another C0 control or a lone surrogate', () => {
    expect(problemOf('{"customer":{"name":"Ol\\u0000ena"}}')).toEqual([
      {
        field: 'customer.name',
        rule: 'storableText',
        message: 'customer.name must not contain the control character U+0000',
      },
    ]);
    expect(problemOf('{"items":[{},{},{},{"text":"a\\u001bb"}]}')[0].field).toBe('items[3].text');
    expect(problemOf('{"text":"\\ud83d"}')[0].message).toContain('lone UTF-16 surrogate (U+D83D)');
    expect(problemOf('{"text":"x\\ude00"}')[0].field).toBe('text');
    expect(problemOf('"\\u0007"')[0].field).toBe('body');
  });

  it('refuses keys that would replace a prototype, and names broken JSON without echoing it', () => {
    expect(problemOf('{"customer":{"__proto__":{"admin":true}}}')).toEqual([
      expect.objectContaining({ field: 'customer.__proto__', rule: 'forbiddenProperty' }),
    ]);
    const broken = problemOf('{"text": "secret words" x}');
    expect(broken).toEqual([expect.objectContaining({ field: 'body', rule: 'json' })]);
    expect(broken[0].message).not.toContain('secret');
  });
});

describe('findValueProblem', () => {
  it('passes emoji, Cyrillic, DEL and surrogate pairs, and names query fields by their name', () => {
    expect(findValueProblem({ t: ['Хліб 😞 \u007f'] }, '')).toBeNull();
    expect(findValueProblem({ category: 'a\u0000' }, '', 'query')).toMatchObject({
      field: 'category',
    });
    expect(findValueProblem('\u0000', 'id', 'param')).toMatchObject({ field: 'id' });
  });
});

describe('the shape of a parsed body', () => {
  it('refuses objects wider than any request with 400 and lists longer than a batch with 413', () => {
    const wide = `{"customer":{${Array.from({ length: 101 }, (_, i) => `"k${i}":1`).join(',')}}}`;
    expect(problemOf(wide)).toEqual([
      expect.objectContaining({ field: 'customer', rule: 'maxProperties' }),
    ]);
    expect(() => parseJsonBody(`{"items":[${Array(10_001).fill(0).join(',')}]}`)).toThrow(
      PayloadTooLargeException,
    );
    expect(parseJsonBody(`[${Array(10_000).fill('{}').join(',')}]`)).toHaveLength(10_000);
  });

  it('lists the first errors and says how many more there are', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      field: `k${i}`,
      rule: 'whitelistValidation',
      message: 'no',
    }));
    const listed = firstFieldProblems(many, 10);
    expect(listed).toHaveLength(10);
    expect(listed[9]).toEqual({
      field: 'k9',
      rule: 'moreErrors',
      message: '111 more errors, from k9 on, are not listed',
    });
    expect(firstFieldProblems(many.slice(0, 10), 10)).toEqual(many.slice(0, 10));
  });
});
