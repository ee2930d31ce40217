import { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** What the adapter needs of a pool or a client: one query at a time. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}
