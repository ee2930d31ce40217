import { SlaPolicy, SlaPolicySet } from './sla-policy';
import { targetDurationMs } from './target-duration';

export const BUILT_IN_POLICY_ID = 'built-in-default';
export const DEFAULT_WARN_AT = 0.8;
const DEFAULT_RESOLUTION_HOURS = 72;
const HOUR_MS = 3600_000;

/**
 * What applies until a cx_admin publishes policies (version 0): every case (cases open only for
 * negative feedback) is to be resolved within 72 hours, counted 24x7; a breach hands it to the
 * region's lead, and a breach of theirs brings in the CX admins beside them, since admins are a
 * role rather than someone who can own a case. `resolutionHours` is CASE_TARGET_HOURS.
 */
export function builtInPolicySet(resolutionHours = DEFAULT_RESOLUTION_HOURS): SlaPolicySet {
  const defaultPolicy: SlaPolicy = {
    policyId: BUILT_IN_POLICY_ID,
    name: `Negative feedback: resolved within ${resolutionHours} hours`,
    match: {},
    targets: { resolution: { duration: hoursAsDuration(resolutionHours), calendar: '24x7' } },
    warnAt: DEFAULT_WARN_AT,
    escalation: [
      {
        to: { kind: 'region_lead' },
        mode: 'owner',
        target: { duration: 'PT24H', calendar: '24x7' },
      },
      {
        to: { kind: 'cx_admins' },
        mode: 'watcher',
        target: { duration: 'PT24H', calendar: '24x7' },
      },
    ],
  };
  return { version: 0, policies: [], defaultPolicy };
}

export const BUILT_IN_POLICY_SET: SlaPolicySet = builtInPolicySet();

/** The built-in set as a case recorded it (SlaApplied.builtInResolution); 72 hours if it did not. */
export const builtInPolicySetFor = (resolution: string | null | undefined): SlaPolicySet =>
  resolution == null
    ? BUILT_IN_POLICY_SET
    : builtInPolicySet(targetDurationMs(resolution) / HOUR_MS);

/** Whole hours as `PTnH`; a fraction (CASE_TARGET_HOURS=0.001 in tests) as seconds to the ms. */
function hoursAsDuration(hours: number): string {
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new RangeError(`resolution hours must be above 0 (got ${hours})`);
  }
  const ms = Math.max(1, Math.round(hours * HOUR_MS));
  return ms % HOUR_MS === 0 ? `PT${ms / HOUR_MS}H` : `PT${ms / 1000}S`;
}
