/**
 * Child process of the SLA kill test: fires every due SLA timer of the given read models over a
 * SQLite event store, in small batches so that there are many to die between, then prints `done`.
 * Usage: fire-timers-until-done <events.sqlite> <read-model connection as JSON>
 */
import 'reflect-metadata';
import { systemClock } from '@heard/event-store';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { openReadModels, ReadModelConnection } from '@heard/projections/testing';
import { SlaTimerPoller } from '../application/fire-timers/sla-timer-poller';
import { SlaSources } from '../application/sla-sources';
import { builtInPolicySet } from '../domain/built-in-policy-set';
import { slaCasesProjection } from '../read-models/sla-cases/sla-cases.projection';

async function main(eventsFile: string, connection: ReadModelConnection): Promise<void> {
  const store = new SqliteEventStore(eventsFile);
  const dataSource = await openReadModels(connection, slaCasesProjection.entities);
  const poller = new SlaTimerPoller({
    store,
    dataSource,
    clock: systemClock,
    sources: new SlaSources(store, builtInPolicySet()),
    batchSize: 100,
  });
  while ((await poller.tick()) > 0);
  await store.close();
  await dataSource.destroy();
  process.stdout.write('done\n');
}

if (require.main === module) {
  const [eventsFile, connection] = process.argv.slice(2);
  main(eventsFile, JSON.parse(connection) as ReadModelConnection).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
