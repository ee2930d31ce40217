import { Pool } from 'pg';
import { appendFunctionSql } from './append-function';
import { readFunctionSql } from './read-function';
import { assertSchemaName } from './schema-name';

/**
 * Log order is (tx_id, tx_index); see global-horizon.ts for why. `data` is json, not jsonb: json
 * keeps the text as written and accepts every value prepareAppend accepts (jsonb refuses \u0000).
 * A streams row at version 0 is a stream without events.
 */
const tablesSql = (s: string): string => `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.streams (
  stream_id text PRIMARY KEY,
  version bigint NOT NULL,
  last_tx xid8 NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.events (
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  tx_index integer NOT NULL CHECK (tx_index >= 0),
  event_id uuid NOT NULL,
  stream_id text NOT NULL,
  stream_version bigint NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  data json NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  correlation_id text,
  causation_id text,
  actor text,
  CONSTRAINT events_pkey PRIMARY KEY (tx_id, tx_index),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
);`;

/** Creates or updates the store's tables and function; safe to run from many processes at once. */
export async function migrate(pool: Pool, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Concurrent CREATE ... IF NOT EXISTS can still collide in the catalogue; take turns.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`heard_es:${schema}`]);
    await client.query(tablesSql(schema));
    await client.query(appendFunctionSql(schema));
    await client.query(readFunctionSql(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
