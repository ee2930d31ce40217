/** Where a page ended: the last row's receipt time and id, the list's sort key. */
export interface FeedbackCursor {
  readonly receivedAt: string;
  readonly feedbackId: string;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to clients, so the sort key may change without breaking them. */
export const encodeCursor = (cursor: FeedbackCursor): string =>
  Buffer.from(JSON.stringify([cursor.receivedAt, cursor.feedbackId])).toString('base64url');

export function decodeCursor(text: string): FeedbackCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    !ISO.test(parsed[0]) ||
    typeof parsed[1] !== 'string' ||
    parsed[1].length > 36
  ) {
    throw new InvalidCursorError();
  }
  return { receivedAt: parsed[0], feedbackId: parsed[1] };
}
