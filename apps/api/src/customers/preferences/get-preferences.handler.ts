import { getPreferences } from '@heard/customers';
import { EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../platform/tokens';
import { requireCustomerId } from './customer-id';
import { GetPreferencesQuery } from './get-preferences.query';
import { presentPreferences, PreferencesResponse } from './preferences.response.dto';

@QueryHandler(GetPreferencesQuery)
export class GetPreferencesHandler implements IQueryHandler<GetPreferencesQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ customerId }: GetPreferencesQuery): Promise<PreferencesResponse> {
    requireCustomerId(customerId);
    return presentPreferences(customerId, await getPreferences(this.store, customerId));
  }
}
