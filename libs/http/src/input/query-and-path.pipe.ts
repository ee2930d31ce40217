import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { refuseValueProblem } from './value-problem';

/**
 * Path parameters and query strings arrive percent-decoded, so `%00` is a NUL like any other:
 * refused before validation, as bodies are refused by their parser.
 */
@Injectable()
export class QueryAndPathPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'query' || metadata.type === 'param')
      refuseValueProblem(value, metadata.data ?? '', metadata.type);
    return value;
  }
}
