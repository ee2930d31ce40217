import { notifyChannel } from './schema-name';

/** Status codes the append function returns per append. */
export const WRITTEN = 0;
export const CONFLICT = 1;
/** The stream was last written by a transaction younger than this one: retry in a new one. */
export const OUT_OF_ORDER = 2;

/**
 * One call appends a whole group in the caller's transaction: it locks every stream row of the
 * group in sorted order (no deadlocks between groups), checks each append's expected version
 * in call order (so two appends to one stream apply in order and a refused one writes nothing),
 * inserts the accepted events in one statement and NOTIFYs. Refused appends do not fail the
 * rest. Each written stream's row is updated by its key as the loop leaves it: one UPDATE joined
 * to the whole group was planned as a hash join over a scan of every stream, so each group cost
 * more the more streams the store held. An event's index in the transaction is its place in the call, so a refused append leaves a gap
 * (the port allows gaps) and nothing has to be sorted or numbered. Times are epoch milliseconds.
 *
 * Expected versions arrive as numbers: n >= 0 exact (0 never matches, as in the port),
 * -1 any, -2 no_stream, -3 stream_exists. Per-stream order in the log needs the stream's events
 * to come from increasing tx ids, hence OUT_OF_ORDER when last_tx is newer than ours.
 */
export const appendFunctionSql = (s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.append_batches(
  p_stream_ids text[], p_expected bigint[], p_counts integer[], p_firsts integer[],
  p_recorded_at float8[], p_event_appends integer[], p_event_ids uuid[], p_types text[],
  p_schema_versions integer[], p_data text[], p_occurred_at float8[], p_correlation_ids text[],
  p_causation_ids text[], p_actors text[]
) RETURNS TABLE (o_tx_id text, o_base_index integer, o_statuses smallint[], o_versions bigint[])
LANGUAGE plpgsql AS $fn$
DECLARE
  v_tx xid8 := pg_current_xact_id();
  v_n integer := cardinality(p_stream_ids);
  v_statuses smallint[] := array_fill(${CONFLICT}::smallint, ARRAY[v_n]);
  v_versions bigint[] := array_fill(0::bigint, ARRAY[v_n]);
  v_from bigint[] := array_fill(0::bigint, ARRAY[v_n]);
  v_base integer := 0;
  v_written boolean := false;
  v_stream_written boolean := false;
  v_stream text;
  v_version bigint;
  v_in_order boolean;
  r record;
BEGIN
  FOR r IN
    WITH locked AS (
      INSERT INTO ${s}.streams AS st (stream_id, version, last_tx)
      SELECT ids.id, 0, '0' FROM (SELECT DISTINCT unnest(p_stream_ids) AS id) ids ORDER BY ids.id
      ON CONFLICT (stream_id) DO UPDATE SET version = st.version
      RETURNING st.stream_id, st.version, st.last_tx
    )
    SELECT a.ord::integer AS ord, a.expected, a.cnt, l.stream_id, l.version, l.last_tx
    FROM unnest(p_stream_ids, p_expected, p_counts) WITH ORDINALITY AS a(stream_id, expected, cnt, ord)
    JOIN locked l ON l.stream_id = a.stream_id
    ORDER BY l.stream_id, a.ord
  LOOP
    IF v_stream IS DISTINCT FROM r.stream_id THEN
      IF v_stream_written THEN
        UPDATE ${s}.streams SET version = v_version, last_tx = v_tx WHERE stream_id = v_stream;
      END IF;
      v_stream := r.stream_id;
      v_version := r.version;
      v_in_order := r.last_tx <= v_tx;
      v_stream_written := false;
    END IF;
    IF NOT v_in_order THEN
      v_statuses[r.ord] := ${OUT_OF_ORDER};
    ELSIF r.expected = -1 OR (r.expected = -2 AND v_version = 0)
       OR (r.expected = -3 AND v_version > 0) OR (r.expected > 0 AND r.expected = v_version) THEN
      v_statuses[r.ord] := ${WRITTEN};
      v_from[r.ord] := v_version;
      v_version := v_version + r.cnt;
      v_written := true;
      v_stream_written := true;
    END IF;
    v_versions[r.ord] := v_version;
  END LOOP;
  IF v_stream_written THEN
    UPDATE ${s}.streams SET version = v_version, last_tx = v_tx WHERE stream_id = v_stream;
  END IF;

  IF v_written THEN
    SELECT COALESCE(max(e.tx_index) + 1, 0) INTO v_base FROM ${s}.events e WHERE e.tx_id = v_tx;
    INSERT INTO ${s}.events (tx_id, tx_index, event_id, stream_id, stream_version, type,
      schema_version, data, occurred_at, recorded_at, correlation_id, causation_id, actor)
    SELECT v_tx, v_base + e.n::integer - 1, e.event_id, p_stream_ids[e.a],
      v_from[e.a] + e.n - p_firsts[e.a], e.type, e.schema_version, e.data::json,
      to_timestamp(e.occurred_at / 1000), to_timestamp(p_recorded_at[e.a] / 1000),
      e.correlation_id, e.causation_id, e.actor
    FROM unnest(p_event_appends, p_event_ids, p_types, p_schema_versions, p_data, p_occurred_at,
      p_correlation_ids, p_causation_ids, p_actors)
      WITH ORDINALITY AS e(a, event_id, type, schema_version, data, occurred_at, correlation_id,
        causation_id, actor, n)
    WHERE v_statuses[e.a] = ${WRITTEN};
    PERFORM pg_notify('${notifyChannel(s)}', '');
  END IF;
  IF ${WRITTEN} <> ANY(v_statuses) THEN
    -- Refused appends to missing streams leave version-0 rows from the locking insert.
    DELETE FROM ${s}.streams st WHERE st.stream_id = ANY(p_stream_ids) AND st.version = 0;
  END IF;
  RETURN QUERY SELECT v_tx::text, v_base, v_statuses, v_versions;
END
$fn$;`;
