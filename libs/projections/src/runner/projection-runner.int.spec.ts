import { postgresSchemaDatabase, projectionRunnerSuite } from '../testing';

projectionRunnerSuite(
  'PostgreSQL',
  postgresSchemaDatabase(process.env.TEST_DATABASE_URL ?? 'postgres://unset'),
);
