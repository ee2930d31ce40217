import { ChangeStamp, PublishedRoutingRules, PublishRoutingRules } from '@heard/directory';
import { Actor } from '@heard/kernel';
import { Command } from '@nestjs/cqrs';

export type RuleSetInput = Omit<PublishRoutingRules, 'type' | keyof ChangeStamp>;

export class PublishRoutingRulesCommand extends Command<PublishedRoutingRules> {
  constructor(
    readonly ruleSet: RuleSetInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
