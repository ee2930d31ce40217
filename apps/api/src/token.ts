import { ConfigError, loadConfig } from '@heard/config';
import { signHs256 } from '@heard/http';
import { ROLES, Role } from '@heard/kernel';
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> --sub <id> [--hours 24]`;

/** `npm run token -- --role store_manager --sub m-42`: a token signed with the configured secret, for trying things. */
function main(): number {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      hours: { type: 'string', default: '24' },
    },
    strict: true,
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role) || !values.sub) {
    console.error(USAGE);
    return 2;
  }
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0) {
    console.error(`--hours must be a positive number\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (!config.jwtSecret) {
    console.error('JWKS_URL is set: tokens come from your identity provider, not from Heard');
    return 2;
  }
  const now = Math.floor(Date.now() / 1000);
  console.log(
    signHs256(
      { sub: values.sub, role, iat: now, exp: now + Math.round(hours * 3600) },
      config.jwtSecret,
    ),
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof TypeError
      ? `${error.message}\n${USAGE}`
      : error,
  );
  process.exitCode = 2;
}
