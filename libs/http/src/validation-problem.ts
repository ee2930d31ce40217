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

/** A request with thousands of bad fields is told about the first ones, not all of them. */
export const MAX_FIELD_PROBLEMS = 50;

/** At most `max`, the last saying how many more there were and where they start. */
export function firstFieldProblems(
  problems: readonly FieldProblem[],
  max = MAX_FIELD_PROBLEMS,
): FieldProblem[] {
  if (problems.length <= max) return [...problems];
  const kept = problems.slice(0, max - 1);
  const rest = problems.length - kept.length;
  const next = problems[kept.length].field;
  return [
    ...kept,
    {
      field: next,
      rule: 'moreErrors',
      message: `${rest} more errors, from ${next} on, are not listed`,
    },
  ];
}

/** Strict input: unknown fields are errors, not silently dropped. */
export const STRICT_VALIDATION = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
} as const;

export const strictValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    ...STRICT_VALIDATION,
    transform: true,
    exceptionFactory: (errors) => new ValidationProblem(firstFieldProblems(fieldProblems(errors))),
  });
