import { BatchedCalls, Json } from '@heard/event-store';
import { randomBytes, randomUUID } from 'node:crypto';
import { openToText, sealBytes } from '../keys/aes-gcm';
import { DataKeyRow, DataKeyTable } from '../keys/data-key-table';
import { MasterKey } from '../keys/master-key';
import { NOT_UNWRAPPED } from '../keys/block-opener.messages';
import { ThreadedBlockOpener } from '../keys/threaded-block-opener';
import { KnownDataKey, KnownDataKeys } from './known-data-keys';
import { KeysChecked, Opener, PersonalDataPort } from './personal-data.port';
import { SealedBlock } from './sealed-block';

export interface DataKeyPersonalDataOptions {
  /**
   * How long a data key used for sealing is kept in memory. Another process's erasure reaches
   * this one's writers after at most this long; what they seal meanwhile is erased with the key.
   */
  readonly sealCacheMs?: number;
  readonly now?: () => number;
  /**
   * Batches read ahead (ReadAllOptions.ahead) of at least this many blocks are decrypted in a
   * thread of their own (block-opener.thread.ts) while the batch before is applied; null: never.
   * Default 256.
   */
  readonly openAheadFrom?: number | null;
}

/**
 * Unwrapped keys remembered across batches, while the key generation stays the same: 20,000 keys
 * of 32 bytes and their ids, a few megabytes.
 */
const KNOWN_LIMIT = 20_000;

const OPEN_AHEAD_FROM = 256;

interface ReadAhead {
  readonly inThread: boolean;
  read: boolean;
}

/**
 * Blocks' texts decrypted ahead, by their sealed bytes: '' for one that did not open, and
 * NOT_UNWRAPPED for one whose key did not unwrap there.
 */
type OpenedAhead = Map<string, string>;

/** An owner's key row, and the key itself when this process has just made it. */
interface LookedUpKey {
  readonly row: DataKeyRow;
  readonly made: Buffer | null;
}

interface CachedKey {
  readonly keyId: string;
  readonly key: Buffer;
  readonly aad: Buffer;
  readonly until: number;
}

/** A wrapped key whose master key is not this one is a configuration error, never "gone". */
class WrongMasterKeyError extends Error {
  constructor(found: string, expected: string) {
    super(
      `a data key is wrapped by master key ${found}, not by HEARD_MASTER_KEY (${expected}): ` +
        'finish the rotation (README, "Personal data") or set the master key the keys were wrapped with',
    );
    this.name = 'WrongMasterKeyError';
  }
}

/**
 * A key found in the table, unwrapped when a block is first opened with it: a batch whose blocks
 * nobody reads (a projection of ids and times) unwraps none of its keys.
 */
class FoundDataKey implements KnownDataKey {
  readonly keyId: string;
  readonly owner: string;
  readonly aad: Buffer;
  private unwrapped: Buffer | null = null;

  constructor(
    readonly row: DataKeyRow,
    private readonly unwrapRow: (row: DataKeyRow) => Buffer,
  ) {
    this.keyId = row.keyId;
    this.owner = row.owner;
    this.aad = Buffer.from(row.keyId);
  }

  get key(): Buffer {
    return (this.unwrapped ??= this.unwrapRow(this.row));
  }
}

/** Envelope encryption: data keys wrapped by the master key, kept in a table beside the events. */
export class DataKeyPersonalData implements PersonalDataPort {
  private readonly sealKeys = new Map<string, CachedKey>();
  private readonly known = new KnownDataKeys(KNOWN_LIMIT);
  /**
   * Keys this process forgot. A batch's opener holds the keys it looked up, and blocks are opened
   * when read, maybe after an erasure here: a forgotten key opens nothing from then on.
   */
  private readonly forgotten = new WeakSet<KnownDataKey>();
  private readonly sealCacheMs: number;
  private readonly now: () => number;
  private readonly lookUps: BatchedCalls<string, LookedUpKey>;
  private readonly finds: BatchedCalls<string, DataKeyRow | null>;
  private readonly generations: BatchedCalls<null, number>;
  private readonly openAheadFrom: number | null;
  private readonly ahead: ThreadedBlockOpener;
  /**
   * Texts of blocks opened here, by the block as stored. The runners of one thread read the log
   * through shared pages, so they hold the same block objects: the second projection to read a
   * customer's words reuses the first one's decryption instead of its own. Reused only with the
   * key it was opened with, at the same key generation, and that key not forgotten (checked
   * before, as for any block): an erasure here or elsewhere stops reuse as it stops opening. An
   * entry lives as long as the stored event does, and no longer.
   */
  private readonly openedBlocks = new WeakMap<
    SealedBlock,
    { readonly generation: number; readonly known: KnownDataKey; readonly text: string }
  >();
  /** The last three batches read ahead: whether each went to the thread, and was read at all. */
  private readsAhead: ReadAhead[] = [];

