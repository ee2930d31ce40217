import { Clock, EventStore } from '@heard/event-store';
import { publishedOfState, publishSlaPolicies, validatePolicySet } from '@heard/sla';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../../platform/tokens';
import { asBadRequest } from '../../shared/as-bad-request';
import { PublishSlaPoliciesCommand } from './publish-sla-policies.command';

@CommandHandler(PublishSlaPoliciesCommand)
export class PublishSlaPoliciesHandler implements ICommandHandler<PublishSlaPoliciesCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ policySet, actor }: PublishSlaPoliciesCommand) {
    asBadRequest(() => validatePolicySet(policySet.policies, policySet.defaultPolicy));
    const result = await publishSlaPolicies(this.store, {
      type: 'PublishSlaPolicies',
      ...policySet,
      at: this.clock.now().toISOString(),
      by: actor.id,
    });
    return publishedOfState(result.state);
  }
}
