import { ValidationProblem } from '@heard/http';
import { decodeNoticeCursor, NoticeCursor } from '@heard/loop/subscriptions';

/** A cursor this API did not hand out is bad input, named, not an empty page. */
export function noticeCursorOf(text: string | undefined): NoticeCursor | null {
  if (text === undefined) return null;
  const cursor = decodeNoticeCursor(text);
  if (cursor === null)
    throw new ValidationProblem([
      { field: 'cursor', rule: 'cursor', message: 'cursor must be a nextCursor this API returned' },
    ]);
  return cursor;
}
