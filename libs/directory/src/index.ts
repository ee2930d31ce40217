export * from './domain/shared/directory-error';
export * from './domain/shared/change-stamp';
export * from './domain/shared/snapshot-state';
// Field rules, so the HTTP edge can refuse bad input with a 400 in the domain's own words.
export { requireId } from './domain/shared/ids';
export { requireLocale } from './domain/shared/locale';
export { requireName } from './domain/shared/text';
export { requireTimezone } from './domain/shared/timezone';

export * from './domain/region/region.events';
export * from './domain/region/region.commands';
export * from './domain/region/region.state';
export * from './domain/region/region.decider';

export * from './domain/store/store.events';
export * from './domain/store/store.commands';
export * from './domain/store/store.state';
export * from './domain/store/store.decider';

export * from './domain/team/team.events';
export * from './domain/team/team.commands';
export * from './domain/team/team.state';
export * from './domain/team/team.decider';

export * from './domain/person/role';
export * from './domain/person/person.events';
export * from './domain/person/person.commands';
export * from './domain/person/person.state';
export * from './domain/person/person.decider';

export * from './domain/routing/vocabulary';
export * from './domain/routing/routing-rule';
export * from './domain/routing/routing-rule-draft';
export * from './domain/routing/routing-rules.events';
export * from './domain/routing/routing-rules.commands';
export * from './domain/routing/routing-rules.state';
export * from './domain/routing/routing-rules.decider';
export * from './domain/routing/validate-rule-set';
export * from './domain/routing/routing-decision';
export * from './domain/routing/route';

export * from './application/command-context';
export * from './application/directory-entry';
export * from './application/entry-of-result';
export * from './application/published-rules-of-result';
export * from './application/put-region/put-region.handler';
export * from './application/put-store/put-store.handler';
export * from './application/put-store/store-references';
export * from './application/put-team/put-team.handler';
export * from './application/put-person/put-person.handler';
export * from './application/publish-routing-rules/publish-routing-rules.handler';
export * from './application/queries/get-region.query';
export * from './application/queries/get-store.query';
export * from './application/queries/get-team.query';
export * from './application/queries/get-person.query';
export * from './application/queries/load-routing-rules.query';
