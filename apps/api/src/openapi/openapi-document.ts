import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_JSON } from './api-problems.decorator';
import { ProblemDetailsResponse } from './problem-details.response';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** What the HTTP server refuses before any route runs, so every operation can answer it. */
const SERVER_REFUSALS: Record<string, string> = {
  431: 'Request headers larger than the server accepts (16 KiB)',
};

function withServerRefusals(document: OpenAPIObject): OpenAPIObject {
  const problem = { schema: { $ref: getSchemaPath(ProblemDetailsResponse) } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = { ...operation.responses };
      for (const [status, description] of Object.entries(SERVER_REFUSALS))
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
