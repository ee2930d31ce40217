/** A quote short enough for a notice: whitespace folded, cut at a word, marked when cut. */
export const QUOTE_CHARS = 140;

export function excerpt(text: string, max = QUOTE_CHARS): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
