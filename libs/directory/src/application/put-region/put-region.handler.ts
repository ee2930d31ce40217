import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { PutRegion } from '../../domain/region/region.commands';
import { regionDecider } from '../../domain/region/region.decider';
import { RegionEvent } from '../../domain/region/region.events';
import { RegionState, regionStreamId } from '../../domain/region/region.state';
import { requireId } from '../../domain/shared/ids';
import { CommandContext, stampEnvelope } from '../command-context';
import { requirePerson } from '../references';

export async function putRegion(
  eventStore: EventStore,
  command: PutRegion,
  context: CommandContext = {},
): Promise<HandleResult<RegionEvent, RegionState>> {
  const regionId = requireId(command.regionId, 'regionId');
  if (command.leadId != null) {
    await requirePerson(eventStore, command.leadId, 'leadId', 'regional_manager');
  }
  return handleCommand(eventStore, regionStreamId(regionId), regionDecider, command, {
    envelope: stampEnvelope(context),
  });
}
