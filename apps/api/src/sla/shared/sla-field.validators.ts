import {
  requireCalendarDate,
  requireIanaTimeZone,
  requireIsoDuration,
  requireWarnAt,
  wallClockMinutes,
} from '@heard/sla';
import { ValidationOptions } from 'class-validator';
import { SatisfiesRule } from '../../directory/shared/satisfies-rule.validator';

export const IsIsoDuration = (options?: ValidationOptions) =>
  SatisfiesRule(requireIsoDuration, 'isIsoDuration', options);

export const IsWarnShare = (options?: ValidationOptions) =>
  SatisfiesRule(requireWarnAt, 'isWarnShare', options);

export const IsCalendarTimeZone = (options?: ValidationOptions) =>
  SatisfiesRule(requireIanaTimeZone, 'isIanaTimeZone', options);

export const IsOpeningStart = (options?: ValidationOptions) =>
  SatisfiesRule(
    (value, field) => wallClockMinutes(value, field, 'from'),
    'isWallClockTime',
    options,
  );

export const IsOpeningEnd = (options?: ValidationOptions) =>
  SatisfiesRule((value, field) => wallClockMinutes(value, field, 'to'), 'isWallClockTime', options);

export const IsCalendarDate = (options?: ValidationOptions) =>
  SatisfiesRule(requireCalendarDate, 'isCalendarDate', options);
