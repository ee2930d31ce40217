import { DataKeyRow, DataKeyTable } from '../keys/data-key-table';

/** The table's contract in memory; the SQLite and PostgreSQL tables run it for real (int spec). */
export class MemoryTable implements DataKeyTable {
  readonly rows = new Map<string, DataKeyRow>();
  queries = 0;
  generationReads = 0;
  private changes = 0;
  async keysOf(owners: readonly string[], create: (owner: string) => DataKeyRow) {
    this.queries++;
    for (const owner of owners)
      if (![...this.rows.values()].some((r) => r.owner === owner)) {
        const row = create(owner);
        this.rows.set(row.keyId, row);
      }
    return [...this.rows.values()].filter((r) => owners.includes(r.owner));
  }
  async find(keyIds: readonly string[]) {
    this.queries++;
    return keyIds.flatMap((id) => this.rows.get(id) ?? []);
  }
  async generation() {
    this.generationReads++;
    return this.changes;
  }
  async deleteOwner(owner: string) {
    const gone = [...this.rows.values()].filter((r) => r.owner === owner);
    gone.forEach((r) => this.rows.delete(r.keyId));
    this.changes++;
    return gone.length;
  }
  async rewrapAll(rewrap: (row: DataKeyRow) => DataKeyRow) {
    for (const row of [...this.rows.values()]) this.rows.set(row.keyId, rewrap(row));
    this.changes++;
    return this.rows.size;
  }
  async masterKeyIds() {
    return [...new Set([...this.rows.values()].map((r) => r.masterKeyId))];
  }
  async compact() {}
  async close() {}
}
