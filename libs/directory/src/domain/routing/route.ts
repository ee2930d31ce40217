import { matchesRule } from './match-rule';
import { resolveOwner } from './resolve-owner';
import { RoutingDecision, RoutingInput, RoutingView, SkippedRule } from './routing-decision';
import { DEFAULT_RULE_ID, RoutingRuleSet } from './routing-rule';

const skippedNote = (skipped: readonly SkippedRule[]): string =>
  skipped.map((s) => `; skipped rule ${s.ruleId}: ${s.why}`).join('');

/** The first matching rule whose owner resolves wins; otherwise the default owner takes the case. */
export function route(
  input: RoutingInput,
  ruleSet: RoutingRuleSet,
  view: RoutingView,
): RoutingDecision {
  const version = ruleSet.version;
  const skipped: SkippedRule[] = [];
  for (const rule of ruleSet.rules) {
    if (!matchesRule(rule.match, input)) continue;
    const resolution = resolveOwner(rule.owner, input, view);
    if (!resolution.resolved) {
      skipped.push({ ruleId: rule.id, why: resolution.why });
      continue;
    }
    return {
      ownerId: resolution.ownerId,
      teamId: resolution.teamId,
      ownerKind: rule.owner.kind,
      ruleId: rule.id,
      rulesVersion: version,
      reason: `${resolution.because} (rule ${rule.id}, version ${version})${skippedNote(skipped)}`,
      skipped,
    };
  }
  const fallback = resolveOwner(ruleSet.defaultOwner, input, view);
  const lead = skipped.length === 0 ? 'no rule matched; ' : '';
  const because = fallback.resolved
    ? fallback.because
    : `${fallback.why}, so the case waits unassigned in its queue`;
  return {
    ownerId: fallback.resolved ? fallback.ownerId : null,
    teamId: fallback.teamId,
    ownerKind: ruleSet.defaultOwner.kind,
    ruleId: DEFAULT_RULE_ID,
    rulesVersion: version,
    reason: `${lead}${because} (default rule, version ${version})${skippedNote(skipped)}`,
    skipped,
  };
}
