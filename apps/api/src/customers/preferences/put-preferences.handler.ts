import { changePreferences, ConsentPurpose } from '@heard/customers';
import { Clock, EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../platform/tokens';
import { requireCustomerId } from './customer-id';
import { presentPreferences, PreferencesResponse } from './preferences.response.dto';
import { PutPreferencesCommand } from './put-preferences.command';

@CommandHandler(PutPreferencesCommand)
export class PutPreferencesHandler implements ICommandHandler<PutPreferencesCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    customerId,
    request,
    actor,
  }: PutPreferencesCommand): Promise<PreferencesResponse> {
    requireCustomerId(customerId);
    const consents: Partial<Record<ConsentPurpose, { given: boolean; how: string }>> = {};
    for (const [purpose, consent] of Object.entries(request.consents ?? {}))
      if (consent)
        consents[purpose as ConsentPurpose] = { given: consent.given, how: consent.how ?? 'api' };
    const outcome = await changePreferences(
      this.store,
      {
        type: 'SetPreferences',
        customerId,
        channels: request.channels.map(({ channel, address }) =>
          address === undefined ? { channel } : { channel, address },
        ),
        locale: request.locale ?? null,
        consents,
        quietHours: request.quietHours
          ? {
              from: request.quietHours.from,
              to: request.quietHours.to,
              timeZone: request.quietHours.timeZone,
            }
          : null,
        by: actor.id,
        at: this.clock.now().toISOString(),
      },
      { actor: actor.id },
    );
    return presentPreferences(customerId, outcome.preferences);
  }
}
