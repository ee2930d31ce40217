import { projectionRunnerSuite, sqliteFileDatabase } from '../testing';

projectionRunnerSuite('a SQLite file', sqliteFileDatabase);
