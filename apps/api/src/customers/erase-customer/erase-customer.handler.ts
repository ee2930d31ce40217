import { DataKeyTable, eraseCustomer, PersonalDataPort } from '@heard/customers';
import { Clock, EventStore } from '@heard/event-store';
import { PERSONAL_READ_MODELS } from '@heard/feedback/read-models';
import { DomainError } from '@heard/kernel';
import { compactReadModels, readModelsReached } from '@heard/runtime';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, DATA_KEYS, EVENT_STORE, PERSONAL_DATA, READ_MODELS } from '../../platform/tokens';
import { EraseCustomerCommand } from './erase-customer.command';
import { ErasureResponse } from './erasure.response';

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@|-]{0,199}$/;

/** How long an erasure waits for the read models before it answers `pending`. */
const READ_MODELS_DEADLINE_MS = 15_000;

@CommandHandler(EraseCustomerCommand)
export class EraseCustomerHandler implements ICommandHandler<EraseCustomerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalDataPort,
    @Inject(DATA_KEYS) private readonly keys: DataKeyTable,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ customerId, actor }: EraseCustomerCommand): Promise<ErasureResponse> {
    if (!CUSTOMER_ID.test(customerId))
      throw new DomainError(
        'customers.invalid_id',
        'id must be 1–200 letters, digits or . _ : @ | - as customer ids are',
        'invalid',
        'id',
      );
    const deps = { store: this.store, personal: this.personal, clock: this.clock };
    const outcome = await eraseCustomer(deps, customerId, actor.id);
    await this.keys.compact();
    const reached = await readModelsReached(
      this.readModels,
      PERSONAL_READ_MODELS.projection,
      outcome.position,
      READ_MODELS_DEADLINE_MS,
    );
    if (reached) await compactReadModels(this.readModels, PERSONAL_READ_MODELS.entities);
    return {
      customerId,
      keysDeleted: outcome.keysDeleted,
      readModels: reached ? 'redacted' : 'pending',
    };
  }
}
