import { Decider } from '@heard/event-store';
import { ImprovementEvent } from '../improvement.events';
import { ImprovementCommand } from './improvement.commands';
import { decideImprovement } from './improvement.decide';
import { evolveImprovement } from './improvement.evolve';
import { ImprovementState, initialImprovementState } from './improvement.state';

export const improvementDecider: Decider<ImprovementCommand, ImprovementEvent, ImprovementState> = {
  decide: decideImprovement,
  evolve: evolveImprovement,
  initialState: initialImprovementState,
};
