import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who each case was escalated to, one row per case and person: the list finds a person's
 * escalated cases by an index instead of searching the JSON in case_view. Rows are never
 * removed; an escalation stays part of the case's history.
 */
@Entity('case_escalation_view')
@Index('case_escalation_view_person_idx', ['personId'])
export class CaseEscalationView {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 200 })
  personId!: string;
}
