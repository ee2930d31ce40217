import { SlaPolicy, TARGET_KINDS, TargetKind, TargetSpec } from '../domain/sla-policy';
import { requireConfigId, requireConfigName } from '../shared/config-fields';
import { SlaConfigError } from '../shared/sla-config-error';
import { SlaPolicyDraft } from './sla-policy-draft';
import { validateEscalation } from './validate-escalation';
import { validatePolicyMatch } from './validate-policy-match';
import { validateTarget } from './validate-target';
import { requireWarnAt } from './warn-at';

function validateTargets(
  draft: SlaPolicyDraft['targets'] | undefined,
  field: string,
): SlaPolicy['targets'] {
  if (typeof draft !== 'object' || draft === null) {
    throw new SlaConfigError(
      'sla.invalid_duration',
      `${field}.resolution`,
      `${field} must give at least a resolution target`,
    );
  }
  const unknown = Object.keys(draft).find((key) => !TARGET_KINDS.includes(key as TargetKind));
  if (unknown !== undefined) {
    throw new SlaConfigError(
      'sla.invalid_duration',
      `${field}.${unknown}`,
      `${field}.${unknown} is not a target; use ${TARGET_KINDS.join(', ')}`,
    );
  }
  const optional = (kind: TargetKind): { [kind: string]: TargetSpec } => {
    const spec = draft[kind];
    return spec === undefined || spec === null
      ? {}
      : { [kind]: validateTarget(spec, `${field}.${kind}`) };
  };
  if (draft.resolution === undefined || draft.resolution === null) {
    throw new SlaConfigError(
      'sla.invalid_duration',
      `${field}.resolution`,
      `${field}.resolution is required: every case is held to a resolution target`,
    );
  }
  return {
    ...optional('firstResponse'),
    ...optional('nextUpdate'),
    resolution: validateTarget(draft.resolution, `${field}.resolution`),
  };
}

export function validatePolicy(draft: SlaPolicyDraft | null | undefined, field: string): SlaPolicy {
  if (typeof draft !== 'object' || draft === null) {
    throw new SlaConfigError('sla.invalid_list', field, `${field} must be a policy object`);
  }
  return {
    policyId: requireConfigId(draft.policyId, `${field}.policyId`),
    name: requireConfigName(draft.name, `${field}.name`),
    match: validatePolicyMatch(draft.match, `${field}.match`),
    targets: validateTargets(draft.targets, `${field}.targets`),
    warnAt: requireWarnAt(draft.warnAt, `${field}.warnAt`),
    escalation: validateEscalation(draft.escalation, `${field}.escalation`),
  };
}
