import type { Decider } from '@heard/event-store';
import { RegionCommand } from './region.commands';
import { decideRegion } from './region.decide';
import { RegionEvent } from './region.events';
import { evolveRegion } from './region.evolve';
import { initialRegionState, RegionState } from './region.state';

export const regionDecider: Decider<RegionCommand, RegionEvent, RegionState> = {
  decide: decideRegion,
  evolve: evolveRegion,
  initialState: initialRegionState,
};
