import { PersonalDataPort, REDACTED } from '@heard/customers';
import { StoreView } from '@heard/directory/read-models';
import { feedbackWordsOf, FeedbackViewRow, MAY_HOLD_WORDS } from '@heard/feedback/read-models';
import { DomainError, Scope } from '@heard/kernel';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import {
  containsAnyWord,
  FeedbackCriteria,
  foldForMatch,
  MatchedFeedback,
  MAX_WORD_CANDIDATES,
} from './feedback-criteria';

const PAGE = 5_000;

function narrowed(
  dataSource: DataSource,
  criteria: FeedbackCriteria,
  scope: Scope,
): SelectQueryBuilder<FeedbackViewRow> {
  const query = dataSource.getRepository(FeedbackViewRow).createQueryBuilder('f');
  const stores = criteria.storeIds ?? [];
  const regions = criteria.regions ?? [];
  if (stores.length > 0 || regions.length > 0) {
    const storeTable = dataSource.getMetadata(StoreView).tablePath;
    query.andWhere(
      new Brackets((where) => {
        if (stores.length > 0) where.orWhere('f.storeId IN (:...stores)', { stores: [...stores] });
        if (regions.length > 0)
          where.orWhere(
            `f.store_id IN (SELECT s.store_id FROM ${storeTable} s WHERE s.region_id IN (:...regions))`,
            { regions: [...regions] },
          );
      }),
    );
  }
  // Staff link only what they may see: the feedback of their stores.
  if (scope.kind === 'staff') {
    if (scope.storeIds.length === 0) query.andWhere('1 = 0');
    else query.andWhere('f.storeId IN (:...scopeStores)', { scopeStores: [...scope.storeIds] });
  } else if (scope.kind !== 'everything') query.andWhere('1 = 0');
  const lists = [
    ['category', criteria.categories],
    ['channel', criteria.channels],
    ['kind', criteria.kinds],
  ] as const;
  for (const [column, values] of lists)
    if (values && values.length > 0)
      query.andWhere(`f.${column} IN (:...${column}s)`, { [`${column}s`]: [...values] });
  if (criteria.from !== undefined)
    query.andWhere('f.occurredAt >= :from', { from: new Date(criteria.from).toISOString() });
  if (criteria.to !== undefined)
    query.andWhere('f.occurredAt < :to', { to: new Date(criteria.to).toISOString() });
  return query;
}

/** Keyset pages by feedback id: a match of 100,000 items never sits in one result set. */
async function* pages<T>(
  query: () => SelectQueryBuilder<FeedbackViewRow>,
  columns: string[],
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const page = query().select(columns).orderBy('f.feedbackId', 'ASC').limit(PAGE);
    if (after !== null) page.andWhere('f.feedbackId > :after', { after });
    const rows = (await page.getRawMany()) as (T & { feedbackId: string })[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].feedbackId;
    if (rows.length < PAGE) return;
  }
}

const mayHoldWords = (query: SelectQueryBuilder<FeedbackViewRow>) =>
  query.andWhere(MAY_HOLD_WORDS, { redacted: REDACTED });

interface WordsRow {
  readonly feedbackId: string;
  readonly customerId: string | null;
  readonly text: string | null;
  readonly personalKey: string | null;
  readonly personalSealed: string | null;
}

/**
 * The feedback the criteria describe, from the customer-feedback read model (feedback_view) and
 * the directory's stores for regions. Words are looked for in the words that read model already
 * holds for the customer's own history, sealed ones opened page by page (one key look-up each)
 * and never kept: erasure shreds or redacts them there, matching makes no copy to forget later.
 */
export async function matchFeedback(
  dataSource: DataSource,
  personal: Pick<PersonalDataPort, 'opener'>,
  criteria: FeedbackCriteria,
  scope: Scope,
  maxWordCandidates = MAX_WORD_CANDIDATES,
): Promise<MatchedFeedback[]> {
  const query = () => narrowed(dataSource, criteria, scope);
  const words = (criteria.words ?? []).map(foldForMatch);
  const out: MatchedFeedback[] = [];
  if (words.length === 0) {
    const ids = pages<{ feedbackId: string; customerId: string | null }>(query, [
      'f.feedback_id AS "feedbackId"',
      'f.customer_id AS "customerId"',
    ]);
    for await (const rows of ids)
      for (const row of rows) out.push({ feedbackId: row.feedbackId, customerId: row.customerId });
    return out;
  }
  const candidates = await mayHoldWords(query()).getCount();
  if (candidates > maxWordCandidates)
    throw new DomainError(
      'improvement.criteria_too_broad',
      `words are looked for in at most ${maxWordCandidates.toLocaleString('en')} items and ` +
        `the other criteria leave ${candidates.toLocaleString('en')}: narrow them by store, region, category, channel, kind or period`,
      'invalid',
      'words',
    );
  const texts = pages<WordsRow>(
    () => mayHoldWords(query()),
    [
      'f.feedback_id AS "feedbackId"',
      'f.customer_id AS "customerId"',
      'f.text AS "text"',
      'f.personal_key AS "personalKey"',
      'f.personal_sealed AS "personalSealed"',
    ],
  );
  for await (const rows of texts) {
    const opened = await feedbackWordsOf(rows, personal, { inThread: true });
    rows.forEach((row, i) => {
      const text = opened[i];
      if (text !== null && text !== REDACTED && containsAnyWord(text, words))
        out.push({ feedbackId: row.feedbackId, customerId: row.customerId });
    });
  }
  return out;
}
