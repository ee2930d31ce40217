import { PayloadTooLargeException } from '@nestjs/common';
import { FieldProblem } from '../problem-details';
import { ValidationProblem } from '../validation-problem';
import { unstorableCharacter } from './storable-text';

/**
 * No request object has more than about 20 fields; class-transformer's cost grows with the square
 * of an object's width, so a 1 MiB object of 90,000 keys took it over 30 seconds.
 */
export const MAX_PROPERTIES = 100;

/** The longest list the API takes is a batch of 10,000 items; a longer one is 413, as a batch is. */
export const MAX_ARRAY_LENGTH = 10_000;

const join = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

const problem = (field: string, rule: string, message: string): FieldProblem => ({
  field,
  rule,
  message,
});

function objectProblem(object: object, field: string, path: string): FieldProblem | null {
  const keys = Object.keys(object);
  if (keys.length > MAX_PROPERTIES)
    return problem(
      field,
      'maxProperties',
      `${field} must not have more than ${MAX_PROPERTIES} properties`,
    );
  for (const key of keys) {
    const reason = unstorableCharacter(key);
    if (reason !== null)
      return problem(field, 'storableText', `a property name in ${field} contains ${reason}`);
    // Copied onto a class instance, these would replace its prototype or its constructor.
    if (key === '__proto__' || key === 'constructor')
      return problem(join(path, key), 'forbiddenProperty', `property ${key} is not allowed`);
  }
  return null;
}

/** `field` is a function so that a path is only built for a string that fails. */
const stringProblem = (text: string, field: () => string): FieldProblem | null => {
  const reason = unstorableCharacter(text);
  if (reason === null) return null;
  const name = field();
  return problem(name, 'storableText', `${name} must not contain ${reason}`);
};

/**
 * The first thing in a parsed value that must not go further, with its path as validation errors
 * name fields (`customer.name`, `items[3].text`): a string no store can hold, a key that would set
 * a prototype, an object or a list wider than any request has. Iterative, so the stack is safe
 * whatever the depth; only objects and arrays are stacked, and a path is built only for them.
 */
export function findValueProblem(
  value: unknown,
  root: string,
  rootName = 'body',
): FieldProblem | null {
  if (typeof value === 'string') return stringProblem(value, () => (root === '' ? rootName : root));
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    const field = path === '' ? rootName : path;
    if (Array.isArray(current)) {
      if (current.length > MAX_ARRAY_LENGTH)
        return problem(
          field,
          'maxItems',
          `${field} must not have more than ${MAX_ARRAY_LENGTH.toLocaleString('en')} items`,
        );
      for (let i = current.length - 1; i >= 0; i--) {
        const item: unknown = current[i];
        if (typeof item === 'string') {
          const found = stringProblem(item, () => `${path}[${i}]`);
          if (found !== null) return found;
        } else if (typeof item === 'object' && item !== null) stack.push([item, `${path}[${i}]`]);
      }
    } else if (typeof current === 'object' && current !== null) {
      const found = objectProblem(current, field, path);
      if (found !== null) return found;
      for (const [key, item] of Object.entries(current)) {
        if (typeof item === 'string') {
          const problemOfItem = stringProblem(item, () => join(path, key));
          if (problemOfItem !== null) return problemOfItem;
        } else if (typeof item === 'object' && item !== null) stack.push([item, join(path, key)]);
      }
    }
  }
  return null;
}

/** Throws the 400 (413 for a list too long) for the first problem `findValueProblem` finds. */
export function refuseValueProblem(value: unknown, root: string, rootName = 'body'): void {
  const found = findValueProblem(value, root, rootName);
  if (found === null) return;
  if (found.rule === 'maxItems') throw new PayloadTooLargeException(found.message);
  throw new ValidationProblem([found]);
}
