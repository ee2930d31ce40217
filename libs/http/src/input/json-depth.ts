import { ValidationProblem } from '../validation-problem';

/** Deeper than any body the API takes (a batch item is 4 levels), shallow enough that no walk overflows. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Brackets inside strings do not count: the index of the quote that ends the string at `open`. */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/**
 * Whether JSON text nests deeper than `max`, read before it is parsed: one pass, no allocation,
 * stopping at the first level too many. Unbalanced text is left for JSON.parse to refuse.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** Refuses JSON text nested deeper than MAX_JSON_DEPTH, naming `field` (`body`, `items[3]`). */
export function refuseDeepJson(text: string, field: string, where = field): void {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ValidationProblem([
      {
        field,
        rule: 'maxDepth',
        message: `${where} must not nest objects and arrays deeper than ${MAX_JSON_DEPTH} levels`,
      },
    ]);
  }
}
