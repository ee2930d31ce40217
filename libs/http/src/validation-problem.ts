import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './problem-details';

/** Bad input, field by field; the filter answers it as 400 problem+json. */
export class ValidationProblem extends BadRequestException {
  constructor(readonly errors: readonly FieldProblem[]) {
    super('the request has invalid fields');
  }
}

/** Flattens class-validator's tree into `items[3].rating: max` entries. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message,
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Strict input: unknown fields are errors, not silently dropped. */
export const strictValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(fieldProblems(errors)),
  });
