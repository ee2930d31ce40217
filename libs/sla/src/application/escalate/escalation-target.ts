import { ActiveCase } from '@heard/cases';
import { getRegion, getStore, getTeam } from '@heard/directory';
import type { EventStore } from '@heard/event-store';
import { EscalationLevel } from '../../domain/sla-policy';

/** Whom a level names for this case now, and how the case changes hands (if it does). */
export interface ResolvedEscalation {
  readonly to: string;
  readonly mode: 'owner' | 'watcher';
  readonly ownerId: string | null;
  readonly teamId: string | null;
  /** Why `to` is not who the level names: a vacant post goes to the CX admins. */
  readonly note: string | null;
}

export const CX_ADMINS = 'cx_admins';

const toAdmins = (note: string | null): ResolvedEscalation => ({
  to: CX_ADMINS,
  mode: 'watcher',
  ownerId: null,
  teamId: null,
  note,
});

/** Reads the directory as it is now: the manager or lead in post when the target was missed. */
export async function resolveEscalation(
  store: EventStore,
  level: EscalationLevel,
  state: ActiveCase,
): Promise<ResolvedEscalation> {
  const person = (to: string | null, vacant: string): ResolvedEscalation =>
    to === null
      ? toAdmins(vacant)
      : { to, mode: level.mode, ownerId: to, teamId: null, note: null };
  switch (level.to.kind) {
    case 'store_manager': {
      const entry = state.storeId === null ? null : await getStore(store, state.storeId);
      return person(entry?.current.managerId ?? null, 'the store has no manager');
    }
    case 'region_lead': {
      const entry = state.regionId === null ? null : await getRegion(store, state.regionId);
      return person(entry?.current.leadId ?? null, 'the region has no lead');
    }
    case 'person':
      return person(level.to.personId, 'no person');
    case 'team': {
      const team = await getTeam(store, level.to.teamId);
      if (team === null) return toAdmins(`team ${level.to.teamId} does not exist`);
      return {
        to: level.to.teamId,
        mode: level.mode,
        ownerId: null,
        teamId: level.to.teamId,
        note: null,
      };
    }
    case 'cx_admins':
      return toAdmins(null);
    default: {
      const unknown: never = level.to;
      return unknown;
    }
  }
}
