import type { Decider } from '@heard/event-store';
import { StoreCommand } from './store.commands';
import { decideStore } from './store.decide';
import { StoreEvent } from './store.events';
import { evolveStore } from './store.evolve';
import { initialStoreState, StoreState } from './store.state';

export const storeDecider: Decider<StoreCommand, StoreEvent, StoreState> = {
  decide: decideStore,
  evolve: evolveStore,
  initialState: initialStoreState,
};
