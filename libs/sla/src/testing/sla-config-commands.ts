import { PutCalendar } from '../calendars/calendar.commands';
import { PublishSlaPolicies } from '../policies/sla-policies.commands';
import { SlaPolicyDraft } from '../policies/sla-policy-draft';

/** Valid commands to vary one field at a time in tests. */
export const AT = '2026-03-01T09:00:00.000Z';
export const LATER = '2026-03-08T09:00:00.000Z';
export const ADMIN = 'admin-1';

export const urgentPolicy = (overrides: Partial<SlaPolicyDraft> = {}): SlaPolicyDraft => ({
  policyId: 'urgent',
  name: 'Urgent complaints',
  match: { priorities: ['urgent'], kinds: ['complaint'] },
  targets: {
    firstResponse: { duration: 'PT15M', calendar: '24x7' },
    resolution: { duration: 'PT4H', calendar: 'business' },
  },
  warnAt: 0.75,
  escalation: [
    {
      to: { kind: 'store_manager' },
      mode: 'watcher',
      target: { duration: 'PT2H', calendar: '24x7' },
    },
    {
      to: { kind: 'team', teamId: 'T-cx' },
      mode: 'owner',
      target: { duration: 'PT4H', calendar: '24x7' },
    },
  ],
  ...overrides,
});

export const defaultPolicy = (overrides: Partial<SlaPolicyDraft> = {}): SlaPolicyDraft => ({
  policyId: 'standard',
  name: 'Everything else',
  targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
  escalation: [
    { to: { kind: 'region_lead' }, mode: 'owner', target: { duration: 'PT24H', calendar: '24x7' } },
  ],
  ...overrides,
});

export const publishPoliciesCommand = (
  overrides: Partial<PublishSlaPolicies> = {},
): PublishSlaPolicies => ({
  type: 'PublishSlaPolicies',
  policies: [urgentPolicy()],
  defaultPolicy: defaultPolicy(),
  at: AT,
  by: ADMIN,
  ...overrides,
});

export const putCalendarCommand = (overrides: Partial<PutCalendar> = {}): PutCalendar => ({
  type: 'PutCalendar',
  calendarId: 'kyiv-stores',
  timeZone: 'Europe/Kyiv',
  week: {
    mon: [{ from: '08:00', to: '20:00' }],
    fri: [
      { from: '08:00', to: '13:00' },
      { from: '14:00', to: '24:00' },
    ],
    sat: [{ from: '22:00', to: '02:00' }],
  },
  specialDays: [
    { date: '2026-12-25', hours: [], name: 'Christmas' },
    { date: '2026-12-24', hours: [{ from: '08:00', to: '14:00' }] },
  ],
  at: AT,
  by: ADMIN,
  ...overrides,
});
