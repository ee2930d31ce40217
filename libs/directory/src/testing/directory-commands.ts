import { PutPerson } from '../domain/person/person.commands';
import { PutRegion } from '../domain/region/region.commands';
import { PublishRoutingRules } from '../domain/routing/routing-rules.commands';
import { PutStore } from '../domain/store/store.commands';
import { PutTeam } from '../domain/team/team.commands';

/** Valid commands to vary one field at a time in tests. */
export const AT = '2026-03-01T09:00:00.000Z';
export const LATER = '2026-03-08T09:00:00.000Z';
export const ADMIN = 'admin-1';

export const putRegionCommand = (overrides: Partial<PutRegion> = {}): PutRegion => ({
  type: 'PutRegion',
  regionId: 'R-N',
  name: 'North',
  leadId: 'RM-1',
  at: AT,
  by: ADMIN,
  ...overrides,
});

export const putStoreCommand = (overrides: Partial<PutStore> = {}): PutStore => ({
  type: 'PutStore',
  storeId: 'S-042',
  name: 'Harbour Street',
  regionId: 'R-N',
  timezone: 'Europe/Berlin',
  managerId: 'M-42',
  at: AT,
  by: ADMIN,
  ...overrides,
});

export const putTeamCommand = (overrides: Partial<PutTeam> = {}): PutTeam => ({
  type: 'PutTeam',
  teamId: 'T-cx',
  name: 'Customer care',
  memberIds: ['A-1', 'A-2'],
  queue: 'cx',
  at: AT,
  by: ADMIN,
  ...overrides,
});

export const putPersonCommand = (overrides: Partial<PutPerson> = {}): PutPerson => ({
  type: 'PutPerson',
  personId: 'M-42',
  name: 'Mara Lind',
  roles: ['store_manager'],
  locale: 'de-DE',
  at: AT,
  by: ADMIN,
  ...overrides,
});

export const publishRulesCommand = (
  overrides: Partial<PublishRoutingRules> = {},
): PublishRoutingRules => ({
  type: 'PublishRoutingRules',
  rules: [{ id: 'r-1', match: { kinds: ['complaint'] }, owner: { kind: 'store_manager' } }],
  defaultOwner: { kind: 'team', teamId: 'T-cx' },
  at: AT,
  by: ADMIN,
  ...overrides,
});
