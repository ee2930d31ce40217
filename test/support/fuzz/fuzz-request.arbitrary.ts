import fc from 'fast-check';
import {
  DocumentedOperation,
  OpenApiDocument,
  OpenApiParameter,
  operationsOf,
} from '../openapi-document';
import { Body, bodyOf, noBody } from './fuzz-body.arbitrary';
import {
  extraQuery,
  idempotencyKey,
  ifMatch,
  label,
  none,
  Part,
  pathValue,
  queryValue,
  stringOf,
} from './fuzz-parts.arbitrary';
import { sendableInHeader } from './odd-values';
import { exampleOf, Labelled } from './schema-values';

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
    path: pathParameters.map((p) => pathValue(inputs.document, inputs.knownIds, p)),
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
