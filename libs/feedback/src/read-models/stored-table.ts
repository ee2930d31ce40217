import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** A row as the driver stores it: column database names to stored values. */
export type StoredRow = Readonly<Record<string, unknown>>;

/**
 * How a driver reads one JSON array parameter as a set. A single parameter keeps each statement's
 * text the same whatever the batch size, so better-sqlite3 reuses its prepared statement, nothing
 * is rebuilt per batch, and no batch comes near a driver's limit on bound parameters.
 */
interface Dialect {
  /** `column` is one of the JSON array of keys in the statement's only parameter. */
  keyIn(column: string): string;
  /** A SELECT (without WHERE) of the JSON array of rows in the statement's only parameter. */
  rows(table: string, columns: readonly string[], escape: (name: string) => string): string;
}

const DIALECTS: Readonly<Record<string, Dialect>> = {
  'better-sqlite3': {
    keyIn: (column) => `${column} IN (SELECT value FROM json_each(?))`,
    rows: (_table, columns) =>
      `SELECT ${columns.map((c) => `json_extract(value, '$."${c}"')`).join(', ')} FROM json_each(?)`,
  },
  postgres: {
    // An array, not a semi-join: PostgreSQL guesses a set-returning function at 100 rows and, on
    // tables not yet analysed, joins them to a scan of the whole table instead of the key index.
    keyIn: (column) => `${column} = ANY(ARRAY(SELECT json_array_elements_text($1::json)))`,
    // The table's own row type gives every value its column's type, as a bound parameter would.
    rows: (table, columns, escape) =>
      `SELECT ${columns.map(escape).join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)`,
  },
};

interface Statements {
  readonly find: string;
  readonly insertMissing: string;
  readonly upsert: string;
}

const statementCache = new WeakMap<EntityMetadata, Statements>();

function statementsFor(manager: EntityManager, metadata: EntityMetadata, key: string): Statements {
  const cached = statementCache.get(metadata);
  if (cached) return cached;
  const dialect = DIALECTS[manager.connection.options.type];
  const escape = (name: string) => manager.connection.driver.escape(name);
  const table = metadata.tablePath.split('.').map(escape).join('.');
  const names = metadata.columns.map((c) => c.databaseName);
  const columns = names.map(escape).join(', ');
  const rows = `${dialect.rows(table, names, escape)} WHERE true`;
  const into = `INSERT INTO ${table} (${columns}) ${rows} ON CONFLICT (${escape(key)})`;
  const others = names.filter((n) => n !== key).map(escape);
  const statements: Statements = {
    find: `SELECT ${columns} FROM ${table} WHERE ${dialect.keyIn(escape(key))}`,
    insertMissing: `${into} DO NOTHING`,
    upsert: `${into} DO UPDATE SET ${others.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  };
  statementCache.set(metadata, statements);
  return statements;
}

/**
 * One entity's table read and written a whole batch at a time, in SQL written once per data
 * source from the entity's metadata: no query builder runs per batch, and a renamed column or
 * table follows the entity.
 */
export class StoredTable<T extends ObjectLiteral> {
  private constructor(
    private readonly manager: EntityManager,
    private readonly metadata: EntityMetadata,
    /** The primary key's database name. */
    readonly key: string,
  ) {}

  /** Null when the driver has no set-based statements here; the caller writes row by row. */
  static of<T extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<T>,
  ): StoredTable<T> | null {
    if (!Object.hasOwn(DIALECTS, manager.connection.options.type)) return null;
    const metadata = manager.connection.getMetadata(target);
    if (metadata.primaryColumns.length !== 1)
      throw new Error(`${metadata.tableName}: batched writes need a single-column primary key`);
    return new StoredTable<T>(manager, metadata, metadata.primaryColumns[0].databaseName);
  }

  /** The database name of an entity property, so rows are addressed the way the entity names them. */
  column(property: keyof T & string): string {
    return this.columnOf(property).databaseName;
  }

  /** A value as the driver would store it in the property's column (transformer applied). */
  storedValue<K extends keyof T & string>(property: K, value: T[K]): unknown {
    return this.toDriver(this.columnOf(property), value);
  }

  /** An entity as the driver would store it, as an insert through TypeORM would. */
  toStored(entity: T): StoredRow {
    const row: Record<string, unknown> = {};
    for (const column of this.metadata.columns)
      row[column.databaseName] = this.toDriver(column, column.getEntityValue(entity));
    return row;
  }

  /** The stored rows with these keys, by key. */
  async find(keys: Iterable<string>): Promise<Map<string, StoredRow>> {
    const wanted = [...keys];
    const found = new Map<string, StoredRow>();
    if (wanted.length === 0) return found;
    const rows: StoredRow[] = await this.manager.query(this.statements().find, [
      JSON.stringify(wanted),
    ]);
    for (const row of rows) found.set(String(row[this.key]), row);
    return found;
  }

  /** Inserts the rows whose key is not stored yet and leaves stored ones as they are. */
  async insertMissing(rows: readonly StoredRow[]): Promise<void> {
    if (rows.length > 0)
      await this.manager.query(this.statements().insertMissing, [JSON.stringify(rows)]);
  }

  /** Writes the rows whole, inserting or replacing by key. Keys must be distinct. */
  async upsert(rows: readonly StoredRow[]): Promise<void> {
    if (rows.length > 0) await this.manager.query(this.statements().upsert, [JSON.stringify(rows)]);
  }

  private statements(): Statements {
    return statementsFor(this.manager, this.metadata, this.key);
  }

  private columnOf(property: string): ColumnMetadata {
    const column = this.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.metadata.tableName} has no column for ${property}`);
    return column;
  }

  /** Undefined becomes null: JSON would drop the key, and a missing value is stored as NULL. */
  private toDriver(column: ColumnMetadata, value: unknown): unknown {
    return this.manager.connection.driver.preparePersistentValue(value, column) ?? null;
  }
}
