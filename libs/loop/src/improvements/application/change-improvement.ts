import { EventStore, handleCommand } from '@heard/event-store';
import { DomainError, Scope } from '@heard/kernel';
import { ImprovementCommand } from '../domain/improvement.commands';
import { improvementDecider } from '../domain/improvement.decider';
import { improvementStreamId } from '../improvement.events';
import { mayChange } from './improvement-scope';
import { LoadedImprovement, loadImprovement } from './load-improvement';

export interface ChangeImprovement {
  readonly improvementId: string;
  readonly scope: Scope;
  readonly command: Exclude<ImprovementCommand, { type: 'ProposeImprovement' }>;
  readonly actor: string;
}

/**
 * Scope first (not visible: 404; visible but not theirs to change: 403), then the rules. The
 * check reads the stream the command then decides on again; a change in between is a conflict
 * the command handler retries, and stores and owner never change after the proposal.
 */
export async function changeImprovement(
  store: EventStore,
  change: ChangeImprovement,
): Promise<LoadedImprovement> {
  const loaded = await loadImprovement(store, change.improvementId, change.scope);
  if (!mayChange(change.scope, loaded.state))
    throw new DomainError(
      'improvement.forbidden',
      'only its owner, cx_admin or a manager of all its stores may change this improvement',
      'forbidden',
    );
  const result = await handleCommand(
    store,
    improvementStreamId(change.improvementId),
    improvementDecider,
    change.command,
    { envelope: () => ({ actor: change.actor }) },
  );
  if (result.events.length === 0) return loaded;
  return loadImprovement(store, change.improvementId, change.scope);
}
