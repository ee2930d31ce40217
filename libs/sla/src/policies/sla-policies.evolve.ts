import { unreachable } from '../shared/config-fields';
import { SlaPoliciesEvent } from './sla-policies.events';
import { SlaPoliciesState } from './sla-policies.state';

export function evolveSlaPolicies(
  _state: SlaPoliciesState,
  event: SlaPoliciesEvent,
): SlaPoliciesState {
  switch (event.type) {
    case 'SlaPoliciesPublished': {
      const { version, policies, defaultPolicy, at, by } = event.data;
      return {
        status: 'Published',
        policySet: { version, policies, defaultPolicy },
        publishedAt: at,
        publishedBy: by,
      };
    }
    default:
      return unreachable(event.type, 'SLA policies event');
  }
}
