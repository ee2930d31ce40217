import { requireConfigStamp, unreachable } from '../shared/config-fields';
import { sameJson } from '../shared/same-json';
import { SlaConfigError } from '../shared/sla-config-error';
import { SlaPoliciesCommand } from './sla-policies.commands';
import { SlaPoliciesEvent } from './sla-policies.events';
import { SlaPoliciesState } from './sla-policies.state';
import { validatePolicySet } from './validate-policy-set';

export function decideSlaPolicies(
  command: SlaPoliciesCommand,
  state: SlaPoliciesState,
): SlaPoliciesEvent[] {
  switch (command.type) {
    case 'PublishSlaPolicies': {
      const stamp = requireConfigStamp(command);
      const { policies, defaultPolicy } = validatePolicySet(
        command.policies,
        command.defaultPolicy,
      );
      const current = state.status === 'Published' ? state.policySet : null;
      // Checked before the version so that a retried publish of what is already live is a no-op.
      if (
        current &&
        sameJson(
          { policies, defaultPolicy },
          { policies: current.policies, defaultPolicy: current.defaultPolicy },
        )
      ) {
        return [];
      }
      const currentVersion = current?.version ?? 0;
      if (command.basedOnVersion !== undefined && command.basedOnVersion !== currentVersion) {
        throw new SlaConfigError(
          'sla.policies_version_conflict',
          'basedOnVersion',
          `basedOnVersion is ${command.basedOnVersion} but version ${currentVersion} is live; reload the policies and edit again`,
        );
      }
      const version = currentVersion + 1;
      return [
        { type: 'SlaPoliciesPublished', data: { version, policies, defaultPolicy, ...stamp } },
      ];
    }
    default:
      return unreachable(command.type, 'SLA policies command');
  }
}
