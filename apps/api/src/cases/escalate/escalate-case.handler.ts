import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@heard/event-store';
import { EVENT_STORE } from '../../platform/tokens';
import { CaseActions } from '../shared/case-actions.service';
import { requireStaffPerson } from '../shared/staff-person';
import { EscalateCaseCommand } from './escalate-case.command';

/** The person escalated to must exist; from then on they may read and work the case. */
@CommandHandler(EscalateCaseCommand)
export class EscalateCaseHandler implements ICommandHandler<EscalateCaseCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actions: CaseActions,
  ) {}

  execute({ target, body }: EscalateCaseCommand) {
    return this.actions.run(target, async ({ by, at }) => {
      // A customer is refused by the decider; checking the directory first would leak it.
      if (by.role !== 'customer') {
        await requireStaffPerson(this.store, body.to, 'to', 'case.unknown_escalation_target');
      }
      return { type: 'EscalateCase', by, at, to: body.to, reason: body.reason };
    });
  }
}
