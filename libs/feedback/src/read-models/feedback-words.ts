import { PersonalDataPort, REDACTED, SealedBlock } from '@heard/customers';
import { PersonalData } from '../domain/feedback.types';
import { FeedbackViewRow } from './feedback-view.entity';

/**
 * SQL for a feedback_view row that may hold words: sealed ones, and plain ones not redacted. Binds
 * `:redacted` (REDACTED); the columns are unqualified, for queries on that table alone.
 */
export const MAY_HOLD_WORDS =
  '(personal_sealed IS NOT NULL OR (text IS NOT NULL AND text <> :redacted))';

export type FeedbackWordsRow = Pick<FeedbackViewRow, 'text' | 'personalKey' | 'personalSealed'>;

const blockOf = (row: FeedbackWordsRow): SealedBlock | null =>
  row.personalKey !== null && row.personalSealed !== null
    ? { key: row.personalKey, sealed: row.personalSealed }
    : null;

/**
 * The words of each row, in order: plain ones as stored, sealed ones opened with one key look-up
 * for all of them, and the redaction where the key is gone. `inThread`: every row is read now,
 * so a page large enough is decrypted by the sealing store's opener thread while this one waits.
 */
export async function feedbackWordsOf(
  rows: readonly FeedbackWordsRow[],
  personal: Pick<PersonalDataPort, 'opener'>,
  options: { readonly inThread?: boolean } = {},
): Promise<(string | null)[]> {
  const blocks = rows.map(blockOf);
  const sealed = blocks.filter((b): b is SealedBlock => b !== null);
  const open =
    sealed.length > 0 ? await personal.opener(sealed, { ahead: options.inThread === true }) : null;
  return rows.map((row, i) => {
    const block = blocks[i];
    if (block === null || open === null) return row.text;
    const opened = open(block) as PersonalData | null;
    return opened === null ? REDACTED : (opened.text ?? null);
  });
}
