import { Command } from '@nestjs/cqrs';
import { BatchItemResult } from '@heard/feedback';
import { Principal } from '@heard/http';
import { RawItem } from './parse-batch-body';

export class SubmitBatchCommand extends Command<BatchItemResult[]> {
  constructor(
    readonly items: readonly RawItem[],
    readonly caller: Principal,
    readonly idempotencyKey: string | null,
    readonly correlationId: string | null,
  ) {
    super();
  }
}
