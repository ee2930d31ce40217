import { Inject, Injectable } from '@nestjs/common';
import { ActiveCase, Actor as CaseActor, CaseCommand, workOnCase } from '@heard/cases';
import { caseVisibleTo } from '@heard/cases/subscriptions';
import { Clock, EventStore } from '@heard/event-store';
import { CLOCK, EVENT_STORE } from '../../platform/tokens';
import { CaseAccess } from './case-access';
import { CaseActionTarget } from './case-action';
import { caseSummaryOfState } from './case-summary.response';
import { CaseAnswer, caseSummaryFor } from './customer-case-summary.response';

export interface ActionContext {
  readonly by: CaseActor;
  readonly at: string;
  readonly state: ActiveCase;
}

/** Builds the command once the case is known to be visible; may ask the directory first. */
export type BuildCommand = (context: ActionContext) => CaseCommand | Promise<CaseCommand>;

/** Runs one person's action on a case: scope, If-Match version and the domain's rules, in that order. */
@Injectable()
export class CaseActions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: CaseAccess,
  ) {}

  async run(target: CaseActionTarget, build: BuildCommand): Promise<CaseAnswer> {
    const scope = await this.access.scopeOf(target.actor);
    const by: CaseActor = { id: target.actor.id, role: target.actor.role };
    const result = await workOnCase(this.store, {
      caseId: target.caseId,
      expectedVersion: target.expectedVersion,
      canSee: (state) => caseVisibleTo(scope, state),
      command: (state) => build({ by, at: this.clock.now().toISOString(), state }),
      actor: target.actor.id,
    });
    return caseSummaryFor(by, caseSummaryOfState(result.state, result.version, result.updatedAt));
  }
}
