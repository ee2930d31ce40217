import type { Json, Upcaster } from '@heard/event-store';
import { Opener } from './personal-data.port';
import { SealedBlock } from './sealed-block';

/** What one event holds that is personal, and whose key seals it. */
export interface PersonalPart {
  readonly owner: string;
  readonly value: Json;
  /** The data as stored, the block in place of the personal fields. */
  store(block: SealedBlock): unknown;
}

/**
 * How one event type keeps its personal fields sealed: the context that owns the event says which
 * fields and whose key; the customers context seals and opens (see with-personal-data.ts).
 */
export interface PersonalFields {
  readonly type: string;
  /** The schema version written with a sealed block; older ones hold plain text. */
  readonly sealedVersion: number;
  /** Older plain versions to `sealedVersion` (their personal fields stay plain). */
  readonly upcasters: readonly Upcaster[];
  /** Null when this event has nothing personal to seal. */
  personalOf(data: unknown): PersonalPart | null;
  /** The sealed block of data at `sealedVersion`, or null when it holds plain text. */
  blockOf(data: unknown): SealedBlock | null;
  /** The data as its readers know it: opened, or redacted when `open` answers null. */
  opened(data: unknown, open: Opener): unknown;
  /**
   * Set when `opened` replaces these properties and no other, each with an object (a record,
   * never a primitive or an array): the sealing store then hands each as a stand-in that opens the
   * block when a reader first looks into it, so readers of ids, times and scores decrypt nothing.
   * Unset: each block is opened with its batch.
   */
  readonly openedOnRead?: readonly string[];
}
