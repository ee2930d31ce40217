import { RoutingView } from '@heard/directory';
import { DataSource } from 'typeorm';
import { countOpenCasesByOwner } from '../../read-models/case-list/count-open-cases';
import { RoutingFacts } from './routing-directory';

/**
 * Reads beforehand everything `route` may ask, so routing itself stays pure. Open-case counts come
 * from case_view, which may trail the reactor by a moment: a burst of cases can still land on
 * one member before the counts catch up.
 */
export async function loadRoutingView(
  dataSource: DataSource,
  facts: RoutingFacts,
  storeId: string | null,
): Promise<RoutingView> {
  const { storeEntry, members } = facts;
  const load = await countOpenCasesByOwner(dataSource, [...new Set([...members.values()].flat())]);
  return {
    storeManager: (id) => (id === storeId ? (storeEntry?.current.managerId ?? null) : null),
    teamMembers: (teamId) => members.get(teamId) ?? [],
    openCases: (personId) => load.get(personId) ?? 0,
  };
}
