import { DataSource, EntityManager } from 'typeorm';

/** Drivers that run every query of a data source on one shared, synchronous connection. */
const SINGLE_CONNECTION = new Set(['better-sqlite3', 'sqlite', 'sqljs']);
const queues = new Map<unknown, Promise<unknown>>();

/** Transactions on the same SQLite file queue together, whichever data source opened it. */
function queueKey(dataSource: DataSource): unknown {
  const database = 'database' in dataSource.options ? dataSource.options.database : undefined;
  return typeof database === 'string' && database !== ':memory:' ? database : dataSource;
}

/**
 * A transaction that is really alone. TypeORM's SQLite drivers share one connection, so two
 * concurrent `dataSource.transaction` calls would nest as savepoints and commit each other's
 * writes. And better-sqlite3 waits for a file lock synchronously, so a second connection in the
 * same process would freeze the thread the lock holder needs to finish. So SQLite transactions
 * of one process queue per file; PostgreSQL gets one pooled connection per transaction.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!SINGLE_CONNECTION.has(dataSource.options.type)) return dataSource.transaction(work);
  const key = queueKey(dataSource);
  const result = (queues.get(key) ?? Promise.resolve()).then(() => dataSource.transaction(work));
  const tail = result.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

/**
 * Work that is one statement, or statements that need not commit together. On PostgreSQL it runs
 * on a pooled connection as it is: a transaction around one statement only adds the round trips
 * of its BEGIN and COMMIT. SQLite's shared connection takes it in its turn among the
 * transactions, since a bare statement would otherwise land in whichever one is open.
 */
export function withoutTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!SINGLE_CONNECTION.has(dataSource.options.type)) return work(dataSource.manager);
  return inTransaction(dataSource, work);
}
