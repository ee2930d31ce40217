import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { MAX_PATH_PARAMETER_LENGTH, PathParameterTooLong } from '../framework-problem';

/** Fastify's router refuses a longer path parameter with 414 before any route runs; Express has no such limit. */
@Injectable()
export class PathParameterLengthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const values = typeof value === 'object' && value !== null ? Object.values(value) : [value];
    for (const each of values)
      if (typeof each === 'string' && each.length > MAX_PATH_PARAMETER_LENGTH)
        throw new PathParameterTooLong();
    return value;
  }
}
