/** Drops the database global-setup created (CI drops its own). */
const { Client } = require('pg');

module.exports = async () => {
  const name = process.env.HEARD_TEST_CREATED_DATABASE;
  if (!name) return;
  const client = new Client({
    connectionString:
      process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
};
