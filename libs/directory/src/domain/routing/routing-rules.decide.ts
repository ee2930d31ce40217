import { DirectoryError } from '../shared/directory-error';
import { sameJson } from '../shared/same-json';
import { requireStamp } from '../shared/stamp';
import { unreachable } from '../shared/unreachable';
import { RoutingRulesCommand } from './routing-rules.commands';
import { RoutingRulesEvent } from './routing-rules.events';
import { RoutingRulesState } from './routing-rules.state';
import { validateRuleSet } from './validate-rule-set';

export function decideRoutingRules(
  command: RoutingRulesCommand,
  state: RoutingRulesState,
): RoutingRulesEvent[] {
  switch (command.type) {
    case 'PublishRoutingRules': {
      const stamp = requireStamp(command);
      const { rules, defaultOwner } = validateRuleSet(command.rules, command.defaultOwner);
      const current = state.status === 'Published' ? state.ruleSet : null;
      // Checked before the version so that a retried publish of what is already live is a no-op.
      if (
        current &&
        sameJson(
          { rules, defaultOwner },
          { rules: current.rules, defaultOwner: current.defaultOwner },
        )
      ) {
        return [];
      }
      const currentVersion = current?.version ?? 0;
      if (command.basedOnVersion !== undefined && command.basedOnVersion !== currentVersion) {
        throw new DirectoryError(
          'directory.rules_version_conflict',
          'basedOnVersion',
          `basedOnVersion is ${command.basedOnVersion} but version ${currentVersion} is live; reload the rules and edit again`,
        );
      }
      const version = currentVersion + 1;
      return [{ type: 'RoutingRulesPublished', data: { version, rules, defaultOwner, ...stamp } }];
    }
    default:
      return unreachable(command.type, 'routing rules command');
  }
}
