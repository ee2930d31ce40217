import { eventJson } from './event-row';

/**
 * One page of the global log below the horizon (global-horizon.ts says why), plus the horizon
 * and the newest committed transaction held back above it. STABLE: the rows and the horizon come
 * from the caller's one snapshot. enable_sort is off because a page must walk the primary key in
 * order: on a table loaded faster than it was analysed the planner otherwise sorts whole ranges.
 */
export const readFunctionSql = (s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.read_log(p_after_tx xid8, p_after_index bigint, p_limit integer)
RETURNS TABLE (horizon text, held_back text, event text)
LANGUAGE sql STABLE SET enable_sort = off AS $fn$
  WITH h AS MATERIALIZED (
    SELECT x.horizon, (SELECT m.tx_id FROM ${s}.events m WHERE m.tx_id >= x.horizon
                       ORDER BY m.tx_id DESC LIMIT 1) AS held_back
    FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) x)
  SELECT h.horizon::text, h.held_back::text, page.event
  FROM h LEFT JOIN LATERAL (
    SELECT ${eventJson('e')} AS event
    FROM ${s}.events e
    WHERE (e.tx_id, e.tx_index) > (p_after_tx, p_after_index) AND e.tx_id < h.horizon
    ORDER BY e.tx_id, e.tx_index LIMIT p_limit) page ON true
$fn$;`;
