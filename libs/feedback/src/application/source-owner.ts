import { Actor, DomainError } from '@heard/kernel';
import { SourceOwner } from './feedback-id';

/**
 * Who may name an item of another system, and in whose namespace. Decided from the token alone,
 * before anything is read, so the refusal is the same whether or not the pair exists.
 */
export function sourceOwnerOf(caller: Actor): SourceOwner {
  if (caller.role === 'integration') return caller.id;
  if (caller.role === 'cx_admin') return null;
  throw new DomainError(
    'feedback.source_not_allowed',
    'source is set only by integrations and cx_admin imports; leave it out and use the Idempotency-Key header',
    'forbidden',
    'source',
  );
}
