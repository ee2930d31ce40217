import fc from 'fast-check';

/** Strings that have broken parsers, validators, databases and terminals before. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\u200b\u200d\ufeff',
  'e\u0301\u0301\u0301',
  'İıß',
  '😞🍞👩‍👩‍👧‍👦',
  '\t\r\n',
  '\u001b[31mred',
  "'; DROP TABLE events; --",
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  '%00%zz',
  '__proto__',
  'constructor',
  'null',
  '2026-W48-2',
  '2026-W48',
  '2026-334',
  '2026-02-30T00:00:00Z',
  '2026-11-20T07:30:00',
  '2026-11-20',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:60Z',
  '0000-00-00T00:00:00Z',
  'x'.repeat(5_001),
  'é'.repeat(70_000),
];

/** Instants as ISO 8601 allows them and RFC 3339 does not, or as no calendar has them. */
export const ODD_DATES: readonly string[] = [
  '2026-W48-2',
  '2026-W48',
  '2026-334',
  '2026-11-20',
  '2026-11',
  '20261120T073000Z',
  '2026-11-20T07:30:00',
  '2026-11-20 07:30:00Z',
  '2026-11-20T07:30Z',
  '2026-11-20T07:30:00,5Z',
  '2026-02-30T00:00:00Z',
  '2026-11-20T24:00:00Z',
  '2026-11-20T23:59:60Z',
  '2026-11-20T07:30:00+25:00',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999999999Z',
];

/** What a JSON field can hold when it should have held something else. */
export const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  'text',
  [],
  {},
  [1, 'two', null],
  { nested: { value: 1 } },
];

export const ODD_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  11,
  201,
  10_001,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

export const oddString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  );

/** JSON nested `depth` levels deep, written as text: building it as a value would overflow our own stack. */
export const deepJson = (depth: number, shape: 'array' | 'object'): string =>
  shape === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Header values fetch can send at all (bytes, no NUL, CR or LF); the rest never leave the client. */
export const sendableInHeader = (value: string): boolean => /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
