import { CaseCommand } from '../../domain/case.commands';
import { ActiveCase } from '../../domain/case.state';

/** What a case follows of its store. */
export interface StorePost {
  readonly regionId: string | null;
  readonly managerId: string | null;
}

/** A directory event about a store, with the store as it stands now. */
export interface StoreChange {
  readonly storeId: string;
  /** The store before the event; null when the event defined it. */
  readonly before: StorePost | null;
  /**
   * The store now, not as the event left it: a reactor that lags behind two changes moves each
   * case straight to where the store is, and no later event has to undo an earlier one.
   */
  readonly now: StorePost;
  /** Global position of the causing event. */
  readonly position: bigint;
  readonly at: string;
}

/** A case as its stream tells it, with where its owner was last set in the log. */
export interface CaseAtChange {
  readonly state: ActiveCase;
  /** Global position of its last CaseAssigned; 0 when it never had one. */
  readonly ownerSetAt: bigint;
}

const regionName = (id: string | null) => (id === null ? 'no region' : `region ${id}`);

/**
 * What a store change means for one of its cases that is not closed: it takes the store's current
 * region, and if the store's former manager owned it from before the change, it goes to the new
 * manager. A case handed to the former manager after the change was handed on purpose and stays;
 * a vacant post takes nobody's cases away.
 */
export function followStoreChange(change: StoreChange, at: CaseAtChange): CaseCommand[] {
  const { state } = at;
  if (state.storeId !== change.storeId || state.status === 'closed') return [];
  const commands: CaseCommand[] = [];
  if (state.regionId !== change.now.regionId) {
    commands.push({
      type: 'ChangeCaseRegion',
      regionId: change.now.regionId,
      reason: `store ${change.storeId} moved from ${regionName(state.regionId)} to ${regionName(change.now.regionId)}`,
      at: change.at,
    });
  }
  const former = change.before?.managerId ?? null;
  const successor = change.now.managerId;
  if (
    former !== null &&
    successor !== null &&
    former !== successor &&
    state.ownerId === former &&
    at.ownerSetAt < change.position
  ) {
    commands.push({
      type: 'AssignCase',
      ownerId: successor,
      teamId: state.teamId,
      assignedBy: { kind: 'directory', storeId: change.storeId },
      reason: `store ${change.storeId}'s manager changed from ${former} to ${successor}`,
      at: change.at,
    });
  }
  return commands;
}
