import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CaseEscalationView } from '../case-view/case-escalation-view.entity';
import { ScopeFilter } from './case-scope.filter';

/** Adds the filter to a query on case_view aliased `alias`; parameters are named, never inlined. */
export function applyScopeFilter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  filter: ScopeFilter,
): SelectQueryBuilder<T> {
  if (filter.kind === 'all') return query;
  if (filter.kind === 'none' || filter.conditions.length === 0) return query.andWhere('1 = 0');
  return query.andWhere(
    new Brackets((where) => {
      filter.conditions.forEach((condition, i) => {
        const name = `scope${i}`;
        const column = `${alias}.${condition.field}`;
        if ('contains' in condition) {
          const escalated = query
            .subQuery()
            .select('e.caseId')
            .from(CaseEscalationView, 'e')
            .where(`e.personId = :${name}`)
            .getQuery();
          where.orWhere(`${alias}.caseId IN ${escalated}`, { [name]: condition.contains });
        } else if ('equals' in condition) {
          where.orWhere(`${column} = :${name}`, { [name]: condition.equals });
        } else {
          where.orWhere(`${column} IN (:...${name})`, { [name]: [...condition.in] });
        }
      });
    }),
  );
}
