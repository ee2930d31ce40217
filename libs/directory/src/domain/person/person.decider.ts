import type { Decider } from '@heard/event-store';
import { PersonCommand } from './person.commands';
import { decidePerson } from './person.decide';
import { PersonEvent } from './person.events';
import { evolvePerson } from './person.evolve';
import { initialPersonState, PersonState } from './person.state';

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
};
