/**
 * Another process's erasure, for tests: opens the key table named by its arguments, forgets one
 * owner through DataKeyPersonalData as the erasure use case does, and prints how many keys went.
 * `forget-owner.process.ts sqlite <file> <owner>` or `… postgres <url> <schema> <owner>`.
 */
import { DataKeyPersonalData } from '../../personal/data-key-personal-data';
import { DataKeyTable } from '../data-key-table';
import { MasterKey } from '../master-key';
import { PostgresDataKeyTable } from '../postgres-data-key-table';
import { SqliteDataKeyTable } from '../sqlite-data-key-table';

async function open(args: readonly string[]): Promise<{ table: DataKeyTable; owner: string }> {
  const [kind, where, ...rest] = args;
  if (kind === 'sqlite') return { table: new SqliteDataKeyTable(where), owner: rest[0] };
  const table = await PostgresDataKeyTable.open({ connectionString: where, schema: rest[0] });
  return { table, owner: rest[1] };
}

async function main(): Promise<void> {
  const { table, owner } = await open(process.argv.slice(2));
  try {
    // Forgetting needs no master key: it deletes, it unwraps nothing.
    const gone = await new DataKeyPersonalData(table, MasterKey.generate()).forget(owner);
    process.stdout.write(`${gone}\n`);
  } finally {
    await table.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
