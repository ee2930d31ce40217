import { InMemoryEventStore } from '@heard/event-store/testing';
import { putPersonCommand } from '../../testing/directory-commands';
import { putPerson } from './put-person.handler';

describe('putPerson', () => {
  it('appends PersonDefined to the person stream, then nothing for the same put', async () => {
    const eventStore = new InMemoryEventStore();
    const first = await putPerson(eventStore, putPersonCommand());
    const second = await putPerson(eventStore, putPersonCommand({ roles: ['store_manager'] }));
    expect(first.events.map((e) => e.type)).toEqual(['PersonDefined']);
    expect(second.events).toEqual([]);
    expect((await eventStore.readStream('person-M-42')).map((e) => e.type)).toEqual([
      'PersonDefined',
    ]);
  });

  it('passes the decider refusal through unchanged', async () => {
    await expect(
      putPerson(new InMemoryEventStore(), putPersonCommand({ roles: ['root'] })),
    ).rejects.toMatchObject({ code: 'directory.unknown_role', field: 'roles[0]' });
  });
});
