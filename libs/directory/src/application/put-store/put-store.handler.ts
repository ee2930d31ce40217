import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { requireId } from '../../domain/shared/ids';
import { PutStore } from '../../domain/store/store.commands';
import { storeDecider } from '../../domain/store/store.decider';
import { StoreEvent } from '../../domain/store/store.events';
import { StoreState, storeStreamId } from '../../domain/store/store.state';
import { CommandContext, stampEnvelope } from '../command-context';
import { DirectoryError } from '../../domain/shared/directory-error';
import { requirePerson, requireRegion } from '../references';
import { StoreReferences } from './store-references';

async function requireCalendar(calendarId: string, references: StoreReferences): Promise<void> {
  if (!references.calendarExists) {
    throw new Error('putStore needs references.calendarExists to accept a calendarId');
  }
  if (!(await references.calendarExists(requireId(calendarId, 'calendarId')))) {
    throw new DirectoryError(
      'directory.unknown_calendar',
      'calendarId',
      `calendarId: no calendar ${calendarId}; put it with PUT /v1/calendars/${calendarId} first`,
    );
  }
}

export async function putStore(
  eventStore: EventStore,
  command: PutStore,
  context: CommandContext = {},
  references: StoreReferences = {},
): Promise<HandleResult<StoreEvent, StoreState>> {
  const storeId = requireId(command.storeId, 'storeId');
  if (command.regionId != null) await requireRegion(eventStore, command.regionId, 'regionId');
  if (command.managerId != null) {
    await requirePerson(eventStore, command.managerId, 'managerId', 'store_manager');
  }
  if (command.calendarId != null) await requireCalendar(command.calendarId, references);
  return handleCommand(eventStore, storeStreamId(storeId), storeDecider, command, {
    envelope: stampEnvelope(context),
  });
}
