/**
 * To the opener thread: one batch's blocks, packed so that a message is a few large values
 * rather than thousands of small ones (cloning those cost what decrypting them here saved).
 */
export interface ToBlockOpener {
  readonly id: number;
  /**
   * The key generation the batch's keys were found at: the thread keeps the keys it unwrapped
   * while the generation stays the same, and forgets them all when it moves.
   */
  readonly generation: number;
  /** The batch's data keys as stored, wrapped by the master key, one after another. */
  readonly wrapped: Uint8Array;
  /** Where each wrapped key ends in `wrapped`. */
  readonly wrappedEnds: Uint32Array;
  /** The key ids (each key's additional data), in the same order, joined by newlines. */
  readonly keyIds: string;
  /** The blocks' sealed base64, joined by newlines. */
  readonly sealed: string;
  /** Each block's key, as an index into the keys. */
  readonly keyOf: Uint32Array;
}

/** JSON never holds a raw U+0000 (JSON.stringify escapes it): it parts the texts of a reply. */
export const TEXT_SEPARATOR = '\u0000';

/** A block whose key did not unwrap there: the asking thread opens it, and reports the fault. */
export const NOT_UNWRAPPED = '\u0001';

/** From the opener thread: each block's JSON text, in order, joined; '' for one that did not open. */
export interface FromBlockOpener {
  readonly id: number;
  readonly texts: string;
}
