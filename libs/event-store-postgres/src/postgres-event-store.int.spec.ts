import { eventStoreConformance } from '@heard/event-store/testing';
import { PostgresEventStore } from './postgres-event-store';
import { testSchemaName } from './testing/test-schema';

// Reads stop at the oldest transaction open anywhere on the server: while another suite holds
// transactions open (postgres-ordering holds them for up to 2 s), a wait here lasts that long.
jest.setTimeout(30_000);

eventStoreConformance({
  name: 'postgres',
  create: (clock) =>
    PostgresEventStore.open({
      connectionString: process.env.TEST_DATABASE_URL,
      schema: testSchemaName('conformance'),
      clock,
    }),
});
