import { Clock } from '@heard/event-store';
import { ChangeStamp } from '@heard/directory';
import { Actor } from '@heard/kernel';

/** The caller is who changed the entry; the platform clock says when. */
export const changeStampOf = (actor: Actor, clock: Clock): ChangeStamp => ({
  at: clock.now().toISOString(),
  by: actor.id,
});
