import { Actor, Scope } from '@heard/kernel';

/**
 * Interim scope until the directory's resolveScope is merged: cx_admin and agents (the central
 * care team) see all feedback, customers their own, others only what they submitted themselves
 * (see mayReadFeedback). Store and regional managers get their stores once resolveScope lands.
 */
export function intakeScope(viewer: Actor): Scope {
  switch (viewer.role) {
    case 'cx_admin':
    case 'agent':
      return { kind: 'everything' };
    case 'customer':
      return { kind: 'customer', customerId: viewer.id };
    default:
      return { kind: 'nothing' };
  }
}
