import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';

/** The part of Express's response and Fastify's reply both have. */
interface HeaderWriter {
  header(name: string, value: string): unknown;
}

/** `ETag: "<version>"` from the answer's version: what the next If-Match sends back. */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<HeaderWriter>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') response.header('ETag', `"${version}"`);
        return body;
      }),
    );
  }
}
