import { ValidationProblem } from '../validation-problem';
import { refuseDeepJson } from './json-depth';
import { refuseValueProblem } from './value-problem';

/** JSON.parse's own words, which say where the text broke, without echoing the text around it. */
export const jsonErrorReason = (error: unknown): string =>
  error instanceof Error ? error.message.replace(/, "[\s\S]*$/, '') : String(error);

/**
 * A JSON request body as both HTTP adapters parse it: refused before parsing when nested deeper
 * than MAX_JSON_DEPTH, and after it when a string no store can hold is in it. An empty body is no
 * body. Each refusal is a 400 naming the field and the rule.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  refuseDeepJson(text, 'body', 'the request body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationProblem([
      {
        field: 'body',
        rule: 'json',
        message: `the request body is not valid JSON: ${jsonErrorReason(error)}`,
      },
    ]);
  }
  refuseValueProblem(value, '');
  return value;
}
