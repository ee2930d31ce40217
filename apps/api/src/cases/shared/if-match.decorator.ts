import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { expectedVersionOf } from './if-match';

/** The version named by If-Match; answers 428 or 400 before the handler runs. */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): number => {
  const request = context
    .switchToHttp()
    .getRequest<{ headers: Record<string, string | string[] | undefined> }>();
  return expectedVersionOf(request.headers['if-match']);
});
