import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { refuseUnstorableText } from './storable-text';

/**
 * Path parameters and query strings arrive percent-decoded, so `%00` is a NUL like any other:
 * refused before validation, as bodies are refused by their parser.
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'query' || metadata.type === 'param')
      refuseUnstorableText(value, metadata.data ?? '', metadata.type);
    return value;
  }
}