  constructor(
    private readonly table: DataKeyTable,
    private readonly master: MasterKey,
    options: DataKeyPersonalDataOptions = {},
  ) {
    this.sealCacheMs = options.sealCacheMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.ahead = new ThreadedBlockOpener(master, KNOWN_LIMIT);
    this.openAheadFrom =
      options.openAheadFrom === undefined ? OPEN_AHEAD_FROM : options.openAheadFrom;
    // Intake seals many requests at once: their new keys are made in one transaction.
    this.lookUps = new BatchedCalls(async (owners) => {
      // A key made here is used as made: unwrapping what was just wrapped costs a decryption.
      const made = new Map<string, Buffer>();
      const rows = await this.table.keysOf(owners, (owner) => {
        const key = randomBytes(32);
        const row = this.newKey(owner, key);
        made.set(row.keyId, key);
        return row;
      });
      const byOwner = new Map(rows.map((r) => [r.owner, r]));
      return owners.map((owner) => {
        const row = byOwner.get(owner);
        if (!row) throw new Error('a data key was neither found nor made');
        // Another writer's key, made at the same time, is the one stored: unwrapped as found.
        return { row, made: made.get(row.keyId) ?? null };
      });
    });
    // Readers of single streams at once (a reactor's lanes) share one look-up, as a batch does.
    this.finds = new BatchedCalls(
      async (keyIds) => {
        const rows = new Map((await this.table.find(keyIds)).map((r) => [r.keyId, r]));
        return keyIds.map((id) => rows.get(id) ?? null);
      },
      { maxConcurrent: 2, maxInputs: 2000 },
    );
    // A batch's one question when it knows its keys already: was any key deleted meanwhile?
    this.generations = new BatchedCalls(
      async (calls) => {
        const generation = await this.table.generation();
        return calls.map(() => generation);
      },
      { maxConcurrent: 1, maxInputs: 10_000 },
    );
  }

  private newKey(owner: string, key: Buffer): DataKeyRow {
    return {
      keyId: randomUUID(),
      owner,
      wrapped: this.master.wrap(key),
      masterKeyId: this.master.id,
    };
  }

  private unwrap(row: DataKeyRow): Buffer {
    if (row.masterKeyId !== this.master.id) {
      throw new WrongMasterKeyError(row.masterKeyId, this.master.id);
    }
    return this.master.unwrap(row.wrapped);
  }

  /** The owner's key for sealing if it is in memory and fresh. */
  private sealKeyAtHand(owner: string): CachedKey | null {
    const cached = this.sealKeys.get(owner);
    return cached !== undefined && cached.until > this.now() ? cached : null;
  }

  private async sealKey(owner: string): Promise<CachedKey> {
    const cached = this.sealKeyAtHand(owner);
    if (cached) return cached;
    const now = this.now();
    const { row, made } = await this.lookUps.call(owner);
    const fresh = {
      keyId: row.keyId,
      key: made ?? this.unwrap(row),
      aad: Buffer.from(row.keyId),
      until: now + this.sealCacheMs,
    };
    this.sealKeys.delete(owner);
    if (this.sealKeys.size >= KNOWN_LIMIT) {
      const oldest = this.sealKeys.keys().next();
      if (oldest.done !== true) this.sealKeys.delete(oldest.value);
    }
    this.sealKeys.set(owner, fresh);
    return fresh;
  }

  private sealWith({ keyId, key, aad }: CachedKey, value: Json): SealedBlock {
    const plain = Buffer.from(JSON.stringify(value));
    return { key: keyId, sealed: sealBytes(key, plain, aad).toString('base64') };
  }

  async seal(owner: string, value: Json): Promise<SealedBlock> {
    return this.sealWith(await this.sealKey(owner), value);
  }

  sealAtOnce(owner: string, value: Json): SealedBlock | null {
    const key = this.sealKeyAtHand(owner);
    return key && this.sealWith(key, value);
  }

