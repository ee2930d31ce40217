import { EventStore, handleCommand } from '@heard/event-store';
import { DomainError, Scope } from '@heard/kernel';
import { ImprovementCommand } from '../domain/improvement.commands';
import { improvementDecider } from '../domain/improvement.decider';
import { improvementStreamId } from '../improvement.events';
import { mayProposeFor } from './improvement-scope';
import { LoadedImprovement, loadImprovement } from './load-improvement';

/** A new improvement for stores the caller may propose for (see `mayProposeFor`). */
export async function proposeImprovement(
  store: EventStore,
  scope: Scope,
  command: Extract<ImprovementCommand, { type: 'ProposeImprovement' }>,
): Promise<LoadedImprovement> {
  if (!mayProposeFor(scope, command.storeIds))
    throw new DomainError(
      'improvement.stores_out_of_scope',
      command.storeIds.length === 0
        ? 'only cx_admin proposes an improvement for every store; name your stores in storeIds'
        : 'storeIds names a store outside your stores',
      'forbidden',
      'storeIds',
    );
  await handleCommand(
    store,
    improvementStreamId(command.improvementId),
    improvementDecider,
    command,
    { expectNew: true, envelope: () => ({ actor: command.by }) },
  );
  return loadImprovement(store, command.improvementId, { kind: 'everything' });
}
