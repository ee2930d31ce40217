import { RecordedEvent } from '@heard/event-store';
import { CaseRecategorized } from '../../domain/case.events';
import { CaseMergeKeys } from '../merge-keys/case-merge-keys.table';

/** Case events that change whether, or for which category, a case absorbs new feedback. */
export const LIFECYCLE_EVENTS: ReadonlySet<string> = new Set([
  'CaseResolved',
  'CaseClosed',
  'CaseReopened',
  'CaseRecategorized',
]);

/**
 * Keeps the merge keys in step with the cases. The reactor sees these in log order with the
 * feedback, so each decision reads exactly the cases that were open at that point of the log.
 */
export async function followCaseLifecycle(
  mergeKeys: CaseMergeKeys,
  event: RecordedEvent,
): Promise<void> {
  if (!event.streamId.startsWith('case-')) return;
  const caseId = event.streamId.slice('case-'.length);
  switch (event.type) {
    case 'CaseResolved':
    case 'CaseClosed':
      return mergeKeys.markOpen(caseId, false);
    case 'CaseReopened':
      return mergeKeys.markOpen(caseId, true);
    case 'CaseRecategorized':
      return mergeKeys.recategorize(caseId, (event.data as CaseRecategorized['data']).to);
  }
}
