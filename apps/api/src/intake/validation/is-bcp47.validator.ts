import { registerDecorator, ValidationOptions } from 'class-validator';

/** Intl's check is slow beside the rest of a request, and real traffic uses a handful of tags. */
const answers = new Map<string, boolean>();
const ANSWERS_KEPT = 1000;

function isBcp47(tag: string): boolean {
  let answer = answers.get(tag);
  if (answer === undefined) {
    try {
      answer = Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      answer = false;
    }
    if (answers.size >= ANSWERS_KEPT) answers.clear();
    answers.set(tag, answer);
  }
  return answer;
}

/** A BCP 47 language tag ("uk", "ru-UA", "zh-Hant-TW"), as Intl itself understands them. */
export function IsBcp47(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBcp47',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a BCP 47 language tag such as "uk" or "ru-UA"`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || value.length === 0 || value.length > 35) return false;
          return isBcp47(value);
        },
      },
    });
}
