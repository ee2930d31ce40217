import { ConfigError } from './config';
import { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_MASTER_KEY, loadConfig } from './load-config';

const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

const refusal = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('defaults to the embedded store with the development secret announced', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      dataDir: './data',
      eventStore: 'sqlite',
      databaseUrl: null,
      kafkaBrokers: [],
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      usingDevelopmentSecret: true,
      runSubscriptions: true,
      httpAdapter: 'fastify',
      caseMergeWindowHours: 168,
      caseTargetHours: 72,
      logLevel: 'info',
      metricsPort: null,
      readyMaxLagEvents: 1000,
    });
    expect(loadConfig({ READY_MAX_LAG_EVENTS: '0' }).readyMaxLagEvents).toBe(0);
    expect(loadConfig({ READY_MAX_LAG_EVENTS: '10000' }).readyMaxLagEvents).toBe(10_000);
  });

  it('reads where metrics go and how much is logged', () => {
    expect(loadConfig({ METRICS_PORT: '9464', LOG_LEVEL: 'Warn' })).toMatchObject({
      metricsPort: 9464,
      logLevel: 'warn',
    });
  });

  it('reads the scale-out settings', () => {
    const config = loadConfig({
      PORT: '8080',
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://heard@db:5432/heard',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      JWT_SECRET: 's'.repeat(32),
      HEARD_MASTER_KEY: MASTER_KEY,
    });
    expect(config).toMatchObject({
      port: 8080,
      eventStore: 'postgres',
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
    });
    expect(config.usingDevelopmentSecret).toBe(false);
    expect(config).toMatchObject({ masterKey: MASTER_KEY, usingDevelopmentMasterKey: false });
  });

  it('signs opt-out links with OPT_OUT_SECRET, else with a secret derived from the master key', () => {
    const given = loadConfig({ OPT_OUT_SECRET: 'o'.repeat(32) });
    expect(given.optOutSecret).toBe('o'.repeat(32));
    const derived = loadConfig({ HEARD_MASTER_KEY: MASTER_KEY }).optOutSecret;
    expect(derived).toHaveLength(44);
    expect(derived).not.toBe(MASTER_KEY);
    expect(loadConfig({}).optOutSecret).not.toBe(derived);
  });

  it('runs the embedded default on the development master key, announced', () => {
    expect(loadConfig({})).toMatchObject({
      masterKey: DEVELOPMENT_MASTER_KEY,
      newMasterKey: null,
      usingDevelopmentMasterKey: true,
    });
    const next = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ HEARD_NEW_MASTER_KEY: next }).newMasterKey).toBe(next);
  });

  it('reads the JWT settings: defaults, and an OIDC issuer whose tokens Heard checks', () => {
    expect(loadConfig({})).toMatchObject({
      jwksUrl: null,
      oidcIssuerUrl: null,
      jwtIssuer: null,
      jwtAudience: [],
      jwtClockToleranceSeconds: 30,
      jwtRoleClaim: 'role',
      jwksCooldownSeconds: 30,
    });
    const oidc = loadConfig({
      DATABASE_URL: 'postgres://db/heard',
      JWT_SECRET: 's'.repeat(32),
      HEARD_MASTER_KEY: MASTER_KEY,
      OIDC_ISSUER_URL: 'https://sso.example/realms/heard/',
      JWT_ISSUER: 'https://sso.example/realms/heard',
      JWT_AUDIENCE: 'heard-api, heard',
      JWT_CLOCK_TOLERANCE_SECONDS: '0',
      JWT_ROLE_CLAIM: 'realm_access.roles',
    });
    expect(oidc).toMatchObject({
      // tokens come from the provider only: the secret is not used
      jwtSecret: null,
      usingDevelopmentSecret: false,
      oidcIssuerUrl: 'https://sso.example/realms/heard/',
      jwtIssuer: null,
      jwtAudience: ['heard-api', 'heard'],
      jwtClockToleranceSeconds: 0,
      jwtRoleClaim: 'realm_access.roles',
    });
    expect(
      loadConfig({
        JWKS_URL: 'https://sso.example/certs',
        JWT_ISSUER: 'https://sso.example',
        JWT_AUDIENCE: 'heard',
      }),
    ).toMatchObject({ jwtSecret: null, jwtIssuer: 'https://sso.example', jwtAudience: ['heard'] });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ EVENT_STORE: 'mongo' }, 'EVENT_STORE'],
    [{ EVENT_STORE: 'postgres' }, 'DATABASE_URL'],
    [{ EVENT_STORE: 'eventstoredb', JWT_SECRET: 's'.repeat(32) }, 'EVENTSTORE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://db/heard' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ KAFKA_BROKERS: 'kafka' }, 'KAFKA_BROKERS'],
    [{ JWKS_URL: 'not a url' }, 'JWKS_URL'],
    [{ HTTP_ADAPTER: 'koa' }, 'HTTP_ADAPTER'],
    [{ RUN_SUBSCRIPTIONS: 'yes' }, 'RUN_SUBSCRIPTIONS'],
    [{ CASE_TARGET_HOURS: '0' }, 'CASE_TARGET_HOURS'],
    [{ METRICS_PORT: 'nine' }, 'METRICS_PORT'],
    [{ METRICS_PORT: '3000' }, 'METRICS_PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CASE_MERGE_WINDOW_HOURS: 'a week' }, 'CASE_MERGE_WINDOW_HOURS'],
    [{ SUBSCRIPTIONS_NICE: '20' }, 'SUBSCRIPTIONS_NICE'],
    [{ SUBSCRIPTIONS_NICE: 'low' }, 'SUBSCRIPTIONS_NICE'],
    [{ JWKS_URL: 'https://idp.example/certs', JWT_AUDIENCE: 'heard' }, 'JWT_ISSUER'],
    [{ JWKS_URL: 'https://idp.example/certs', JWT_ISSUER: 'https://idp.example' }, 'JWT_AUDIENCE'],
    [{ OIDC_ISSUER_URL: 'https://idp.example/realms/heard' }, 'JWT_AUDIENCE'],
    [{ OIDC_ISSUER_URL: 'ftp://idp.example', JWT_AUDIENCE: 'heard' }, 'OIDC_ISSUER_URL'],
    [
      {
        OIDC_ISSUER_URL: 'https://a.example',
        JWKS_URL: 'https://a.example/certs',
        JWT_AUDIENCE: 'h',
      },
      'OIDC_ISSUER_URL',
    ],
    [
      { OIDC_ISSUER_URL: 'https://a.example', JWT_ISSUER: 'https://b.example', JWT_AUDIENCE: 'h' },
      'JWT_ISSUER',
    ],
    [{ JWT_CLOCK_TOLERANCE_SECONDS: '-1' }, 'JWT_CLOCK_TOLERANCE_SECONDS'],
    [{ JWT_CLOCK_TOLERANCE_SECONDS: '301' }, 'JWT_CLOCK_TOLERANCE_SECONDS'],
    [{ JWKS_COOLDOWN_SECONDS: '0' }, 'JWKS_COOLDOWN_SECONDS'],
    [{ JWT_ROLE_CLAIM: 'realm_access..roles' }, 'JWT_ROLE_CLAIM'],
    [{ DATABASE_URL: 'postgres://db/heard', JWT_AUDIENCE: 'heard' }, 'JWT_SECRET'],
    [{ READY_MAX_LAG_EVENTS: '-1' }, 'READY_MAX_LAG_EVENTS'],
    [{ READY_MAX_LAG_EVENTS: '10001' }, 'READY_MAX_LAG_EVENTS'],
    [{ READY_MAX_LAG_EVENTS: '1e3' }, 'READY_MAX_LAG_EVENTS'],
    [{ DATABASE_URL: 'postgres://db/heard', JWT_SECRET: 's'.repeat(32) }, 'HEARD_MASTER_KEY'],
    [{ HEARD_MASTER_KEY: Buffer.alloc(16).toString('base64') }, 'HEARD_MASTER_KEY'],
    [{ HEARD_MASTER_KEY: 'not base64 at all, but long enough to be 32!' }, 'HEARD_MASTER_KEY'],
    [{ HEARD_MASTER_KEY: MASTER_KEY, HEARD_NEW_MASTER_KEY: MASTER_KEY }, 'HEARD_NEW_MASTER_KEY'],
    [{ HEARD_NEW_MASTER_KEY: 'short' }, 'HEARD_NEW_MASTER_KEY'],
    [{ OPT_OUT_SECRET: 'too short' }, 'OPT_OUT_SECRET'],
  ])('refuses %j naming %s', (env, variable) => {
    const error = refusal(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});
