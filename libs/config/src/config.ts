/** Everything Heard reads from its environment, checked once at start (README, "Configuration"). */
export type EventStoreKind = 'sqlite' | 'postgres' | 'eventstoredb';

/** pino's levels, most to least severe; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface HeardConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: EventStoreKind;
  /** PostgreSQL for read models (and for the event store when eventStore is postgres); unset on the embedded default. */
  readonly databaseUrl: string | null;
  readonly eventStoreUrl: string | null;
  readonly kafkaBrokers: readonly string[];
  /** HS256 secret; null when tokens come from an identity provider (JWKS_URL or OIDC_ISSUER_URL). */
  readonly jwtSecret: string | null;
  readonly jwksUrl: string | null;
  /** OIDC issuer whose /.well-known/openid-configuration names the JWKS and the issuer. */
  readonly oidcIssuerUrl: string | null;
  /** The iss a token must carry; with OIDC_ISSUER_URL it comes from discovery and this is null. */
  readonly jwtIssuer: string | null;
  /** A token's aud must name one of these; empty: not checked (HS256 only). */
  readonly jwtAudience: readonly string[];
  readonly jwtClockToleranceSeconds: number;
  /** Claim name or dotted path (realm_access.roles) holding the role, a string or an array. */
  readonly jwtRoleClaim: string;
  /** The identity provider is asked for keys at most once this often, whatever tokens arrive. */
  readonly jwksCooldownSeconds: number;
  /** Run projections and reactors inside the API process (always on the embedded default). */
  readonly runSubscriptions: boolean;
  readonly httpAdapter: 'express' | 'fastify';
  /**
   * CPU priority of the API's subscriptions thread (Linux): above 0, a burst of requests gets the
   * CPU first and read models catch up after it, at the cost of their freshness under load.
   */
  readonly subscriptionsNice: number;
  /** An open case absorbs the same customer's feedback on the same store and category this long. */
  readonly caseMergeWindowHours: number;
  /** Resolution target of a new case, from receipt of its feedback. */
  readonly caseTargetHours: number;
  readonly logLevel: LogLevelName;
  /** Serve /metrics on this port instead of the API's (and, in the worker, at all); null: not moved. */
  readonly metricsPort: number | null;
  /** /ready answers 503 when a projection or reactor is more than this many events behind the log. */
  readonly readyMaxLagEvents: number;
  /** Base64 of the 32 bytes that wrap every data key (HEARD_MASTER_KEY). */
  readonly masterKey: string;
  /** HEARD_NEW_MASTER_KEY: what `npm run keys:rotate` re-wraps every data key with; null otherwise. */
  readonly newMasterKey: string | null;
  /** True when HEARD_MASTER_KEY was not given and the development key is in use (embedded default only). */
  readonly usingDevelopmentMasterKey: boolean;
  /** OPT_OUT_SECRET, else derived from the master key: signs the opt-out links of notices. */
  readonly optOutSecret: string;
  /** SMTP_URL (smtp:// or smtps://); null: e-mail notices are written to DATA_DIR/outbox as .eml. */
  readonly smtpUrl: string | null;
  /** NOTICE_FROM: the From of notice e-mail. */
  readonly noticeFrom: string;
  /** PUBLIC_BASE_URL without a trailing slash: the links notices carry (opt-out, cases). */
  readonly publicBaseUrl: string;
  /** NOTICE_WEBHOOK_URL: the SMS and push gateway; null: sms and push notices cannot be sent. */
  readonly noticeWebhookUrl: string | null;
  /** NOTICE_WEBHOOK_SECRET: the HMAC-SHA256 key of the Heard-Signature header. */
  readonly noticeWebhookSecret: string | null;
  /** Attempts at sending a notice before it fails for good. */
  readonly noticeMaxAttempts: number;
  /** "You changed this" notices of one customer within this many hours go out as one; 0: at once. */
  readonly noticeDigestHours: number;
  /** True when JWT_SECRET was not given and the development secret is in use (embedded default only). */
  readonly usingDevelopmentSecret: boolean;
}

/** A wrong or missing setting: the message names the variable and what it must be. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
  ) {
    super(`${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}
