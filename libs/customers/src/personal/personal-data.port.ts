import type { Json } from '@heard/event-store';
import { SealedBlock } from './sealed-block';

/** Opens blocks whose keys were looked up together; null when a block's key is gone. */
export type Opener = (block: SealedBlock) => Json | null;

/** A batch's answer to "was any key deleted?"; what it holds is the port's own. */
export interface KeysChecked {
  readonly generation: number;
}

/**
 * The one place personal data passes through (DESIGN, "Contexts"): other contexts seal with an
 * owner's key and open what they read; only the customers context touches keys.
 */
export interface PersonalDataPort {
  /** Seals under the owner's data key, making one the first time. */
  seal(owner: string, value: Json): Promise<SealedBlock>;
  /** The same, at once, when the owner's key is at hand; null when it must be looked up. */
  sealAtOnce(owner: string, value: Json): SealedBlock | null;
  /**
   * One key look-up for all the blocks of a batch; `ahead`: the reader can wait for its blocks
   * (a batch read before it is needed, ReadAllOptions.ahead, or a page all of whose words are
   * read), so they may be decrypted in the background meanwhile, off the reader's thread.
   */
  opener(
    blocks: readonly SealedBlock[],
    options?: { readonly ahead?: boolean; readonly checked?: Promise<KeysChecked> },
  ): Promise<Opener>;
  /**
   * Asks now whether any key was deleted, for `opener`'s `checked`: a reader of the log asks while
   * its batch is read, instead of after. The answer holds for what is read after it was asked.
   */
  checkKeys(): Promise<KeysChecked>;
  /** Deletes the owner's keys: what they sealed can no longer be opened. How many keys went. */
  forget(owner: string): Promise<number>;
}
