import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { StoredRow, StoredTable } from './stored-table';

/**
 * feedback_case_view as a batch leaves it, starting from the stored rows of the batch's cases and
 * taking `apply`'s status writes in log order.
 */
export class FeedbackCaseViewChanges {
  private readonly rows: Map<string, StoredRow>;
  private readonly changed = new Set<string>();
  private readonly versionColumn: string;

  constructor(
    private readonly table: StoredTable<FeedbackCaseViewRow>,
    stored: ReadonlyMap<string, StoredRow>,
  ) {
    this.rows = new Map(stored);
    this.versionColumn = table.column('version');
  }

  /** CaseOpened: inserts if absent, never overwrites. */
  open(row: FeedbackCaseViewRow): void {
    if (this.rows.has(row.caseId)) return;
    this.rows.set(row.caseId, this.table.toStored(row));
    this.changed.add(row.caseId);
  }

  /** Any later status: an update guarded by version, so a replayed older event moves nothing back. */
  move(row: FeedbackCaseViewRow): void {
    const current = this.rows.get(row.caseId);
    if (!current || !(Number(current[this.versionColumn]) < row.version)) return;
    const { table } = this;
    this.rows.set(row.caseId, {
      ...current,
      [table.column('status')]: table.storedValue('status', row.status),
      [this.versionColumn]: table.storedValue('version', row.version),
      [table.column('updatedAt')]: table.storedValue('updatedAt', row.updatedAt),
    });
    this.changed.add(row.caseId);
  }

  /** The rows to write, whole. */
  changedRows(): StoredRow[] {
    return [...this.changed].map((caseId) => this.rows.get(caseId)!);
  }
}
