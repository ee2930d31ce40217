import { ValueTransformer } from 'typeorm';

/** Durations in ms past 2^31 (25 days) need bigint, which pg returns as a string. */
export const msTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
