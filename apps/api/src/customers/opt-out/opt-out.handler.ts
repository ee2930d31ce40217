import { changePreferences, Preferences } from '@heard/customers';
import { Clock, EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../platform/tokens';
import { requireCustomerId } from '../preferences/customer-id';
import { OptOutCommand } from './opt-out.command';

/** Appended before the answer: the next notice decided reads it. */
@CommandHandler(OptOutCommand)
export class OptOutHandler implements ICommandHandler<OptOutCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ customerId, purpose, via }: OptOutCommand): Promise<Preferences | null> {
    requireCustomerId(customerId);
    const at = this.clock.now().toISOString();
    // The customer asks, whether logged in or by their signed link.
    const outcome = await changePreferences(
      this.store,
      { type: 'OptOut', customerId, purpose, via, at },
      { actor: customerId },
    );
    return outcome.preferences;
  }
}
