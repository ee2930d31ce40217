import { ConfigError, loadConfig } from '@heard/config';
import { ROLES, Role } from '@heard/kernel';
import { parseArgs } from 'node:util';
import { heardToken } from './heard-token';

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
    console.error(
      'JWKS_URL or OIDC_ISSUER_URL is set: tokens come from your identity provider, not from Heard',
    );
    return 2;
  }
  const jwtSecret = config.jwtSecret;
  console.log(
    heardToken({ ...config, jwtSecret }, { sub: values.sub, role }, Math.round(hours * 3600)),
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
