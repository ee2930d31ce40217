import { ConfigError } from './config';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from './load-config';

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
      readyMaxLagEvents: 1000,
    });
    expect(loadConfig({ READY_MAX_LAG_EVENTS: '0' }).readyMaxLagEvents).toBe(0);
    expect(loadConfig({ READY_MAX_LAG_EVENTS: '10000' }).readyMaxLagEvents).toBe(10_000);
  });

  it('reads the scale-out settings', () => {
    const config = loadConfig({
      PORT: '8080',
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://heard@db:5432/heard',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      JWT_SECRET: 's'.repeat(32),
    });
    expect(config).toMatchObject({
      port: 8080,
      eventStore: 'postgres',
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
    });
    expect(config.usingDevelopmentSecret).toBe(false);
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
    [{ CASE_MERGE_WINDOW_HOURS: 'a week' }, 'CASE_MERGE_WINDOW_HOURS'],
    [{ SUBSCRIPTIONS_NICE: '20' }, 'SUBSCRIPTIONS_NICE'],
    [{ SUBSCRIPTIONS_NICE: 'low' }, 'SUBSCRIPTIONS_NICE'],
    [{ READY_MAX_LAG_EVENTS: '-1' }, 'READY_MAX_LAG_EVENTS'],
    [{ READY_MAX_LAG_EVENTS: '10001' }, 'READY_MAX_LAG_EVENTS'],
    [{ READY_MAX_LAG_EVENTS: '1e3' }, 'READY_MAX_LAG_EVENTS'],
  ])('refuses %j naming %s', (env, variable) => {
    const error = refusal(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});
