import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { PublishSlaPolicies } from './sla-policies.commands';
import { slaPoliciesDecider } from './sla-policies.decider';
import { SlaPoliciesEvent } from './sla-policies.events';
import { SlaPoliciesState, SLA_POLICIES_STREAM_ID } from './sla-policies.state';
import { ConfigCommandContext, configEnvelope } from '../shared/config-envelope';
import { requirePolicyReferences } from './policy-references';
import { validatePolicySet } from './validate-policy-set';

export async function publishSlaPolicies(
  eventStore: EventStore,
  command: PublishSlaPolicies,
  context: ConfigCommandContext = {},
): Promise<HandleResult<SlaPoliciesEvent, SlaPoliciesState>> {
  validatePolicySet(command.policies, command.defaultPolicy);
  await requirePolicyReferences(eventStore, command.policies, command.defaultPolicy);
  return handleCommand(eventStore, SLA_POLICIES_STREAM_ID, slaPoliciesDecider, command, {
    envelope: configEnvelope(context),
  });
}
