/** Ids end up in stream names, URLs and logs: printable, no separators that need escaping. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@|-]{0,199}$/;

/** Lower-case words joined by underscores: `queue`, `staff_helpfulness`. */
export const SLUG_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Digits with the usual separators and an optional leading +; stored as given. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{3,30}$/;

// eslint-disable-next-line no-control-regex
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** The documented limit, counted in characters (an emoji is one), not bytes. */
export const MAX_TEXT_LENGTH = 5_000;
