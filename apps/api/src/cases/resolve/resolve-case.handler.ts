import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@heard/event-store';
import { EVENT_STORE } from '../../platform/tokens';
import { CaseActions } from '../shared/case-actions.service';
import { requireNamedImprovement } from './named-improvement';
import { ResolveCaseCommand } from './resolve-case.command';

@CommandHandler(ResolveCaseCommand)
export class ResolveCaseHandler implements ICommandHandler<ResolveCaseCommand> {
  constructor(
    private readonly actions: CaseActions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ target, body }: ResolveCaseCommand) {
    const { improvementId } = body;
    return this.actions.run(target, async ({ by, at }) => {
      // Only once the case is known to be visible: a hidden case answers 404 whatever it names.
      if (improvementId !== undefined) await requireNamedImprovement(this.store, improvementId);
      return {
        type: 'ResolveCase',
        by,
        at,
        code: body.code,
        summary: body.summary,
        customerMessage: body.customerMessage,
        ...(improvementId === undefined ? {} : { improvementId }),
      };
    });
  }
}
