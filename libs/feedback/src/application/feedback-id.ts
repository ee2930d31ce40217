import { uuidV8FromName } from '@heard/event-store';

/** What makes two submissions "the same" for idempotency, in order of precedence. */
export type IdempotencyBasis =
  | { readonly kind: 'source'; readonly system: string; readonly externalId: string }
  | { readonly kind: 'key'; readonly principalId: string; readonly key: string }
  | {
      readonly kind: 'batch-item';
      readonly principalId: string;
      readonly key: string;
      readonly index: number;
    };

/** Bumping the namespace would give every retried submission a new id: never change it. */
const NAMESPACE = 'heard:feedback-id:v1';

/** RFC 9562 version 8 (custom) UUID from the first 128 bits of a SHA-256 digest. */

/**
 * The feedback id for a keyed submission. Deterministic, so that the feedback stream existing is
 * what makes a retry a no-op, even when two retries race. The parts are JSON-encoded so that no
 * choice of key can make two different tuples hash the same text.
 */
export function feedbackIdFor(basis: IdempotencyBasis): string {
  const parts =
    basis.kind === 'source'
      ? [basis.kind, basis.system, basis.externalId]
      : basis.kind === 'key'
        ? [basis.kind, basis.principalId, basis.key]
        : [basis.kind, basis.principalId, basis.key, basis.index];
  return uuidV8FromName(JSON.stringify([NAMESPACE, ...parts]));
}

/**
 * The source pair names an item in another system whoever relays it (HTTP today, Kafka later), so
 * it wins over an Idempotency-Key, which only names one caller's attempt.
 */
export function idempotencyBasis(
  source: { readonly system: string; readonly externalId: string } | undefined,
  principalId: string,
  key: { readonly key: string; readonly index?: number } | null,
): IdempotencyBasis | null {
  if (source) return { kind: 'source', system: source.system, externalId: source.externalId };
  if (!key) return null;
  return key.index === undefined
    ? { kind: 'key', principalId, key: key.key }
    : { kind: 'batch-item', principalId, key: key.key, index: key.index };
}
