import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { requireId } from '../../domain/shared/ids';
import { PutStore } from '../../domain/store/store.commands';
import { storeDecider } from '../../domain/store/store.decider';
import { StoreEvent } from '../../domain/store/store.events';
import { StoreState, storeStreamId } from '../../domain/store/store.state';
import { CommandContext, stampEnvelope } from '../command-context';
import { requirePerson, requireRegion } from '../references';

export async function putStore(
  eventStore: EventStore,
  command: PutStore,
  context: CommandContext = {},
): Promise<HandleResult<StoreEvent, StoreState>> {
  const storeId = requireId(command.storeId, 'storeId');
  if (command.regionId != null) await requireRegion(eventStore, command.regionId, 'regionId');
  if (command.managerId != null) {
    await requirePerson(eventStore, command.managerId, 'managerId', 'store_manager');
  }
  return handleCommand(eventStore, storeStreamId(storeId), storeDecider, command, {
    envelope: stampEnvelope(context),
  });
}
