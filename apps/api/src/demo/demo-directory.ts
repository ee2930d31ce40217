/** A small realistic chain: two regions, three stores with managers, one care team. */
export const DEMO_PEOPLE = [
  { personId: 'RM-1', name: 'Olena Kovalenko', roles: ['regional_manager'], locale: 'uk-UA' },
  { personId: 'RM-2', name: 'Dmitri Sokolov', roles: ['regional_manager'], locale: 'ru-RU' },
  { personId: 'M-1', name: 'Iryna Melnyk', roles: ['store_manager'], locale: 'uk-UA' },
  { personId: 'M-2', name: 'Taras Bondar', roles: ['store_manager'], locale: 'uk-UA' },
  { personId: 'M-42', name: 'Anna Petrova', roles: ['store_manager'], locale: 'ru-RU' },
  { personId: 'A-1', name: 'Sam Carter', roles: ['agent'], locale: 'en-GB' },
  { personId: 'A-2', name: 'Maria Shevchenko', roles: ['agent'], locale: 'uk-UA' },
  { personId: 'admin-1', name: 'CX Lead', roles: ['cx_admin'], locale: 'en-GB' },
] as const;

export const DEMO_REGIONS = [
  { regionId: 'R-WEST', name: 'West', leadId: 'RM-1' },
  { regionId: 'R-SOUTH', name: 'South', leadId: 'RM-2' },
] as const;

export const DEMO_STORES = [
  {
    storeId: 'S-001',
    name: 'Lviv Rynok Square',
    regionId: 'R-WEST',
    timezone: 'Europe/Kyiv',
    managerId: 'M-1',
  },
  {
    storeId: 'S-002',
    name: 'Lviv Sykhiv',
    regionId: 'R-WEST',
    timezone: 'Europe/Kyiv',
    managerId: 'M-2',
  },
  {
    storeId: 'S-042',
    name: 'Odesa Privoz',
    regionId: 'R-SOUTH',
    timezone: 'Europe/Kyiv',
    managerId: 'M-42',
  },
] as const;

export const DEMO_TEAM = {
  teamId: 'T-CARE',
  name: 'Customer care',
  memberIds: ['A-1', 'A-2'],
  queue: 'care',
} as const;

/** Food safety goes to the care team; everything else to the store's manager; the team catches the rest. */
export const DEMO_RULES = {
  rules: [
    {
      id: 'food-safety',
      description: 'Food safety is handled centrally',
      match: { categories: ['food_safety'] },
      owner: { kind: 'team', teamId: 'T-CARE' },
    },
    {
      id: 'store-manager',
      description: "A store's feedback goes to its manager",
      match: {},
      owner: { kind: 'store_manager' },
    },
  ],
  defaultOwner: { kind: 'team', teamId: 'T-CARE' },
} as const;
