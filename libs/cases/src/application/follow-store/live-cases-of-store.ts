import { NotYetError, readCheckpoint } from '@heard/projections';
import { DataSource, In } from 'typeorm';
import { CaseStatus } from '../../domain/case.types';
import { CaseView } from '../../read-models/case-view/case-view.entity';
import { caseViewProjection } from '../../read-models/case-view/case-view.projection';

/** Statuses in which a case can still be worked, and so follows its store. */
const FOLLOWING: readonly CaseStatus[] = ['open', 'awaiting_customer', 'resolved'];

/** case_view has not yet applied the log up to a position: the reactor retries the event later. */
export class CaseViewBehindError extends NotYetError {
  constructor(
    readonly position: bigint,
    readonly checkpoint: bigint | null,
  ) {
    super(
      `case-view is at ${checkpoint ?? 'no checkpoint'}, not yet at ${position}: ` +
        'the cases of the store are not all known, so the store change waits for it',
    );
  }
}

/**
 * The store's cases that are not closed, as case_view knows them once it has applied the log up
 * to `position`: then no case opened before the store change is missing. Cases opened after it
 * may be listed too; they were routed with the new facts and the change leaves them as they are.
 */
export async function liveCasesOfStore(
  dataSource: DataSource,
  storeId: string,
  position: bigint,
): Promise<string[]> {
  const checkpoint = await readCheckpoint(dataSource.manager, caseViewProjection.name);
  if (checkpoint === null || checkpoint < position) {
    throw new CaseViewBehindError(position, checkpoint);
  }
  const rows = await dataSource.getRepository(CaseView).find({
    select: { caseId: true },
    where: { storeId, status: In([...FOLLOWING]) },
    order: { caseId: 'ASC' },
  });
  return rows.map((row) => row.caseId);
}
