import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_JSON } from './api-problems.decorator';
import { ProblemDetailsResponse } from './problem-details.response';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** What the HTTP server refuses before any route runs, so every operation can answer it. */
const SERVER_REFUSALS: Record<string, string> = {
  431: 'Request headers larger than the server accepts (16 KiB)',
};

/** Fastify's router refuses a path parameter longer than its limit before any route runs. */
const PATH_REFUSALS: Record<string, string> = {
  414: 'An id in the path longer than the router accepts (100 characters)',
};

function withServerRefusals(document: OpenAPIObject): OpenAPIObject {
  const problem = { schema: { $ref: getSchemaPath(ProblemDetailsResponse) } };
  for (const [path, item] of Object.entries(document.paths)) {
    const refusals = path.includes('{')
      ? { ...SERVER_REFUSALS, ...PATH_REFUSALS }
      : SERVER_REFUSALS;
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = { ...operation.responses };
      for (const [status, description] of Object.entries(refusals))
        responses[status] ??= { description, content: { [PROBLEM_JSON]: problem } };
      operation.responses = Object.fromEntries(
        Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  return document;
}

/** Serves the OpenAPI document at /docs (and /docs-json), built from the decorators. */
export function serveOpenApiDocument(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Heard API')
      .setDescription(
        'Complaints, cases and closed-loop feedback. Errors are RFC 9457 problem+json.',
      )
      .setVersion('1')
      .setLicense('Proprietary', 'https://heard.dev/license')
      // Relative: the document is right wherever the API is served.
      .addServer('/')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, withServerRefusals(document), { jsonDocumentUrl: 'docs-json' });
}
