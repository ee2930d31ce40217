import { eventStoreConformance } from '@heard/event-store/testing';
import { PostgresEventStore } from './postgres-event-store';
import { testSchemaName } from './test-database';

eventStoreConformance({
  name: 'postgres',
  create: (clock) =>
    PostgresEventStore.open({
      connectionString: process.env.TEST_DATABASE_URL,
      schema: testSchemaName('conformance'),
      clock,
    }),
});
