import { publishedRulesOfResult, publishRoutingRules } from '@heard/directory';
import { Clock, EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../../platform/tokens';
import { changeStampOf } from '../../shared/change-stamp-of';
import { PublishRoutingRulesCommand } from './publish-routing-rules.command';

@CommandHandler(PublishRoutingRulesCommand)
export class PublishRoutingRulesHandler implements ICommandHandler<PublishRoutingRulesCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ruleSet, actor }: PublishRoutingRulesCommand) {
    const stamp = changeStampOf(actor, this.clock);
    const result = await publishRoutingRules(this.store, {
      type: 'PublishRoutingRules',
      ...ruleSet,
      ...stamp,
    });
    return publishedRulesOfResult(result);
  }
}
