import { registerDecorator, ValidationOptions } from 'class-validator';

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
          try {
            return Intl.getCanonicalLocales(value).length === 1;
          } catch {
            return false;
          }
        },
      },
    });
}
