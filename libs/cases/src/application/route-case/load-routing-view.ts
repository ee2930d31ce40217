import { getStore, getTeam, RoutingRuleSet, RoutingView } from '@heard/directory';
import type { EventStore } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { countOpenCasesByOwner } from '../../read-models/case-list/count-open-cases';

const teamsIn = (ruleSet: RoutingRuleSet | null): string[] => {
  if (ruleSet === null) return [];
  const owners = [...ruleSet.rules.map((rule) => rule.owner), ruleSet.defaultOwner];
  return [...new Set(owners.flatMap((owner) => (owner.kind === 'team' ? [owner.teamId] : [])))];
};

/**
 * Reads beforehand everything `route` may ask, so routing itself stays pure. Open-case counts come
 * from case_view, which may trail the reactor by a moment: a burst of cases can still land on
 * one member before the counts catch up.
 */
export async function loadRoutingView(
  store: EventStore,
  dataSource: DataSource,
  ruleSet: RoutingRuleSet | null,
  storeId: string | null,
): Promise<RoutingView> {
  const entry = storeId === null ? null : await getStore(store, storeId);
  const members = new Map<string, readonly string[]>();
  for (const teamId of teamsIn(ruleSet)) {
    members.set(teamId, (await getTeam(store, teamId))?.current.memberIds ?? []);
  }
  const load = await countOpenCasesByOwner(dataSource, [...new Set([...members.values()].flat())]);
  return {
    storeManager: (id) => (id === storeId ? (entry?.current.managerId ?? null) : null),
    teamMembers: (teamId) => members.get(teamId) ?? [],
    openCases: (personId) => load.get(personId) ?? 0,
  };
}
