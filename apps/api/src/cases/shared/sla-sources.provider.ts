import { Provider } from '@nestjs/common';
import { HeardConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { builtInPolicySet, SlaSources } from '@heard/sla';
import { EVENT_STORE, HEARD_CONFIG } from '../../platform/tokens';

/** Policy sets and calendars by version, one object each, for every case the API counts. */
export const slaSourcesProvider: Provider = {
  provide: SlaSources,
  useFactory: (store: EventStore, config: HeardConfig) =>
    new SlaSources(store, builtInPolicySet(config.caseTargetHours)),
  inject: [EVENT_STORE, HEARD_CONFIG],
};
