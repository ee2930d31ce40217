/** Where a page of the deadline-ordered list ends: opaque to clients, stable across inserts. */
export interface CaseCursor {
  readonly dueAt: string;
  readonly caseId: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const encodeCaseCursor = (cursor: CaseCursor): string =>
  Buffer.from(JSON.stringify([cursor.dueAt, cursor.caseId]), 'utf8').toString('base64url');

/** Null for anything this code did not write. */
export function decodeCaseCursor(text: string): CaseCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [dueAt, caseId] = value as unknown[];
    if (typeof dueAt !== 'string' || !ISO.test(dueAt)) return null;
    if (typeof caseId !== 'string' || caseId.length === 0) return null;
    return { dueAt, caseId };
  } catch {
    return null;
  }
}
