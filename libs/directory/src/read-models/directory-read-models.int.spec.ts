import { postgresSchemaDatabase } from '@heard/projections/testing';
import { directoryReadModelsSuite } from '../testing';

directoryReadModelsSuite(
  'PostgreSQL',
  postgresSchemaDatabase(process.env.TEST_DATABASE_URL ?? 'postgres://unset'),
);
