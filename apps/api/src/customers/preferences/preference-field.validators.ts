import { isIanaTimeZone } from '@heard/kernel';
import {
  isEmail,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/** E.164: a plus, a country code that does not start with 0, 8 to 15 digits in all. */
const E164 = /^\+[1-9][0-9]{7,14}$/;
// eslint-disable-next-line no-control-regex
const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/;

function ruleOf(channel: unknown, address: unknown): string | null {
  switch (channel) {
    case 'email':
      return typeof address === 'string' && address.length <= 254 && isEmail(address)
        ? null
        : 'must be an e-mail address (at most 254 characters) when channel is email';
    case 'sms':
      return typeof address === 'string' && E164.test(address)
        ? null
        : 'must be an E.164 phone number such as +380501234567 when channel is sms';
    default:
      // push and in_app: the device or app token, if the app needs one.
      return address === undefined ||
        (typeof address === 'string' && address.length <= 500 && PRINTABLE.test(address))
        ? null
        : 'must be at most 500 printable characters, or absent, for push and in_app';
  }
}

/** The address a channel needs: an e-mail for email, E.164 for sms, optional for the rest. */
export function IsChannelAddress(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isChannelAddress',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          ruleOf((args.object as { channel?: unknown }).channel, value) === null,
        defaultMessage: (args: ValidationArguments) =>
          `address ${ruleOf((args.object as { channel?: unknown }).channel, args.value)}`,
      },
    });
}

export function IsIanaZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaZone',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an IANA time zone such as "Europe/Kyiv"`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= 64 && isIanaTimeZone(value),
      },
    });
}

export const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
