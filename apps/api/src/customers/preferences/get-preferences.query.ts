import { Query } from '@nestjs/cqrs';
import { PreferencesResponse } from './preferences.response.dto';

export class GetPreferencesQuery extends Query<PreferencesResponse> {
  constructor(readonly customerId: string) {
    super();
  }
}
