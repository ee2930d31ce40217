import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { RuleOwner } from '../../domain/routing/routing-rule';
import { PublishRoutingRules } from '../../domain/routing/routing-rules.commands';
import { routingRulesDecider } from '../../domain/routing/routing-rules.decider';
import { RoutingRulesEvent } from '../../domain/routing/routing-rules.events';
import {
  RoutingRulesState,
  ROUTING_RULES_STREAM_ID,
} from '../../domain/routing/routing-rules.state';
import { validateRuleSet } from '../../domain/routing/validate-rule-set';
import { CommandContext, stampEnvelope } from '../command-context';
import { requirePerson, requireTeam } from '../references';

async function requireOwner(
  eventStore: EventStore,
  owner: RuleOwner,
  field: string,
): Promise<void> {
  if (owner.kind === 'person') await requirePerson(eventStore, owner.personId, `${field}.personId`);
  if (owner.kind === 'team') await requireTeam(eventStore, owner.teamId, `${field}.teamId`);
}

/** Owners must exist so a decision never names a stranger; match ids may name stores defined later. */
export async function publishRoutingRules(
  eventStore: EventStore,
  command: PublishRoutingRules,
  context: CommandContext = {},
): Promise<HandleResult<RoutingRulesEvent, RoutingRulesState>> {
  const { rules, defaultOwner } = validateRuleSet(command.rules, command.defaultOwner);
  for (const [i, rule] of rules.entries()) {
    await requireOwner(eventStore, rule.owner, `rules[${i}].owner`);
  }
  await requireOwner(eventStore, defaultOwner, 'defaultOwner');
  return handleCommand(eventStore, ROUTING_RULES_STREAM_ID, routingRulesDecider, command, {
    envelope: stampEnvelope(context),
  });
}
