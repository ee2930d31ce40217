import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  DocumentedOperation,
  fetchOpenApiDocument,
  OpenApiDocument,
  OpenApiSchema,
  operationsOf,
} from './openapi-document';

const ROOT = 'served-openapi-document';

/** Keywords of OpenAPI 3.0 that are not JSON Schema and say nothing about validity. */
const ANNOTATIONS_ONLY = new Set(['example', 'xml', 'externalDocs', 'discriminator']);

/**
 * OpenAPI 3.0 schema → JSON Schema: `nullable` becomes "or null", refs point into the document,
 * and an object lists all its fields: a field the document does not name is a mismatch too,
 * or a generated client would silently drop it.
 */
function toJsonSchema(schema: OpenApiSchema): Record<string, unknown> {
  const { nullable, ...rest } = schema;
  if (nullable === true) return { anyOf: [toJsonSchema(rest), { type: 'null' }] };
  if (rest.$ref)
    return { $ref: `${ROOT}#/definitions/${rest.$ref.replace('#/components/schemas/', '')}` };
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(rest)) {
    if (ANNOTATIONS_ONLY.has(keyword)) continue;
    if (keyword === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, OpenApiSchema>).map(([name, property]) => [
          name,
          toJsonSchema(property),
        ]),
      );
    } else if (
      keyword === 'items' ||
      (keyword === 'additionalProperties' && value !== null && typeof value === 'object')
    ) {
      out[keyword] = toJsonSchema(value as OpenApiSchema);
    } else if (keyword === 'allOf' || keyword === 'oneOf' || keyword === 'anyOf') {
      out[keyword] = (value as OpenApiSchema[]).map(toJsonSchema);
    } else out[keyword] = value;
  }
  if (rest.properties && rest.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const mediaTypeOf = (contentType: string | null): string | null =>
  contentType?.split(';')[0].trim().toLowerCase() || null;

const explain = (errors: readonly ErrorObject[] | null | undefined): string =>
  (errors ?? [])
    .map(
      (e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
    )
    .join('; ');

/** An answer unlike the document; `kind` says how, without the details of one answer. */
export class ContractMismatch extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks answers against the OpenAPI document the app serves: status, content type and body. */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: true,
    allowUnionTypes: true,
  });
  private readonly operations: DocumentedOperation[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    addFormats(this.ajv);
    const schemas = Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [
        name,
        toJsonSchema(s),
      ]),
    );
    this.ajv.addSchema({ $id: ROOT, definitions: schemas });
    // Literal paths before templates: /v1/feedback/batch is not /v1/feedback/{id}.
    this.operations = operationsOf(document).sort(
      (a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0),
    );
  }

  static async of(baseUrl: string): Promise<OpenApiResponseValidator> {
    return new OpenApiResponseValidator(await fetchOpenApiDocument(baseUrl));
  }

  operationOf(method: string, url: string): DocumentedOperation | undefined {
    const path = new URL(url, 'http://heard.invalid').pathname;
    return this.operations.find(
      (op) =>
        op.method === method.toUpperCase() &&
        new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
    );
  }

  /** Throws a ContractMismatch naming the operation, the status and what differs. */
  check(
    method: string,
    url: string,
    status: number,
    contentType: string | null,
    body: string,
  ): void {
    const op = this.operationOf(method, url);
    const where = `${method.toUpperCase()} ${url}`;
    if (!op)
      throw new ContractMismatch(
        'undocumented operation',
        `${where}: no operation in the document matches`,
      );
    const name = `${op.method} ${op.path} (${op.operation.operationId ?? 'no operationId'})`;
    const responses = op.operation.responses;
    const declared =
      responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!declared) {
      throw new ContractMismatch(
        `undeclared ${status}`,
        `${name} answered ${status}, which it does not declare (it declares ${Object.keys(responses).join(', ')}): ${body.slice(0, 300)}`,
      );
    }
    const content = declared.content ?? {};
    if (body === '') {
      if (Object.keys(content).length > 0)
        throw new ContractMismatch(
          `${status} without a body`,
          `${name} answered ${status} with no body; the document declares ${Object.keys(content).join(', ')}`,
        );
      return;
    }
    const mediaType = mediaTypeOf(contentType);
    const media = mediaType ? content[mediaType] : undefined;
    if (!media) {
      throw new ContractMismatch(
        `${status} as ${mediaType ?? 'no content type'}`,
        `${name} answered ${status} as ${mediaType ?? 'no content type'}; the document declares ${Object.keys(content).join(', ') || 'no body'}`,
      );
    }
    if (!media.schema) return;
    const validate = this.validatorFor(
      `${op.method} ${op.path} ${status} ${mediaType}`,
      media.schema,
    );
    let parsed: unknown;
    try {
      parsed = mediaType?.endsWith('json') ? JSON.parse(body) : body;
    } catch {
      throw new ContractMismatch(
        `${status} not JSON`,
        `${name} answered ${status} as ${mediaType} that is not JSON: ${body.slice(0, 200)}`,
      );
    }
    if (!validate(parsed)) {
      throw new ContractMismatch(
        `${status} unlike its schema at ${[...new Set((validate.errors ?? []).map((e) => e.instancePath || '(body)'))].join(' ')}`,
        `${name} answered ${status} unlike its schema: ${explain(validate.errors)}`,
      );
    }
  }

  private validatorFor(key: string, schema: OpenApiSchema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema));
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