  /**
   * One question per batch: the key generation. Keys found at that generation are opened from
   * memory; only the others are looked up, in one query. Once any process deletes or re-wraps a
   * key the generation moves on, and the next batch forgets every key it knew and asks again.
   */
  async opener(
    blocks: readonly SealedBlock[],
    options: { readonly ahead?: boolean; readonly checked?: Promise<KeysChecked> } = {},
  ): Promise<Opener> {
    if (blocks.length === 0) return () => null;
    const { generation } = await (options.checked ?? this.checkKeys());
    // Writers here stop sealing with a key another process may have deleted, too.
    if (this.known.observe(generation)) this.sealKeys.clear();
    const keys = new Map<string, KnownDataKey>();
    const missing: string[] = [];
    for (const block of blocks) {
      if (keys.has(block.key)) continue;
      const known = this.known.get(block.key, generation);
      if (known === undefined) missing.push(block.key);
      else keys.set(block.key, known);
    }
    if (missing.length > 0) {
      const rows = await Promise.all([...new Set(missing)].map((id) => this.finds.call(id)));
      for (const row of rows) {
        if (row === null) continue;
        // Another master key's keys are refused with their batch, as before any block is read.
        if (row.masterKeyId !== this.master.id) {
          throw new WrongMasterKeyError(row.masterKeyId, this.master.id);
        }
        const found = new FoundDataKey(row, (r) => this.unwrap(r));
        keys.set(row.keyId, found);
        this.known.remember(found, generation);
      }
    }
    const readAhead =
      options.ahead === true && this.openAheadFrom !== null && blocks.length >= this.openAheadFrom
        ? this.readAhead()
        : null;
    const ahead =
      readAhead !== null && readAhead.inThread
        ? await this.openAhead(blocks, keys, generation)
        : null;
    return (block) => {
      if (readAhead !== null) readAhead.read = true;
      const known = keys.get(block.key);
      if (!known || this.forgotten.has(known)) return null;
      const shared = this.openedBlocks.get(block);
      const text =
        shared !== undefined && shared.generation === generation && shared.known === known
          ? shared.text
          : ahead?.get(block.sealed);
      const opened = text !== undefined && text !== NOT_UNWRAPPED;
      // Outside the try: a key that does not unwrap is a fault of the table, not an erased block.
      const key = opened ? null : known.key;
      try {
        if (key === null)
          return text === '' || text === undefined ? null : (JSON.parse(text) as Json);
        const fresh = openToText(key, block.sealed, known.aad);
        this.openedBlocks.set(block, { generation, known, text: fresh });
        return JSON.parse(fresh) as Json;
      } catch {
        // Bytes that do not open with their own key read as erased: a reader never fails on them.
        return null;
      }
    };
  }

  async checkKeys(): Promise<KeysChecked> {
    return { generation: await this.generations.call(null) };
  }

  /**
   * A batch read ahead goes to the opener thread unless the reader read nothing of the last batch
   * it has finished with: one of ids and times (loop-rate, the SLA read models) would only have
   * the thread decrypt words it never looks at, on a core the rest of the work needs. With two
   * batches read ahead of the one applied (rebuildProjection), that is the third before this one.
   */
  private readAhead(): ReadAhead {
    const finished = this.readsAhead.length === 3 ? this.readsAhead[0] : undefined;
    const batch: ReadAhead = { inThread: finished === undefined || finished.read, read: false };
    this.readsAhead = [...this.readsAhead.slice(-2), batch];
    return batch;
  }

  /**
   * Unwraps the keys and decrypts the blocks in the opener thread, and answers their texts once it
   * is done. The reader waits for them rather than opening the blocks itself: a batch read ahead
   * is waited for only after the one before is applied, and a reader that did not wait would open
   * the first batches of a rebuild a second time (the thread is slower while its keys are new).
   * Texts of a thread that failed are missing: those blocks are opened here when read. Erasure is
   * still checked on every read, as for any block.
   */
  private async openAhead(
    blocks: readonly SealedBlock[],
    keys: Map<string, KnownDataKey>,
    generation: number,
  ): Promise<OpenedAhead> {
    const texts: OpenedAhead = new Map();
    const index = new Map<string, number>();
    const wrapped: Buffer[] = [];
    const keyIds: string[] = [];
    const sealed: string[] = [];
    const keyOf: number[] = [];
    for (const block of blocks) {
      const known = keys.get(block.key);
      if (!(known instanceof FoundDataKey) || this.forgotten.has(known)) continue;
      let i = index.get(block.key);
      if (i === undefined) {
        i = keyIds.length;
        index.set(block.key, i);
        wrapped.push(known.row.wrapped);
        keyIds.push(known.keyId);
      }
      sealed.push(block.sealed);
      keyOf.push(i);
    }
    if (sealed.length === 0) return texts;
    const ends = new Uint32Array(wrapped.length);
    let end = 0;
    wrapped.forEach((w, i) => (ends[i] = end += w.length));
    try {
      const opened = await this.ahead.open({
        generation,
        // A copy of its own: the thread takes it over, and a pooled Buffer's slab is not ours.
        wrapped: new Uint8Array(Buffer.concat(wrapped, end)),
        wrappedEnds: ends,
        keyIds: keyIds.join('\n'),
        sealed: sealed.join('\n'),
        keyOf: Uint32Array.from(keyOf),
      });
      sealed.forEach((s, j) => texts.set(s, opened[j]));
    } catch {
      // The thread stopped: every block of the batch is opened here, when read.
    }
    return texts;
  }

  /** Ends the opener thread, if it was started. */
  async close(): Promise<void> {
    await this.ahead.close();
  }

  async forget(owner: string): Promise<number> {
    this.sealKeys.delete(owner);
    for (const known of this.known.forgetOwner(owner)) this.forgotten.add(known);
    return this.table.deleteOwner(owner);
  }

  /** Refuses to start over keys another master key wrapped (an unfinished rotation). */
  async checkMasterKey(): Promise<void> {
    const other = (await this.table.masterKeyIds()).find((id) => id !== this.master.id);
    if (other !== undefined) throw new WrongMasterKeyError(other, this.master.id);
  }
}
