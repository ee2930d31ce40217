import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, EventStore } from '@heard/event-store';
import { receiveFeedback, ReceiveFeedbackOutcome, submissionProblems } from '@heard/feedback';
import { ValidationProblem } from '@heard/http';
import { CLOCK, EVENT_STORE } from '../../platform/tokens';
import { SubmitFeedbackCommand } from './submit-feedback.command';

@CommandHandler(SubmitFeedbackCommand)
export class SubmitFeedbackHandler implements ICommandHandler<SubmitFeedbackCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: SubmitFeedbackCommand): Promise<ReceiveFeedbackOutcome> {
    const { submission, caller } = command;
    // Checked here too so that they answer 400 like the field rules, not 422 like domain refusals.
    const problems = submissionProblems(submission, caller, this.clock.now());
    if (problems.length > 0) throw new ValidationProblem(problems);
    return receiveFeedback({ store: this.store, clock: this.clock }, submission, caller, {
      idempotencyKey: command.idempotencyKey ? { key: command.idempotencyKey } : null,
      correlationId: command.correlationId,
    });
  }
}
