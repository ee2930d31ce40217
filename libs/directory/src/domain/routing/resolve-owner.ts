import { unreachable } from '../shared/unreachable';
import { leastLoaded } from './least-loaded';
import { RoutingInput, RoutingView } from './routing-decision';
import { RuleOwner } from './routing-rule';

export type Resolution =
  | {
      readonly resolved: true;
      readonly ownerId: string;
      readonly teamId: string | null;
      readonly because: string;
    }
  | { readonly resolved: false; readonly teamId: string | null; readonly why: string };

const cases = (n: number): string => `${n} open case${n === 1 ? '' : 's'}`;

export function resolveOwner(owner: RuleOwner, input: RoutingInput, view: RoutingView): Resolution {
  switch (owner.kind) {
    case 'store_manager': {
      if (input.storeId === null)
        return { resolved: false, teamId: null, why: 'the case has no store' };
      const managerId = view.storeManager(input.storeId);
      if (managerId === null) {
        return { resolved: false, teamId: null, why: `store ${input.storeId} has no manager` };
      }
      return {
        resolved: true,
        ownerId: managerId,
        teamId: null,
        because: `store ${input.storeId}'s manager is ${managerId}`,
      };
    }
    case 'person':
      return {
        resolved: true,
        ownerId: owner.personId,
        teamId: null,
        because: `${owner.personId} is named as owner`,
      };
    case 'team': {
      const pick = leastLoaded(view.teamMembers(owner.teamId), (id) => view.openCases(id));
      if (pick === null) {
        return {
          resolved: false,
          teamId: owner.teamId,
          why: `team ${owner.teamId} has no members`,
        };
      }
      const tie =
        pick.tiedWith.length > 0 ? `, tied with ${pick.tiedWith.join(', ')} and first by id` : '';
      return {
        resolved: true,
        ownerId: pick.personId,
        teamId: owner.teamId,
        because: `${pick.personId} has the fewest open cases in team ${owner.teamId} (${cases(pick.openCases)}${tie})`,
      };
    }
    default:
      return unreachable(owner, 'rule owner');
  }
}
