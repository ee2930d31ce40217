import fc from 'fast-check';
import { OpenApiDocument, OpenApiParameter, OpenApiSchema } from '../openapi-document';
import { oddString } from './odd-values';
import { exampleOf, fuzzValueOf, Labelled } from './schema-values';

/** Ids that exist in the app under test, so requests get past 404 to the rules behind it. */
export type KnownIds = readonly string[];

export type Part = Labelled<string | undefined>;

export const label = (value: string | undefined, what: string): Part => ({ value, label: what });
export const none: Part = label(undefined, '');

const encode = (value: string): string => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as its UTF-8 bytes would be
  }
};

export const stringOf = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

export function pathValue(
  document: OpenApiDocument,
  knownIds: KnownIds,
  parameter: OpenApiParameter,
): fc.Arbitrary<Part> {
  const example = parameter.example ?? exampleOf(document, parameter.schema ?? {});
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...knownIds).map((id) => label(id, '')) },
    { weight: 2, arbitrary: fc.constant(label(stringOf(example), '')) },
    { weight: 1, arbitrary: fc.uuid().map((id) => label(id, '')) },
    { weight: 2, arbitrary: oddString().map((v) => label(encode(v), 'odd path')) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('%zz', '%', '..', 'x'.repeat(600))
        .map((v) => label(v, 'raw path')),
    },
  );
}

export function queryValue(
  document: OpenApiDocument,
  parameter: OpenApiParameter,
  absent: number,
): fc.Arbitrary<Part> {
  const schema: OpenApiSchema = parameter.schema ?? { type: 'string' };
  return fc.oneof(
    ...(absent > 0 ? [{ weight: absent, arbitrary: fc.constant(none) }] : []),
    {
      weight: 3,
      arbitrary: fuzzValueOf(document, schema, 1)
        .filter((v) => absent > 0 || v.label !== 'valid')
        .map((v) =>
          label(
            `${parameter.name}=${encode(stringOf(v.value))}`,
            v.label === 'valid' ? '' : `${parameter.name}: ${v.label}`,
          ),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.constant(
        label(`${parameter.name}=1&${parameter.name}=2`, `${parameter.name} repeated`),
      ),
    },
  );
}

export const extraQuery: fc.Arbitrary<Part> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(none) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('unknown=1', '__proto__[x]=1', 'a[b][c][d]=1', `q=${'x'.repeat(4_000)}`)
      .map((q) => label(q, 'extra query')),
  },
);

export const headerOf = (
  values: readonly (string | undefined)[],
  what: string,
): fc.Arbitrary<Part> =>
  fc.constantFrom(...values).map((v) => label(v, v === undefined ? '' : what));

export const ifMatch = (required: boolean): fc.Arbitrary<Part> =>
  fc.oneof(
    {
      weight: required ? 4 : 1,
      arbitrary: fc.integer({ min: 1, max: 6 }).map((v) => label(`"${v}"`, '')),
    },
    { weight: 2, arbitrary: fc.constant(none) },
    {
      weight: 3,
      arbitrary: headerOf(
        ['1', 'W/"1"', '*', '"0"', '"-1"', '"1.5"', '"99999999999999999999"', '', '"1", "2"'],
        'bad If-Match',
      ),
    },
    { weight: 1, arbitrary: headerOf(['"é"', 'x'.repeat(8_000)], 'odd If-Match') },
  );

export const idempotencyKey: fc.Arbitrary<Part> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(none) },
  { weight: 2, arbitrary: headerOf(['fuzz-key-1', 'fuzz-key-2'], 'reused Idempotency-Key') },
  {
    weight: 2,
    arbitrary: headerOf(
      ['', ' ', 'é', 'tab\tkey', 'x'.repeat(201), 'x'.repeat(8_000)],
      'bad Idempotency-Key',
    ),
  },
);
