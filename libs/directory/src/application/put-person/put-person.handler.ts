import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { PutPerson } from '../../domain/person/person.commands';
import { personDecider } from '../../domain/person/person.decider';
import { PersonEvent } from '../../domain/person/person.events';
import { PersonState, personStreamId } from '../../domain/person/person.state';
import { requireId } from '../../domain/shared/ids';
import { CommandContext, stampEnvelope } from '../command-context';

export async function putPerson(
  eventStore: EventStore,
  command: PutPerson,
  context: CommandContext = {},
): Promise<HandleResult<PersonEvent, PersonState>> {
  const personId = requireId(command.personId, 'personId');
  return handleCommand(eventStore, personStreamId(personId), personDecider, command, {
    envelope: stampEnvelope(context),
  });
}
