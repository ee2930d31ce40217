import { SlaPolicySet } from '../domain/sla-policy';

/**
 * What applies until a cx_admin publishes policies (version 0): every case — cases are opened for
 * negative feedback — is to be resolved within 72 hours of the clock, then goes to the region's
 * lead and after that to the CX admins, a day each.
 */
export const BUILT_IN_POLICY_SET: SlaPolicySet = {
  version: 0,
  policies: [],
  defaultPolicy: {
    policyId: 'built-in',
    name: 'Negative feedback',
    match: {},
    targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
    warnAt: 0.8,
    escalation: [
      {
        to: { kind: 'region_lead' },
        mode: 'owner',
        target: { duration: 'PT24H', calendar: '24x7' },
      },
      {
        to: { kind: 'cx_admins' },
        mode: 'owner',
        target: { duration: 'PT24H', calendar: '24x7' },
      },
    ],
  },
};
