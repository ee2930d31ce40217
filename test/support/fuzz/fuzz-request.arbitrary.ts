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
  /** A token of the role allowed nearly everywhere (cx_admin), so most requests reach the rules. */
  readonly adminAuthorization: string;
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

function queryValue(
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

const extraQuery: fc.Arbitrary<Part> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(none) },
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

interface Parts {
  readonly path: readonly Part[];
  readonly query: readonly Part[];
  readonly authorization: Part;
  readonly ifMatch: Part;
  readonly idempotencyKey: Part;
  readonly body: Body;
}

function requestOf(op: DocumentedOperation, names: readonly string[], parts: Parts): FuzzRequest {
  let url = op.path;
  names.forEach((name, i) => (url = url.replace(`{${name}}`, parts.path[i].value ?? '')));
  const search = parts.query.flatMap((q) => (q.value === undefined ? [] : [q.value])).join('&');
  const headers: Record<string, string> = {};
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && sendableInHeader(value)) headers[name] = value;
  };
  set('authorization', parts.authorization.value);
  set('if-match', parts.ifMatch.value);
  set('idempotency-key', parts.idempotencyKey.value);
  set('content-type', parts.body.contentType);
  const labels = [
    ...parts.path,
    ...parts.query,
    parts.authorization,
    parts.ifMatch,
    parts.idempotencyKey,
    parts.body,
  ]
    .map((part) => part.label)
    .filter((l) => l !== '');
  return {
    method: op.method,
    template: op.path,
    url: search ? `${url}?${search}` : url,
    headers,
    body: parts.body.body,
    labels,
  };
}

/**
 * Mostly a request that would pass with one part made odd, so that the odd part is what the API
 * judges (an odd body behind a refused token proves nothing); sometimes every part odd at once.
 */
function requestFor(inputs: FuzzInputs, op: DocumentedOperation): fc.Arbitrary<FuzzRequest> {
  const parameters = op.operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const hasIfMatch = parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
  const validTokens = inputs.authorizations.filter((a) => a.label === '');
  const validPath = (p: OpenApiParameter) =>
    fc.constantFrom(...inputs.knownIds, stringOf(p.example ?? 'x')).map((id) => label(id, ''));
  const validBody: Body = op.operation.requestBody
    ? {
        body: JSON.stringify(
          exampleOf(
            inputs.document,
            op.operation.requestBody.content['application/json']?.schema ?? {},
          ),
        ),
        contentType: 'application/json',
        label: '',
      }
    : { label: '' };
  const odd = {
    path: pathParameters.map((p) => pathValue(inputs, p)),
    query: [...queryParameters.map((p) => queryValue(inputs.document, p, 0)), extraQuery],
    authorization: fc.constantFrom(...inputs.authorizations),
    ifMatch: hasIfMatch ? ifMatch(true) : fc.oneof(fc.constant(none), ifMatch(false)),
    idempotencyKey: op.method === 'POST' ? idempotencyKey : fc.constant(none),
    body: op.operation.requestBody ? bodyOf(inputs.document, op) : noBody(op),
  };
  const baseline = fc.record({
    path: fc.tuple(...pathParameters.map(validPath)),
    query: fc.constant(queryParameters.map(() => none)),
    authorization: fc.oneof(
      { weight: 3, arbitrary: fc.constant(label(inputs.adminAuthorization, '')) },
      { weight: 2, arbitrary: fc.constantFrom(...validTokens) },
    ),
    ifMatch: hasIfMatch
      ? fc.integer({ min: 1, max: 6 }).map((v) => label(`"${v}"`, ''))
      : fc.constant(none),
    idempotencyKey: fc.constant(none),
    body: fc.constant(validBody),
  });
  type Change = (parts: Parts) => Parts;
  const changes: fc.WeightedArbitrary<Change>[] = [
    { weight: 1, arbitrary: fc.constant((parts: Parts) => parts) },
    {
      weight: 2,
      arbitrary: odd.authorization.map((a) => (p: Parts) => ({ ...p, authorization: a })),
    },
    { weight: 1, arbitrary: odd.ifMatch.map((h) => (p: Parts) => ({ ...p, ifMatch: h })) },
    {
      weight: op.method === 'POST' ? 1 : 0,
      arbitrary: odd.idempotencyKey.map((h) => (p: Parts) => ({ ...p, idempotencyKey: h })),
    },
    {
      weight: op.operation.requestBody ? 6 : 1,
      arbitrary: odd.body.map((b) => (p: Parts) => ({ ...p, body: b })),
    },
    ...odd.path.map((arbitrary, i) => ({
      weight: 2,
      arbitrary: arbitrary.map((v) => (p: Parts) => ({
        ...p,
        path: p.path.map((old, j) => (i === j ? v : old)),
      })),
    })),
    ...odd.query.map((arbitrary, i) => ({
      weight: 2,
      arbitrary: arbitrary.map((v) => (p: Parts) => ({
        ...p,
        query: [...p.query.slice(0, i), v, ...p.query.slice(i + 1)],
      })),
    })),
  ].filter((c) => c.weight > 0);
  const everythingOdd = fc.record({
    path: fc.tuple(...odd.path),
    query: fc.tuple(...queryParameters.map((p) => queryValue(inputs.document, p, 3)), extraQuery),
    authorization: odd.authorization,
    ifMatch: odd.ifMatch,
    idempotencyKey: odd.idempotencyKey,
    body: odd.body,
  });
  const names = pathParameters.map((p) => p.name);
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(baseline, fc.oneof(...changes))
        .map(([parts, change]) => requestOf(op, names, change(parts))),
    },
    { weight: 1, arbitrary: everythingOdd.map((parts) => requestOf(op, names, parts)) },
  );
}

/** Any documented operation, called with parts the document allows and parts it does not. */
export function fuzzRequest(inputs: FuzzInputs): fc.Arbitrary<FuzzRequest> {
  // Intake weighs more: it is where accepted input reaches the event log and every projection;
  // so does every parameter, or the nine filters of one list would share one operation's turns.
  const weightOf = (op: DocumentedOperation) =>
    (op.path === '/v1/feedback' ? 8 : op.path === '/v1/feedback/batch' ? 3 : 2) +
    (op.operation.parameters ?? []).filter((p) => p.in === 'query').length;
  const operations = operationsOf(inputs.document).map((op) => ({
    weight: weightOf(op),
    arbitrary: requestFor(inputs, op),
  }));
  return fc.oneof(...operations);
}
