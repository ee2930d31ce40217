import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { EVENT_STORE } from '../../platform/tokens';
import { CaseActions } from '../shared/case-actions.service';
import { AssignCaseCommand } from './assign-case.command';
import { requireAssignee } from './assignee';

/** Reassignment by hand: recorded as assigned by the person, with their reason. */
@CommandHandler(AssignCaseCommand)
export class AssignCaseHandler implements ICommandHandler<AssignCaseCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actions: CaseActions,
  ) {}

  execute({ target, body }: AssignCaseCommand) {
    // Checked once the case is known to be the caller's: before that, a 422 would tell anyone
    // with a case role which people and teams exist.
    return this.actions.run(target, async ({ by, at, state }) => {
      // The domain's AssignCase carries no actor role, so the edge keeps customers out.
      if (by.role === 'customer') {
        throw new DomainError('case.forbidden', 'only staff can assign a case', 'forbidden');
      }
      await requireAssignee(this.store, body.ownerId, body.teamId);
      return {
        type: 'AssignCase',
        ownerId: body.ownerId,
        teamId: body.teamId === undefined ? state.teamId : body.teamId,
        assignedBy: { kind: 'person', personId: by.id },
        reason: body.reason ?? 'assigned by hand',
        at,
      };
    });
  }
}
