/** The parts of an OpenAPI 3.0 document the tests read: operations, parameters, schemas. */
export interface OpenApiSchema {
  readonly type?: string;
  readonly format?: string;
  readonly $ref?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, OpenApiSchema>;
  readonly required?: readonly string[];
  readonly items?: OpenApiSchema;
  readonly allOf?: readonly OpenApiSchema[];
  readonly oneOf?: readonly OpenApiSchema[];
  readonly anyOf?: readonly OpenApiSchema[];
  readonly additionalProperties?: boolean | OpenApiSchema;
  readonly example?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly [keyword: string]: unknown;
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: OpenApiSchema;
  readonly example?: unknown;
}

export interface OpenApiMediaType {
  readonly schema?: OpenApiSchema;
  readonly example?: unknown;
  readonly examples?: Record<string, { readonly value?: unknown }>;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  readonly operationId?: string;
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: Record<string, OpenApiMediaType>;
  };
  readonly responses: Record<string, OpenApiResponse>;
  readonly security?: readonly Record<string, readonly string[]>[];
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: { readonly schemas?: Record<string, OpenApiSchema> };
}

export interface DocumentedOperation {
  /** Upper case, as HTTP sends it. */
  readonly method: string;
  /** The template as the document has it: `/v1/cases/{id}`. */
  readonly path: string;
  readonly operation: OpenApiOperation;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The document the running app serves, fetched over HTTP like any client would. */
export async function fetchOpenApiDocument(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (response.status !== 200) throw new Error(`GET /docs-json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

export function operationsOf(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

/** Follows one local `$ref` (`#/components/schemas/X`); other schemas come back as they are. */
export function resolveSchema(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components?.schemas?.[name];
  if (!target) throw new Error(`the document has no schema ${schema.$ref}`);
  return resolveSchema(document, target);
}
