import fc from 'fast-check';
import { DocumentedOperation, OpenApiDocument } from '../openapi-document';
import { deepJson } from './odd-values';
import { exampleOf, fuzzValueOf } from './schema-values';

/** Bodies larger than every limit the API sets (16 MiB); built once, they are large. */
const OVERSIZED = `{"items":[${'{"kind":"review"},'.repeat(1_000_000)}{}]}`;

export interface Body {
  readonly body?: string;
  readonly contentType?: string;
  readonly label: string;
}

export function bodyOf(document: OpenApiDocument, op: DocumentedOperation): fc.Arbitrary<Body> {
  const content = op.operation.requestBody?.content ?? {};
  const schema = content['application/json']?.schema;
  const json = 'application/json';
  const valid = schema ? exampleOf(document, schema) : {};
  const withDeepField = (depth: number) => {
    const text = JSON.stringify(valid);
    const opened = text.startsWith('{') && text.length > 2 ? `${text.slice(0, -1)},` : '{';
    return `${opened}"customer":${deepJson(depth, 'object')}}`;
  };
  const arbitraries: fc.WeightedArbitrary<Body>[] = [
    {
      weight: 8,
      arbitrary: (schema
        ? fuzzValueOf(document, schema)
        : fc.constant({ value: {}, label: '' })
      ).map((v) => ({
        body: JSON.stringify(v.value),
        contentType: json,
        label: v.label === 'valid' ? '' : `body ${v.label}`,
      })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(100, 10_000, 200_000).chain((depth) =>
        fc.constantFrom(
          {
            body: deepJson(depth, 'array'),
            contentType: json,
            label: `deep JSON, depth ${depth}`,
          },
          {
            body: deepJson(depth, 'object'),
            contentType: json,
            label: `deep JSON, depth ${depth}`,
          },
          { body: withDeepField(depth), contentType: json, label: `deep JSON, depth ${depth}` },
        ),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '{"kind":',
          'kind=review',
          '\u0000',
          '',
          'null',
          '"text"',
          '42',
          'NaN',
          '\ufeff{}',
        )
        .map((body) => ({ body, contentType: json, label: 'not JSON' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
          'application/problem+json',
          undefined,
        )
        .map((contentType) => ({
          body: JSON.stringify(valid),
          contentType,
          label: `content type ${contentType ?? 'none'}`,
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ body: OVERSIZED, contentType: json, label: 'over 16 MiB' }),
    },
  ];
  if (content['application/x-ndjson']) {
    arbitraries.push({
      weight: 2,
      arbitrary: fc
        .array(schema ? fuzzValueOf(document, schema, 1) : fc.constant({ value: {}, label: '' }), {
          minLength: 0,
          maxLength: 5,
        })
        .map((lines) => ({
          body: lines.map((line) => JSON.stringify(line.value)).join('\n'),
          contentType: 'application/x-ndjson',
          label: 'ndjson',
        })),
    });
  }
  return fc.oneof(...arbitraries);
}

export const noBody = (op: DocumentedOperation): fc.Arbitrary<Body> =>
  op.method === 'GET'
    ? fc.constant({ label: '' })
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant({ label: '' }) },
        {
          weight: 1,
          arbitrary: fc.constant({
            body: '{"unexpected":true}',
            contentType: 'application/json',
            label: 'unexpected body',
          }),
        },
      );
