import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
