import type { Decider } from '@heard/event-store';
import { SlaPoliciesCommand } from './sla-policies.commands';
import { decideSlaPolicies } from './sla-policies.decide';
import { SlaPoliciesEvent } from './sla-policies.events';
import { evolveSlaPolicies } from './sla-policies.evolve';
import { initialSlaPoliciesState, SlaPoliciesState } from './sla-policies.state';

export const slaPoliciesDecider: Decider<SlaPoliciesCommand, SlaPoliciesEvent, SlaPoliciesState> = {
  decide: decideSlaPolicies,
  evolve: evolveSlaPolicies,
  initialState: initialSlaPoliciesState,
};
