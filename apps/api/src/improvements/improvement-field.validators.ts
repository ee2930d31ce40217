import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Ids end up in stream names, URLs and logs: the directory's id rule. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;

/** Lower-case words joined by underscores: `queue`, `food_safety`. */
const SLUG = /^[a-z][a-z0-9_]{0,63}$/;

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 5_000;
export const MAX_MESSAGE = 2_000;

const ID_MESSAGE =
  '$property must be 1–100 letters, digits or . _ : @ - starting with a letter or digit';

/** One id (a query parameter given twice is a list, and refused). */
export const IsImprovementId = () =>
  applyDecorators(IsString(), Matches(ID, { message: ID_MESSAGE }));

/** Every item of a list is an id. */
export const AreIds = () =>
  applyDecorators(IsString({ each: true }), Matches(ID, { each: true, message: ID_MESSAGE }));

export const IsCategory = () =>
  applyDecorators(
    IsString({ each: true }),
    Matches(SLUG, { each: true, message: '$property must be lower-case words joined by _' }),
  );

/** Words staff write for others to read: not blank, at most `max` characters. */
export const IsStaffText = (max: number) =>
  applyDecorators(
    IsString(),
    MaxLength(max),
    Matches(/\S/, { message: '$property must not be blank' }),
  );
