/** Where a page of the newest-first list ends: opaque to clients, stable across inserts. */
export interface ImprovementCursor {
  readonly proposedAt: string;
  readonly improvementId: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const encodeImprovementCursor = (cursor: ImprovementCursor): string =>
  Buffer.from(JSON.stringify([cursor.proposedAt, cursor.improvementId]), 'utf8').toString(
    'base64url',
  );

/** Null for anything this code did not write. */
export function decodeImprovementCursor(text: string): ImprovementCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [proposedAt, improvementId] = value as unknown[];
    if (typeof proposedAt !== 'string' || !ISO.test(proposedAt)) return null;
    if (typeof improvementId !== 'string' || improvementId.length === 0) return null;
    return { proposedAt, improvementId };
  } catch {
    return null;
  }
}
