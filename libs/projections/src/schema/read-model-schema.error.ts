/** A read-model table older than its entity: rebuilding the projection recreates it. */
export class ReadModelSchemaError extends Error {
  readonly code = 'projections.read_model_schema_outdated';

  constructor(
    readonly table: string,
    readonly missingColumns: readonly string[],
    readonly projection?: string,
  ) {
    super(
      `read-model table ${table} lacks column(s) ${missingColumns.join(', ')} that its entity ` +
        `declares; rebuild it: npm run projections:rebuild -- ${projection ?? '<projection>'}`,
    );
    this.name = 'ReadModelSchemaError';
  }
}
