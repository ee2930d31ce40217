import { ConfigError, EventStoreKind, HeardConfig, LOG_LEVELS, LogLevelName } from './config';
import { loadJwtConfig } from './jwt-config';
import { loadMasterKeyConfig } from './master-key-config';
import { loadNoticeConfig } from './notice-config';
import { loadOptOutConfig } from './opt-out-config';

export { DEVELOPMENT_JWT_SECRET } from './jwt-config';
export { DEVELOPMENT_MASTER_KEY } from './master-key-config';

type Env = Readonly<Record<string, string | undefined>>;

const EVENT_STORES: readonly EventStoreKind[] = ['sqlite', 'postgres', 'eventstoredb'];

const text = (env: Env, name: string): string | null => {
  const value = env[name]?.trim();
  return value ? value : null;
};

function port(env: Env, name: string, fallback: string): number {
  const raw = text(env, name) ?? fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535)
    throw new ConfigError(name, `must be an integer from 0 to 65535 (got "${raw}")`);
  return value;
}

function metricsPort(env: Env, apiPort: number): number | null {
  if (text(env, 'METRICS_PORT') === null) return null;
  const value = port(env, 'METRICS_PORT', '');
  if (value !== 0 && value === apiPort)
    throw new ConfigError('METRICS_PORT', `must differ from PORT (both are ${value})`);
  return value;
}

function logLevel(env: Env): LogLevelName {
  const raw = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  return raw as LogLevelName;
}

function url(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL (got "${raw}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      name,
      `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${raw}")`,
    );
  }
  return raw;
}

function brokers(env: Env): string[] {
  const raw = text(env, 'KAFKA_BROKERS');
  if (raw === null) return [];
  const list = raw.split(',').map((b) => b.trim());
  for (const broker of list) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) {
      throw new ConfigError(
        'KAFKA_BROKERS',
        `must be a comma-separated list of host:port (got "${broker}")`,
      );
    }
  }
  return list;
}

/** A nice value for the subscriptions thread: 0 (as the API) to 19 (only spare CPU). */
function nice(env: Env): number {
  const raw = text(env, 'SUBSCRIPTIONS_NICE');
  if (raw === null) return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 19) {
    throw new ConfigError(
      'SUBSCRIPTIONS_NICE',
      `must be a whole number from 0 to 19 (got "${raw}")`,
    );
  }
  return value;
}

/** /ready counts lag exactly up to this many events (a read of the log per request). */
export const READY_LAG_COUNT_LIMIT = 10_000;

function readyMaxLag(env: Env): number {
  const raw = text(env, 'READY_MAX_LAG_EVENTS');
  if (raw === null) return 1000;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > READY_LAG_COUNT_LIMIT) {
    throw new ConfigError(
      'READY_MAX_LAG_EVENTS',
      `must be a whole number from 0 to ${READY_LAG_COUNT_LIMIT} (got "${raw}")`,
    );
  }
  return value;
}

function hours(env: Env, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 24 * 365) {
    throw new ConfigError(
      name,
      `must be a number of hours above 0 and at most 8760 (got "${raw}")`,
    );
  }
  return value;
}

/** Reads and checks the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): HeardConfig {
  const kind = (text(env, 'EVENT_STORE') ?? 'sqlite') as EventStoreKind;
  if (!EVENT_STORES.includes(kind)) {
    throw new ConfigError(
      'EVENT_STORE',
      `must be one of ${EVENT_STORES.join(', ')} (got "${kind}")`,
    );
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const eventStoreUrl = url(env, 'EVENTSTORE_URL', [
    'esdb:',
    'esdb+discover:',
    'kurrentdb:',
    'kurrent:',
  ]);
  if (kind === 'postgres' && databaseUrl === null) {
    throw new ConfigError('DATABASE_URL', 'is required when EVENT_STORE=postgres');
  }
  if (kind === 'eventstoredb' && eventStoreUrl === null) {
    throw new ConfigError('EVENTSTORE_URL', 'is required when EVENT_STORE=eventstoredb');
  }
  const embedded = kind === 'sqlite' && databaseUrl === null;
  const jwt = loadJwtConfig(env, embedded);
  const masterKey = loadMasterKeyConfig(env, embedded);
  const optOut = loadOptOutConfig(env, masterKey.masterKey);
  const adapter = text(env, 'HTTP_ADAPTER') ?? 'fastify';
  if (adapter !== 'express' && adapter !== 'fastify') {
    throw new ConfigError('HTTP_ADAPTER', `must be express or fastify (got "${adapter}")`);
  }
  const runSubscriptions = text(env, 'RUN_SUBSCRIPTIONS');
  if (runSubscriptions !== null && runSubscriptions !== 'true' && runSubscriptions !== 'false') {
    throw new ConfigError('RUN_SUBSCRIPTIONS', `must be true or false (got "${runSubscriptions}")`);
  }
  const apiPort = port(env, 'PORT', '3000');
  return {
    port: apiPort,
    logLevel: logLevel(env),
    metricsPort: metricsPort(env, apiPort),
    runSubscriptions: kind === 'sqlite' || runSubscriptions === 'true',
    httpAdapter: adapter,
    subscriptionsNice: nice(env),
    caseMergeWindowHours: hours(env, 'CASE_MERGE_WINDOW_HOURS', 7 * 24),
    caseTargetHours: hours(env, 'CASE_TARGET_HOURS', 72),
    readyMaxLagEvents: readyMaxLag(env),
    host: text(env, 'HOST') ?? '0.0.0.0',
    dataDir: text(env, 'DATA_DIR') ?? './data',
    eventStore: kind,
    databaseUrl,
    eventStoreUrl,
    kafkaBrokers: brokers(env),
    ...jwt,
    ...masterKey,
    ...optOut,
    ...loadNoticeConfig(env, apiPort),
  };
}
