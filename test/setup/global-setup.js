/**
 * Real servers for integration and end-to-end tests.
 * PostgreSQL: TEST_DATABASE_URL if set (CI creates a fresh database), otherwise a fresh database
 * named heard_test_<time> on the local server, dropped in global-teardown.
 */
const { Client } = require('pg');

module.exports = async () => {
  if (process.env.TEST_DATABASE_URL) return;
  const admin = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `heard_test_${Date.now()}_${process.pid}`;
  const client = new Client({ connectionString: admin });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    throw new Error(
      `integration tests need PostgreSQL at ${admin} (set TEST_DATABASE_URL): ${error.message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.HEARD_TEST_CREATED_DATABASE = name;
};
