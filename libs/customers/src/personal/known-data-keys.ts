/** An unwrapped data key, and what it was found as. */
export interface KnownDataKey {
  readonly keyId: string;
  readonly owner: string;
  readonly key: Buffer;
  /** The key id as bytes: the additional data every block under this key binds in. */
  readonly aad: Buffer;
}

interface Entry {
  readonly known: KnownDataKey;
  /** When it was last asked for, on this cache's own clock. */
  used: number;
}

/**
 * Data keys found in the table at one key generation, the least recently used leaving first. A key is
 * deleted only with a bump of the generation, so while a batch reads the same generation every
 * key remembered under it still exists; a batch that reads another one drops them all, which is
 * how this process learns of another's erasure before it opens anything more.
 */
export class KnownDataKeys {
  private generation: number | null = null;
  private readonly keys = new Map<string, Entry>();
  private clock = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.keys.size;
  }

  /** The generation a batch just read; true when it is not the one the keys were found at. */
  observe(generation: number): boolean {
    if (generation === this.generation) return false;
    this.keys.clear();
    this.generation = generation;
    return true;
  }

  /** The key, if it was found at this generation. */
  get(keyId: string, generation: number): KnownDataKey | undefined {
    if (generation !== this.generation) return undefined;
    const entry = this.keys.get(keyId);
    if (entry === undefined) return undefined;
    entry.used = ++this.clock;
    return entry.known;
  }

  /**
   * Remembers a key found after `generation` was read. Found under an older one, it may have been
   * deleted since the generation now current was read: it is used for its batch only.
   */
  remember(known: KnownDataKey, generation: number): void {
    if (generation !== this.generation) return;
    if (!this.keys.has(known.keyId) && this.keys.size >= this.limit) this.evict();
    this.keys.set(known.keyId, { known, used: ++this.clock });
  }

  /** Makes room by a tenth at once, so that a full cache sorts once per many keys, not per key. */
  private evict(): void {
    const byUse = [...this.keys].sort(([, a], [, b]) => a.used - b.used);
    const leaving = Math.max(1, Math.ceil(this.limit / 10));
    for (const [keyId] of byUse.slice(0, leaving)) this.keys.delete(keyId);
  }

  /** This process's own erasure: the owner's keys leave memory before the table is asked. */
  forgetOwner(owner: string): KnownDataKey[] {
    const gone: KnownDataKey[] = [];
    for (const [keyId, { known }] of this.keys) {
      if (known.owner !== owner) continue;
      this.keys.delete(keyId);
      gone.push(known);
    }
    return gone;
  }
}
