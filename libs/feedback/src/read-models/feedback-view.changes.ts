import { FeedbackViewRow } from './feedback-view.entity';
import { StoredRow, StoredTable } from './stored-table';

/**
 * feedback_view as a batch leaves it: starts from the stored rows the batch touches and takes each
 * write of `apply` in log order, so the result is what `apply` on each event would leave.
 */
export class FeedbackViewChanges {
  private readonly rows: Map<string, StoredRow>;
  private readonly changed = new Set<string>();
  private readonly caseIdColumn: string;

  constructor(
    private readonly table: StoredTable<FeedbackViewRow>,
    stored: ReadonlyMap<string, StoredRow>,
  ) {
    this.rows = new Map(stored);
    this.caseIdColumn = table.column('caseId');
  }

  /** FeedbackReceived: inserts if absent, never overwrites. */
  receive(row: FeedbackViewRow): void {
    if (this.rows.has(row.feedbackId)) return;
    this.rows.set(row.feedbackId, this.table.toStored(row));
    this.changed.add(row.feedbackId);
  }

  /** FeedbackTriaged and FeedbackLinkedToCase: an update, which finds no row before it is received. */
  set(feedbackId: string, property: 'category' | 'caseId', value: string): void {
    const row = this.rows.get(feedbackId);
    if (!row) return;
    const column = this.table.column(property);
    const stored = this.table.storedValue(property, value);
    if (row[column] === stored) return;
    this.rows.set(feedbackId, { ...row, [column]: stored });
    this.changed.add(feedbackId);
  }

  /** The case side only fills a link the feedback has not made itself. */
  linkMissing(feedbackIds: readonly string[], caseId: string): void {
    for (const feedbackId of feedbackIds)
      if (this.rows.get(feedbackId)?.[this.caseIdColumn] === null)
        this.set(feedbackId, 'caseId', caseId);
  }

  /** The rows to write, whole. */
  changedRows(): StoredRow[] {
    return [...this.changed].map((feedbackId) => this.rows.get(feedbackId)!);
  }
}
