import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, EventStore } from '@heard/event-store';
import { BatchItem, BatchItemResult, receiveBatch } from '@heard/feedback';
import { CLOCK, EVENT_STORE } from '../../platform/tokens';
import { SubmitBatchCommand } from './submit-batch.command';
import { validateItem } from './validate-item';

@CommandHandler(SubmitBatchCommand)
export class SubmitBatchHandler implements ICommandHandler<SubmitBatchCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SubmitBatchCommand): Promise<BatchItemResult[]> {
    const items: BatchItem[] = [];
    for (const raw of command.items) items.push(await validateItem(raw));
    return receiveBatch({ store: this.store, clock: this.clock }, items, command.caller, {
      idempotencyKey: command.idempotencyKey,
      correlationId: command.correlationId,
    });
  }
}
