import { requireId, requireLocale, requireName, requireTimezone } from '@heard/directory';
import { ValidationOptions } from 'class-validator';
import { SatisfiesRule } from './satisfies-rule.validator';

export const IsDirectoryId = (options?: ValidationOptions) =>
  SatisfiesRule(requireId, 'isDirectoryId', options);

export const IsDisplayName = (options?: ValidationOptions) =>
  SatisfiesRule(requireName, 'isDisplayName', options);

export const IsIanaTimeZone = (options?: ValidationOptions) =>
  SatisfiesRule(requireTimezone, 'isIanaTimeZone', options);

export const IsLanguageTag = (options?: ValidationOptions) =>
  SatisfiesRule(requireLocale, 'isLanguageTag', options);
