import fc from 'fast-check';
import {
  DocumentedOperation,
  OpenApiDocument,
  OpenApiParameter,
  OpenApiSchema,
  operationsOf,
} from '../openapi-document';
import { deepJson, oddString, sendableInHeader } from './odd-values';
import { exampleOf, fuzzValueOf, Labelled } from './schema-values';

export interface FuzzRequest {
  readonly method: string;
  /** The documented path template it exercises. */
  readonly template: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** What was odd about it, one label per part. */
  readonly labels: readonly string[];
}

export interface FuzzInputs {
  readonly document: OpenApiDocument;
  /** Authorization header values, valid tokens of every role among them; undefined sends none. */
  readonly authorizations: readonly Labelled<string | undefined>[];
  /** Ids that exist in the app under test, so requests get past 404 to the rules behind it. */
  readonly knownIds: readonly string[];
}

type Part = Labelled<string | undefined>;

const label = (value: string | undefined, what: string): Part => ({ value, label: what });
const none: Part = label(undefined, '');

/** Bodies larger than every limit the API sets (16 MiB); built once, they are large. */
const OVERSIZED = `{"items":[${'{"kind":"review"},'.repeat(1_000_000)}{}]}`;

const encode = (value: string): string => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as its UTF-8 bytes would be
  }
};

const stringOf = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

function pathValue(inputs: FuzzInputs, parameter: OpenApiParameter): fc.Arbitrary<Part> {
  const example = parameter.example ?? exampleOf(inputs.document, parameter.schema ?? {});
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...inputs.knownIds).map((id) => label(id, '')) },
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

function queryValue(document: OpenApiDocument, parameter: OpenApiParameter): fc.Arbitrary<Part> {
  const schema: OpenApiSchema = parameter.schema ?? { type: 'string' };
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(none) },
    {
      weight: 3,
      arbitrary: fuzzValueOf(document, schema, 1).map((v) =>
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

const extraQuery: fc.Arbitrary<Part> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(none) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('unknown=1', '__proto__[x]=1', 'a[b][c][d]=1', `q=${'x'.repeat(4_000)}`)
      .map((q) => label(q, 'extra query')),
  },
);

const headerOf = (values: readonly (string | undefined)[], what: string): fc.Arbitrary<Part> =>
  fc.constantFrom(...values).map((v) => label(v, v === undefined ? '' : what));

const ifMatch = (required: boolean): fc.Arbitrary<Part> =>
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

const idempotencyKey: fc.Arbitrary<Part> = fc.oneof(
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

interface Body {
  readonly body?: string;
  readonly contentType?: string;
  readonly label: string;
}

function bodyOf(document: OpenApiDocument, op: DocumentedOperation): fc.Arbitrary<Body> {
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

const noBody = (op: DocumentedOperation): fc.Arbitrary<Body> =>
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

function requestFor(inputs: FuzzInputs, op: DocumentedOperation): fc.Arbitrary<FuzzRequest> {
  const parameters = op.operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const hasIfMatch = parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
  return fc
    .record({
      path: fc.tuple(...pathParameters.map((p) => pathValue(inputs, p))),
      query: fc.tuple(...queryParameters.map((p) => queryValue(inputs.document, p)), extraQuery),
      authorization: fc.constantFrom(...inputs.authorizations),
      ifMatch: hasIfMatch ? ifMatch(true) : fc.oneof(fc.constant(none), ifMatch(false)),
      idempotencyKey: op.method === 'POST' ? idempotencyKey : fc.constant(none),
      body: op.operation.requestBody ? bodyOf(inputs.document, op) : noBody(op),
    })
    .map(({ path, query, authorization, ifMatch, idempotencyKey, body }) => {
      let url = op.path;
      pathParameters.forEach((p, i) => (url = url.replace(`{${p.name}}`, path[i].value ?? '')));
      const search = query.flatMap((q) => (q.value === undefined ? [] : [q.value])).join('&');
      const headers: Record<string, string> = {};
      const set = (name: string, part: Part | string | undefined) => {
        const value = typeof part === 'object' ? part.value : part;
        if (value !== undefined && sendableInHeader(value)) headers[name] = value;
      };
      set('authorization', authorization);
      set('if-match', ifMatch);
      set('idempotency-key', idempotencyKey);
      set('content-type', body.contentType);
      const labels = [
        ...path,
        ...query,
        authorization,
        ifMatch,
        idempotencyKey,
        { label: body.label },
      ]
        .map((part) => part.label)
        .filter((l) => l !== '');
      return {
        method: op.method,
        template: op.path,
        url: search ? `${url}?${search}` : url,
        headers,
        body: body.body,
        labels,
      };
    });
}

/** Any documented operation, called with parts the document allows and parts it does not. */
export function fuzzRequest(inputs: FuzzInputs): fc.Arbitrary<FuzzRequest> {
  // Writes weigh more: they are where accepted input can reach the event log and projections.
  const operations = operationsOf(inputs.document).map((op) => ({
    weight:
      op.method === 'GET'
        ? 1
        : op.path === '/v1/feedback'
          ? 10
          : op.path === '/v1/feedback/batch'
            ? 4
            : 2,
    arbitrary: requestFor(inputs, op),
  }));
  return fc.oneof(...operations);
}
