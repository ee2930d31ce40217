import { uuidV8FromName } from '@heard/event-store';

/**
 * Whose namespace a source pair lives in: the integration that sent it, or `null` for the imports
 * of cx_admin, who all share one. Another caller's pair is then a different pair, so it can
 * neither be squatted nor probed.
 */
export type SourceOwner = string | null;

/** What makes two submissions "the same" for idempotency, in order of precedence. */
export type IdempotencyBasis =
  | {
      readonly kind: 'owned-source';
      readonly owner: SourceOwner;
      readonly system: string;
      readonly externalId: string;
    }
  /** Before pairs were namespaced: only to recognise retries of what was stored then. */
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

function partsOf(basis: IdempotencyBasis): readonly (string | number | null)[] {
  switch (basis.kind) {
    case 'owned-source':
      return [basis.kind, basis.owner, basis.system, basis.externalId];
    case 'source':
      return [basis.kind, basis.system, basis.externalId];
    case 'key':
      return [basis.kind, basis.principalId, basis.key];
    case 'batch-item':
      return [basis.kind, basis.principalId, basis.key, basis.index];
    default: {
      const unknown: never = basis;
      return unknown;
    }
  }
}

/**
 * The feedback id for a keyed submission: an RFC 9562 version 8 UUID from SHA-256. Deterministic,
 * so that the feedback stream existing is what makes a retry a no-op, even when two retries race.
 * The parts are JSON-encoded so that no choice of key can make two different tuples hash the same
 * text.
 */
export function feedbackIdFor(basis: IdempotencyBasis): string {
  return uuidV8FromName(JSON.stringify([NAMESPACE, ...partsOf(basis)]));
}

/**
 * The source pair names an item in another system whoever relays it (HTTP today, Kafka later), so
 * it wins over an Idempotency-Key, which only names one caller's attempt.
 */
export function idempotencyBasis(
  source: {
    readonly owner: SourceOwner;
    readonly system: string;
    readonly externalId: string;
  } | null,
  principalId: string,
  key: { readonly key: string; readonly index?: number } | null,
): IdempotencyBasis | null {
  if (source) return { kind: 'owned-source', ...source };
  if (!key) return null;
  return key.index === undefined
    ? { kind: 'key', principalId, key: key.key }
    : { kind: 'batch-item', principalId, key: key.key, index: key.index };
}
