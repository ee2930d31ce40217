import { BatchedCalls, Json } from '@heard/event-store';
import { randomBytes, randomUUID } from 'node:crypto';
import { openBytes, sealBytes } from '../keys/aes-gcm';
import { DataKeyRow, DataKeyTable } from '../keys/data-key-table';
import { MasterKey } from '../keys/master-key';
import { Opener, PersonalDataPort } from './personal-data.port';
import { SealedBlock } from './sealed-block';

export interface DataKeyPersonalDataOptions {
  /**
   * How long a data key used for sealing is kept in memory. Another process's erasure reaches
   * this one's writers after at most this long; what they seal meanwhile is erased with the key.
   */
  readonly sealCacheMs?: number;
  readonly now?: () => number;
}

/** Unwrapped keys remembered across batches; each batch still asks the table which keys exist. */
const UNWRAPPED_LIMIT = 20_000;

interface UnwrappedKey {
  readonly owner: string;
  readonly wrapped: Buffer;
  readonly key: Buffer;
}

interface CachedKey {
  readonly keyId: string;
  readonly key: Buffer;
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

/** Envelope encryption: data keys wrapped by the master key, kept in a table beside the events. */
export class DataKeyPersonalData implements PersonalDataPort {
  private readonly sealKeys = new Map<string, CachedKey>();
  private readonly unwrapped = new Map<string, UnwrappedKey>();
  private readonly sealCacheMs: number;
  private readonly now: () => number;
  private readonly lookUps: BatchedCalls<string, DataKeyRow>;
  private readonly finds: BatchedCalls<string, DataKeyRow | null>;

  constructor(
    private readonly table: DataKeyTable,
    private readonly master: MasterKey,
    options: DataKeyPersonalDataOptions = {},
  ) {
    this.sealCacheMs = options.sealCacheMs ?? 60_000;
    this.now = options.now ?? Date.now;
    // Intake seals many requests at once: their new keys are made in one transaction.
    this.lookUps = new BatchedCalls(async (owners) => {
      const rows = await this.table.keysOf(owners, (owner) => this.newKey(owner));
      const byOwner = new Map(rows.map((r) => [r.owner, r]));
      return owners.map((owner) => {
        const row = byOwner.get(owner);
        if (!row) throw new Error('a data key was neither found nor made');
        return row;
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
  }

  private newKey(owner: string): DataKeyRow {
    const key = randomBytes(32);
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
    const known = this.unwrapped.get(row.keyId);
    if (known && known.wrapped.equals(row.wrapped)) return known.key;
    const key = this.master.unwrap(row.wrapped);
    if (this.unwrapped.size >= UNWRAPPED_LIMIT) this.unwrapped.clear();
    this.unwrapped.set(row.keyId, { owner: row.owner, wrapped: row.wrapped, key });
    return key;
  }

  private async sealKey(owner: string): Promise<CachedKey> {
    const cached = this.sealKeys.get(owner);
    const now = this.now();
    if (cached && cached.until > now) return cached;
    const row = await this.lookUps.call(owner);
    const fresh = { keyId: row.keyId, key: this.unwrap(row), until: now + this.sealCacheMs };
    this.sealKeys.set(owner, fresh);
    return fresh;
  }

  async seal(owner: string, value: Json): Promise<SealedBlock> {
    const { keyId, key } = await this.sealKey(owner);
    const sealed = sealBytes(key, Buffer.from(JSON.stringify(value)), Buffer.from(keyId));
    return { key: keyId, sealed: sealed.toString('base64') };
  }

  async opener(blocks: readonly SealedBlock[]): Promise<Opener> {
    if (blocks.length === 0) return () => null;
    const keyIds = [...new Set(blocks.map((b) => b.key))];
    const rows = await Promise.all(keyIds.map((id) => this.finds.call(id)));
    const keys = new Map(rows.flatMap((r) => (r === null ? [] : [[r.keyId, this.unwrap(r)]])));
    return (block) => {
      const key = keys.get(block.key);
      if (!key) return null;
      try {
        const plain = openBytes(key, Buffer.from(block.sealed, 'base64'), Buffer.from(block.key));
        return JSON.parse(plain.toString('utf8')) as Json;
      } catch {
        // Bytes that do not open with their own key read as erased: a reader never fails on them.
        return null;
      }
    };
  }

  async forget(owner: string): Promise<number> {
    this.sealKeys.delete(owner);
    for (const [keyId, entry] of this.unwrapped)
      if (entry.owner === owner) this.unwrapped.delete(keyId);
    return this.table.deleteOwner(owner);
  }

  /** Refuses to start over keys another master key wrapped (an unfinished rotation). */
  async checkMasterKey(): Promise<void> {
    const other = (await this.table.masterKeyIds()).find((id) => id !== this.master.id);
    if (other !== undefined) throw new WrongMasterKeyError(other, this.master.id);
  }
}
