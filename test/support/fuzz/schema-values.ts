import fc from 'fast-check';
import { OpenApiDocument, OpenApiSchema, resolveSchema } from '../openapi-document';
import { ODD_DATES, ODD_NUMBERS, oddString, WRONG_TYPES } from './odd-values';

/** A value plus what was done to it, so a failure can say which kind of input caused it. */
export interface Labelled<T> {
  readonly value: T;
  readonly label: string;
}

const merged = (document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema => {
  const resolved = resolveSchema(document, schema);
  const alternative = resolved.oneOf?.[0] ?? resolved.anyOf?.[0];
  if (alternative) return merged(document, alternative);
  if (!resolved.allOf) return resolved;
  return resolved.allOf.reduce<OpenApiSchema>(
    (all, part) => {
      const one = merged(document, part);
      return {
        ...all,
        ...one,
        properties: { ...all.properties, ...one.properties },
        required: [...(all.required ?? []), ...(one.required ?? [])],
      };
    },
    { ...resolved, allOf: undefined },
  );
};

/** A value the document suggests is right: its examples, else the first enum value, else a plain one. */
export function exampleOf(document: OpenApiDocument, schema: OpenApiSchema, depth = 0): unknown {
  const s = merged(document, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.type === 'object' || s.properties) {
    if (depth > 6) return {};
    return Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([name, property]) => [
        name,
        exampleOf(document, property, depth + 1),
      ]),
    );
  }
  if (s.type === 'array') return s.items ? [exampleOf(document, s.items, depth + 1)] : [];
  if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
  if (s.type === 'boolean') return true;
  return 'x';
}

const wrongType = fc.constantFrom(...WRONG_TYPES).map((value) => ({ value, label: 'wrong type' }));
const oddNumber = fc.constantFrom(...ODD_NUMBERS).map((value) => ({ value, label: 'odd number' }));
const odd = oddString().map((value) => ({ value, label: 'odd string' }));
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const oddDate = fc.constantFrom(...ODD_DATES).map((value) => ({ value, label: 'odd date' }));
const empty = fc.constantFrom<unknown>('', [], {}).map((value) => ({ value, label: 'empty' }));
const huge = fc
  .constantFrom<unknown>(
    'x'.repeat(1_000_000),
    Array.from({ length: 20_000 }, (_, i) => i),
  )
  .map((value) => ({ value, label: 'huge' }));

function objectMutation(
  document: OpenApiDocument,
  s: OpenApiSchema,
  depth: number,
): fc.Arbitrary<Labelled<unknown>> {
  const base = exampleOf(document, s) as Record<string, unknown>;
  const names = Object.keys(s.properties ?? {});
  const required = s.required ?? [];
  const arbitraries: fc.Arbitrary<Labelled<unknown>>[] = [
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).chain((extra) =>
      fc.constantFrom<unknown>(1, 'x', null, {}).map((v) => ({
        value: { ...base, [extra]: v },
        label: 'extra field',
      })),
    ),
  ];
  if (required.length > 0) {
    arbitraries.push(
      fc.constantFrom(...required).map((name) => {
        const { [name]: _dropped, ...rest } = base;
        return { value: rest, label: `missing ${name}` };
      }),
    );
  }
  if (names.length > 0 && depth < 4) {
    arbitraries.push(
      fc.constantFrom(...names).chain((name) =>
        fuzzValueOf(document, (s.properties ?? {})[name] as OpenApiSchema, depth + 1).map(
          (inner) => ({
            value: { ...base, [name]: inner.value },
            label: `${name}: ${inner.label}`,
          }),
        ),
      ),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Mostly a right value with one thing wrong: wrong types, ranges, sizes, characters, fields. */
export function fuzzValueOf(
  document: OpenApiDocument,
  schema: OpenApiSchema,
  depth = 0,
): fc.Arbitrary<Labelled<unknown>> {
  const s = merged(document, schema);
  const valid = fc.constant({ value: exampleOf(document, s), label: 'valid' });
  const shaped: fc.Arbitrary<Labelled<unknown>>[] = [];
  if (s.type === 'object' || s.properties) shaped.push(objectMutation(document, s, depth));
  if (s.type === 'array' && s.items) {
    const item = s.items;
    shaped.push(
      fuzzValueOf(document, item, depth + 1).map((inner) => ({
        value: [inner.value],
        label: `[item]: ${inner.label}`,
      })),
      fc.constant({
        value: Array.from({ length: 60 }, () => exampleOf(document, item)),
        label: 'many items',
      }),
    );
  }
  if (s.type === 'integer' || s.type === 'number') shaped.push(oddNumber);
  if (s.type === 'string' || s.enum) shaped.push(odd);
  if (s.format === 'date-time' || (typeof s.example === 'string' && ISO_INSTANT.test(s.example)))
    shaped.push(oddDate, oddDate, oddDate);
  const choices = [
    { weight: 4, arbitrary: valid },
    { weight: 6, arbitrary: shaped.length > 0 ? fc.oneof(...shaped) : odd },
    { weight: 2, arbitrary: wrongType },
    { weight: 1, arbitrary: empty },
    { weight: 1, arbitrary: fc.oneof(oddNumber, odd) },
  ];
  return fc.oneof(...(depth === 0 ? [...choices, { weight: 1, arbitrary: huge }] : choices));
}
