import { EscalationLevel, EscalationTarget } from '../domain/sla-policy';
import { requireConfigId } from '../shared/config-fields';
import { SlaConfigError } from '../shared/sla-config-error';
import { EscalationLevelDraft, EscalationTargetDraft } from './sla-policy-draft';
import { validateTarget } from './validate-target';

export const MAX_ESCALATION_LEVELS = 10;
export const ESCALATION_TARGET_KINDS: readonly EscalationTarget['kind'][] = [
  'store_manager',
  'region_lead',
  'person',
  'team',
  'cx_admins',
];
export const ESCALATION_MODES: readonly EscalationLevel['mode'][] = ['owner', 'watcher'];

function validateEscalationTarget(
  draft: EscalationTargetDraft | null | undefined,
  field: string,
): EscalationTarget {
  switch (draft?.kind) {
    case 'store_manager':
    case 'region_lead':
    case 'cx_admins':
      return { kind: draft.kind };
    case 'person':
      return { kind: 'person', personId: requireConfigId(draft.personId, `${field}.personId`) };
    case 'team':
      return { kind: 'team', teamId: requireConfigId(draft.teamId, `${field}.teamId`) };
    default:
      throw new SlaConfigError(
        'sla.invalid_escalation',
        `${field}.kind`,
        `${field}.kind must be one of ${ESCALATION_TARGET_KINDS.join(', ')} (got ${JSON.stringify(draft?.kind)})`,
      );
  }
}

const keyOf = (to: EscalationTarget): string =>
  to.kind === 'person'
    ? `person ${to.personId}`
    : to.kind === 'team'
      ? `team ${to.teamId}`
      : to.kind;

/**
 * Levels are climbed once each, in order, and the last one ends escalation. A target named twice
 * would hand a case back to someone it was already taken from, so the list is refused.
 */
export function validateEscalation(
  drafts: readonly EscalationLevelDraft[] | null | undefined,
  field: string,
): EscalationLevel[] {
  if (drafts === undefined || drafts === null) return [];
  if (!Array.isArray(drafts) || drafts.length > MAX_ESCALATION_LEVELS) {
    throw new SlaConfigError(
      'sla.invalid_list',
      field,
      `${field} must be a list of at most ${MAX_ESCALATION_LEVELS} levels`,
    );
  }
  const seen = new Map<string, number>();
  return drafts.map((draft, i): EscalationLevel => {
    const at = `${field}[${i}]`;
    const to = validateEscalationTarget(draft?.to, `${at}.to`);
    const earlier = seen.get(keyOf(to));
    if (earlier !== undefined) {
      throw new SlaConfigError(
        'sla.escalation_loop',
        `${at}.to`,
        `${at}.to names ${keyOf(to)}, already level ${earlier} of this policy; escalation never goes back to someone`,
      );
    }
    seen.set(keyOf(to), i);
    if (!ESCALATION_MODES.includes(draft.mode as EscalationLevel['mode'])) {
      throw new SlaConfigError(
        'sla.invalid_escalation',
        `${at}.mode`,
        `${at}.mode must be owner (the case changes hands) or watcher (added beside the owner) (got ${JSON.stringify(draft.mode)})`,
      );
    }
    const mode = draft.mode as EscalationLevel['mode'];
    return { to, mode, target: validateTarget(draft.target, `${at}.target`) };
  });
}
