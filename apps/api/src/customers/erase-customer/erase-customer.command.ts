import { Actor } from '@heard/kernel';
import { Command } from '@nestjs/cqrs';
import { ErasureResponse } from './erasure.response';

export class EraseCustomerCommand extends Command<ErasureResponse> {
  constructor(
    readonly customerId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
