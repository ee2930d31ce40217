/** Personal data as events store it: sealed with the data key `key` names. */
export interface SealedBlock {
  readonly key: string;
  /** base64 of AES-256-GCM `iv ‖ tag ‖ ciphertext` of the JSON, the key id bound in. */
  readonly sealed: string;
}

export function isSealedBlock(value: unknown): value is SealedBlock {
  if (typeof value !== 'object' || value === null) return false;
  const { key, sealed } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof sealed === 'string';
}

/** What a reader gets in place of the words once their key is gone. */
export const REDACTED = '[erased]';
