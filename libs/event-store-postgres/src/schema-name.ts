const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Schema names end up inside SQL text and a NOTIFY channel, so only plain identifiers pass. */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`schema must match ${SCHEMA_NAME} (got ${JSON.stringify(schema)})`);
  }
}

export const notifyChannel = (schema: string): string => `${schema}_appended`;
