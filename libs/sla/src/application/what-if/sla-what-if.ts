import { DataSource, EntityManager } from 'typeorm';
import {
  ComplianceGroup,
  ComplianceTarget,
  complianceFigures,
} from '../../domain/compliance/compliance-figures';
import { ReplayedCase, replayCase } from '../../domain/compliance/replay-case';
import { SlaCalendar } from '../../domain/sla-clock';
import { SlaFact } from '../../domain/sla-fact';
import { SlaPolicySet } from '../../domain/sla-policy';
import { ValidPolicies } from '../../policies/validate-policy-set';
import { SlaCaseTerms } from '../../read-models/sla-cases/sla-case-record';
import { calendarOfTerms, policySetOfTerms } from '../../read-models/sla-cases/sla-config-lookup';
import { SlaComplianceCase } from '../../read-models/sla-compliance/sla-compliance-case.entity';
import { SlaComplianceConfig } from '../../read-models/sla-compliance/sla-compliance-config.entity';
import { CompliancePeriod } from '../../read-models/sla-compliance/sla-compliance.query';
import { ComplianceCaseRecord } from '../../read-models/sla-compliance/compliance-case-record';
import {
  complianceRecordOf,
  groupKeysOf,
} from '../../read-models/sla-compliance/sla-compliance.rows';

/** A draft was never published: it has no version of its own. */
export const DRAFT_POLICY_SET_VERSION = -1;

export interface WhatIfRequest extends CompliancePeriod {
  /** Validated as a publish would be. */
  readonly draft: ValidPolicies;
}

export interface WhatIfAnswer {
  /** Cases opened in the period that the replay counted. */
  readonly cases: number;
  /** Their targets under the policies they opened under. */
  readonly actual: readonly ComplianceGroup[];
  /** The same histories under the draft. */
  readonly draft: readonly ComplianceGroup[];
}

const PAGE = 5_000;

interface Terms {
  readonly set: SlaPolicySet;
  readonly calendar: SlaCalendar;
}

/**
 * The recorded histories of the cases opened in [from, to) counted under the policies they
 * opened under and under a draft, as of `now`: both by the same pure fold (outcomes of the
 * recorded policies left out of both), so the two differ by the policies alone. Reads the compact
 * per-case facts of the sla-compliance read model, a page at a time; writes nothing.
 */
export async function slaWhatIf(
  dataSource: DataSource,
  request: WhatIfRequest,
): Promise<WhatIfAnswer> {
  const draftSet: SlaPolicySet = { version: DRAFT_POLICY_SET_VERSION, ...request.draft };
  const now = request.now;
  const actual: ComplianceTarget[] = [];
  const draft: ComplianceTarget[] = [];
  const terms = new Map<string, Promise<Terms>>();
  const termsOf = (t: SlaCaseTerms) => {
    const key = `${t.policySetVersion}|${t.builtInResolution}|${t.calendarId}@${t.calendarVersion}|${t.timeZone}`;
    let found = terms.get(key);
    if (found === undefined) terms.set(key, (found = loadTerms(dataSource.manager, t)));
    return found;
  };
  let cases = 0;
  for await (const page of casesOpenedIn(dataSource, request)) {
    for (const row of page) {
      const record = complianceRecordOf(row);
      if (record.terms === null) continue;
      cases++;
      const { set, calendar } = await termsOf(record.terms);
      const facts: readonly SlaFact[] = record.facts;
      collect(actual, record, replayCase(facts, set, calendar, now));
      collect(draft, record, replayCase(facts, draftSet, calendar, now));
    }
  }
  const at = now.getTime();
  return {
    cases,
    actual: complianceFigures(actual, request.groupBy, at),
    draft: complianceFigures(draft, request.groupBy, at),
  };
}

function collect(
  into: ComplianceTarget[],
  record: ComplianceCaseRecord,
  replayed: ReplayedCase | null,
): void {
  if (replayed === null) return;
  const groups = groupKeysOf(record, replayed.policyId);
  for (const target of replayed.targets) into.push({ ...target, groups });
}

/** Keyset pages of the cases opened in the period, in the scope asked for. */
async function* casesOpenedIn(
  dataSource: DataSource,
  period: CompliancePeriod,
): AsyncGenerator<SlaComplianceCase[]> {
  if (period.regionIds !== null && period.regionIds.length === 0) return;
  let after: { openedAt: string; caseId: string } | null = null;
  for (;;) {
    const query = dataSource
      .getRepository(SlaComplianceCase)
      .createQueryBuilder('c')
      .where('c.opened_at >= :from AND c.opened_at < :to', {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
      });
    if (period.regionIds !== null) {
      query.andWhere('c.region_id IN (:...regionIds)', { regionIds: period.regionIds });
    }
    if (after !== null) {
      query.andWhere(
        '(c.opened_at > :afterAt OR (c.opened_at = :afterAt AND c.case_id > :afterId))',
        { afterAt: after.openedAt, afterId: after.caseId },
      );
    }
    const page = await query
      .orderBy('c.opened_at', 'ASC')
      .addOrderBy('c.case_id', 'ASC')
      .limit(PAGE)
      .getMany();
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = { openedAt: (last.openedAt as Date).toISOString(), caseId: last.caseId };
  }
}

async function loadTerms(manager: EntityManager, terms: SlaCaseTerms): Promise<Terms> {
  const [set, calendar] = await Promise.all([
    policySetOfTerms(manager, terms, SlaComplianceConfig),
    calendarOfTerms(manager, terms, SlaComplianceConfig),
  ]);
  return { set, calendar };
}
