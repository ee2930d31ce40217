import { FieldProblem } from '../problem-details';
import { ValidationProblem } from '../validation-problem';

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

const join = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

function problem(field: string, rule: string, message: string): FieldProblem {
  return { field, rule, message };
}

/**
 * The first string, key or prototype-setting key in a parsed value that must not be stored, with
 * its path as the validation errors name fields (`customer.name`, `items[3].text`). Iterative, so
 * the depth is bounded by the parser, not by the stack.
 */
export function findUnstorableText(
  value: unknown,
  root: string,
  rootName = 'body',
): FieldProblem | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    const field = path === '' ? rootName : path;
    if (typeof current === 'string') {
      const reason = unstorableCharacter(current);
      if (reason !== null)
        return problem(field, 'storableText', `${field} must not contain ${reason}`);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}[${i}]`]);
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const child = join(path, key);
        const reason = unstorableCharacter(key);
        if (reason !== null)
          return problem(field, 'storableText', `a property name in ${field} contains ${reason}`);
        // Copied onto a class instance, these would replace its prototype or its constructor.
        if (key === '__proto__' || key === 'constructor')
          return problem(child, 'forbiddenProperty', `property ${key} is not allowed`);
        stack.push([(current as Record<string, unknown>)[key], child]);
      }
    }
  }
  return null;
}

/** Throws the 400 for the first unstorable string in `value`. */
export function refuseUnstorableText(value: unknown, root: string, rootName = 'body'): void {
  const found = findUnstorableText(value, root, rootName);
  if (found !== null) throw new ValidationProblem([found]);
}
