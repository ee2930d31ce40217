import { DomainError } from '@heard/kernel';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A domain field rule: answers the normalised value or throws a DomainError naming the field. */
export type FieldRule = (value: unknown, field: string) => unknown;

function refusal(rule: FieldRule, value: unknown, field: string): string | null {
  try {
    rule(value, field);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
}

/**
 * Checks a field with the domain's own rule, so bad input is a 400 naming the field at the edge,
 * in the words the domain would use, instead of a second copy of the rule drifting apart.
 */
export function SatisfiesRule(
  rule: FieldRule,
  name: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value, args) => refusal(rule, value, args?.property ?? name) === null,
        defaultMessage: (args) =>
          (args && refusal(rule, args.value, args.property)) ?? `${args?.property} is invalid`,
      },
    },
    options,
  );
}
