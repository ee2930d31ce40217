import { directoryReadModelsSuite, memorySqliteDatabase } from '../testing';

directoryReadModelsSuite('SQLite in memory', memorySqliteDatabase);
