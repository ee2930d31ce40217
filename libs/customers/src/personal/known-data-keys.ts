/** An unwrapped data key, and what it was found as. */
export interface KnownDataKey {
  readonly keyId: string;
  readonly owner: string;
  readonly key: Buffer;
}

/**
 * Data keys found in the table at one key generation, least recently used first out. A key is
 * deleted only with a bump of the generation, so while a batch reads the same generation every
 * key remembered under it still exists; a batch that reads another one drops them all, which is
 * how this process learns of another's erasure before it opens anything more.
 */
export class KnownDataKeys {
  private generation: number | null = null;
  private readonly keys = new Map<string, KnownDataKey>();

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
  get(keyId: string, generation: number): Buffer | undefined {
    if (generation !== this.generation) return undefined;
    const known = this.keys.get(keyId);
    if (known === undefined) return undefined;
    this.keys.delete(keyId);
    this.keys.set(keyId, known);
    return known.key;
  }

  /**
   * Remembers a key found after `generation` was read. Found under an older one, it may have been
   * deleted since the generation now current was read: it is used for its batch only.
   */
  remember(known: KnownDataKey, generation: number): void {
    if (generation !== this.generation) return;
    this.keys.delete(known.keyId);
    if (this.keys.size >= this.limit) {
      const oldest = this.keys.keys().next();
      if (oldest.done !== true) this.keys.delete(oldest.value);
    }
    this.keys.set(known.keyId, known);
  }

  /** This process's own erasure: the owner's keys leave memory before the table is asked. */
  forgetOwner(owner: string): void {
    for (const [keyId, known] of this.keys) if (known.owner === owner) this.keys.delete(keyId);
  }
}
