import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * On `consent`: contact details are kept only from people who agreed to be contacted; without
 * consent there is nothing they may be used for.
 */
export function ContactNeedsConsent(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'contactNeedsConsent',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be true when email or phone is given`,
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const { email, phone } = args.object as { email?: unknown; phone?: unknown };
          return (email == null && phone == null) || value === true;
        },
      },
    });
}
