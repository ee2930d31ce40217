import { ValueTransformer } from 'typeorm';

/**
 * Positions are bigints; pg returns bigint columns as strings and better-sqlite3 as numbers.
 * Written as a decimal string so no driver rounds it through a double on the way in.
 */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value == null ? value : value.toString()),
  from: (value: string | number | null) => (value === null ? null : BigInt(value)),
};
