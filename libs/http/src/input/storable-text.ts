/**
 * C0 controls other than tab, LF and CR (PostgreSQL text refuses NUL; none belongs in words), and
 * UTF-16 surrogates without their pair (no UTF-8 encoding exists for them).
 */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (char: string) =>
  `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why no store can hold `text`, or null; the message names the character, never the text. */
export function unstorableCharacter(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (found === null) return null;
  const char = found[0];
  const code = char.charCodeAt(0);
  return code >= 0xd800
    ? `a lone UTF-16 surrogate (${codePoint(char)}), which is not valid Unicode`
    : `the control character ${codePoint(char)}`;
}
