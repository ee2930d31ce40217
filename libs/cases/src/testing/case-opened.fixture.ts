import { CaseOpened } from '../domain/case.events';

const T0 = '2026-11-20T10:00:00.000Z';

/** An ISO time `hours` after the fixtures' opening time. */
export const hoursAfterOpening = (hours: number): string =>
  new Date(Date.parse(T0) + hours * 3600_000).toISOString();

/** A complaint's case at store S-042, opened at T0 with the 72-hour target; override what a test is about. */
export function caseOpened(data: Partial<CaseOpened['data']> = {}): CaseOpened {
  const caseId = data.caseId ?? 'f-1';
  return {
    type: 'CaseOpened',
    data: {
      caseId,
      feedbackIds: [caseId],
      storeId: 'S-042',
      regionId: 'R-N',
      category: 'queue',
      priority: 'normal',
      customerId: 'C-1',
      channel: 'store',
      kind: 'complaint',
      sla: { targetHours: 72, dueAt: hoursAfterOpening(72) },
      at: T0,
      ...data,
    },
  };
}
