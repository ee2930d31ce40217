import { Actor } from '@heard/kernel';
import { Command } from '@nestjs/cqrs';
import { PreferencesResponse } from './preferences.response.dto';
import { PutPreferencesRequest } from './preferences.request.dto';

export class PutPreferencesCommand extends Command<PreferencesResponse> {
  constructor(
    readonly customerId: string,
    readonly request: PutPreferencesRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
