import Database from 'better-sqlite3';
import { Client } from 'pg';

/** Which of these cases already have an owner in case_view: the rows GET /v1/me/assignments serves. */
export interface ReadModelProbe {
  assigned(caseIds: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

export function sqliteProbe(file: string): ReadModelProbe {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    assigned: async (ids) => {
      if (ids.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT case_id AS id FROM case_view WHERE owner_id IS NOT NULL AND case_id IN (${ids.map(() => '?').join(',')})`,
        )
        .all(...ids) as { id: string }[];
      return rows.map((r) => r.id);
    },
    close: async () => {
      db.close();
    },
  };
}

export async function postgresProbe(url: string): Promise<ReadModelProbe> {
  const client = new Client({ connectionString: url, application_name: 'bench-probe' });
  await client.connect();
  return {
    assigned: async (ids) => {
      if (ids.length === 0) return [];
      const result = await client.query<{ id: string }>(
        'SELECT case_id AS id FROM case_view WHERE owner_id IS NOT NULL AND case_id = ANY($1)',
        [ids],
      );
      return result.rows.map((r) => r.id);
    },
    close: () => client.end(),
  };
}
