import { PersonalDataPort, REDACTED, SealedBlock } from '@heard/customers';
import { PersonalData } from '../domain/feedback.types';
import { FeedbackViewRow } from './feedback-view.entity';

export type FeedbackWordsRow = Pick<FeedbackViewRow, 'text' | 'personalKey' | 'personalSealed'>;

const blockOf = (row: FeedbackWordsRow): SealedBlock | null =>
  row.personalKey !== null && row.personalSealed !== null
    ? { key: row.personalKey, sealed: row.personalSealed }
    : null;

/**
 * The words of each row, in order: plain ones as stored, sealed ones opened with one key look-up
 * for all of them, and the redaction where the key is gone.
 */
export async function feedbackWordsOf(
  rows: readonly FeedbackWordsRow[],
  personal: Pick<PersonalDataPort, 'opener'>,
): Promise<(string | null)[]> {
  const blocks = rows.map(blockOf);
  const sealed = blocks.filter((b): b is SealedBlock => b !== null);
  const open = sealed.length > 0 ? await personal.opener(sealed) : null;
  return rows.map((row, i) => {
    const block = blocks[i];
    if (block === null || open === null) return row.text;
    const opened = open(block) as PersonalData | null;
    return opened === null ? REDACTED : (opened.text ?? null);
  });
}
