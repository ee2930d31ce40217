/** One data key as stored: wrapped by the master key whose id it names. */
export interface DataKeyRow {
  readonly keyId: string;
  /** Whose personal data it seals: `customer:<id>` or `feedback:<id>` (see key-owner.ts). */
  readonly owner: string;
  readonly wrapped: Buffer;
  readonly masterKeyId: string;
}

/** Where data keys live, beside the events: SQLite or PostgreSQL. */
export interface DataKeyTable {
  /** The owners' keys; `create` makes one for each owner that has none (one round trip). */
  keysOf(owners: readonly string[], create: (owner: string) => DataKeyRow): Promise<DataKeyRow[]>;
  /** Any of these keys that still exist, in one query. */
  find(keyIds: readonly string[]): Promise<DataKeyRow[]>;
  /**
   * A number that grows whenever a key is deleted or re-wrapped, by any process (a trigger in the
   * store bumps it in the deleting transaction): a reader that saw the same number before may
   * keep using the keys it found then, without asking for each again.
   */
  generation(): Promise<number>;
  /** Deletes the owner's keys; how many there were. */
  deleteOwner(owner: string): Promise<number>;
  /** Every key, wrapped anew in one transaction; how many. */
  rewrapAll(rewrap: (row: DataKeyRow) => DataKeyRow): Promise<number>;
  /** The master keys the stored keys are wrapped by. */
  masterKeyIds(): Promise<string[]>;
  /** Makes deleted keys gone from the files too (see README, "Erasure"). */
  compact(): Promise<void>;
  close(): Promise<void>;
}
