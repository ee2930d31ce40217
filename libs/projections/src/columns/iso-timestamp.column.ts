import { Column, ValueTransformer } from 'typeorm';

/** `2026-01-01T00:00:00.000Z`: fixed width, so text order is time order. */
const ISO_LENGTH = 24;

const isoTimestamp: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.toISOString()),
  from: (value: string | null) => (value === null ? null : new Date(value)),
};

/**
 * A point in time stored as ISO-8601 UTC text. Native types differ by driver (SQLite has no
 * timestamptz, and pg reads `timestamp` in the process's local zone), so text is the one column
 * type that reads back the same instant on every driver, in every time zone.
 */
export function IsoTimestampColumn(options: { name?: string; nullable?: boolean } = {}) {
  return Column({ ...options, type: 'varchar', length: ISO_LENGTH, transformer: isoTimestamp });
}
