import { CaseCursor, decodeCaseCursor } from '@heard/cases/subscriptions';
import { ValidationProblem } from '@heard/http';

/** A cursor this API did not hand out is bad input, named, not an empty page. */
export function caseCursorOf(text: string | undefined): CaseCursor | null {
  if (text === undefined) return null;
  const cursor = decodeCaseCursor(text);
  if (cursor === null) {
    throw new ValidationProblem([
      { field: 'cursor', rule: 'cursor', message: 'cursor must be a nextCursor this API returned' },
    ]);
  }
  return cursor;
}
