import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Ids end up in stream names, URLs and logs: the directory's id rule. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;

/** Lower-case words joined by underscores: `queue`, `food_safety`. */
const SLUG = /^[a-z][a-z0-9_]{0,63}$/;

export const MAX_CASE_TEXT = 5_000;

export const IsPersonId = () =>
  applyDecorators(
    IsString(),
    Matches(ID, {
      message:
        '$property must be 1–100 letters, digits or . _ : @ - starting with a letter or digit',
    }),
  );

export const IsSlug = () =>
  applyDecorators(
    IsString(),
    Matches(SLUG, { message: '$property must be lower-case words joined by _' }),
  );

/** Words a person writes: not blank, at most `max` characters. */
export const IsCaseText = (max = MAX_CASE_TEXT) =>
  applyDecorators(
    IsString(),
    MaxLength(max),
    Matches(/\S/, { message: '$property must not be blank' }),
  );
