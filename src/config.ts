import path from 'node:path';

/** Configuration read once from the environment, typed and checked. */
export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  /** PostgreSQL instead of SQLite (DATABASE_URL, postgres://...); null: SQLite at databasePath. */
  databaseUrl: string | null;
  /** Connections in the PostgreSQL pool (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  /** The PostgreSQL schema holding the tables (DATABASE_SCHEMA, default public). */
  databaseSchema: string;
  production: boolean;
  /** Load the demo dataset when the database is empty. */
  seedDemo: boolean;
  /** Base url of this service as readers reach it: links in reader pages and ClaimReview. */
  publicUrl: string;
  /** The publisher of the fact-checks (ClaimReview author). */
  organisation: { name: string; url: string };
  /** Schema introspection (ALLOW_INTROSPECTION); off by default in production. */
  introspection: boolean;
  /** The GraphiQL playground (PLAYGROUND); off by default in production. */
  playground: boolean;
  /** pino level (LOG_LEVEL): fatal, error, warn, info, debug, trace or silent. */
  logLevel: LogLevel;
  rateLimits: RateLimits;
  /** Take the client address from X-Forwarded-For, trusting this many proxy hops (TRUST_PROXY; 0: the socket's address). */
  trustProxy: number;
  /** When set, GET /metrics needs it as a bearer token (METRICS_TOKEN). */
  metricsToken: string | null;
  /**
   * When set, /metrics is served only on this port of 127.0.0.1, not on the service's port
   * (METRICS_PORT). In production without it or METRICS_TOKEN, /metrics is not served at all.
   */
  metricsPort: number | null;
  /** How long a stop keeps serving, with /readyz answering 503, before it stops accepting (SHUTDOWN_DELAY_MS). */
  shutdownDelayMs: number;
  /** How long a stop waits for the requests in flight before it cuts their connections (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** Memory for cached anonymous answers, in MB (RESPONSE_CACHE_MB; 0: no cache). */
  responseCacheMb: number;
  /** Open subscription WebSockets one client address may hold (LIVE_CONNECTIONS_PER_ADDRESS; 0: no limit). */
  liveConnectionsPerAddress: number;
  /** When queries run as compiled functions (COMPILE_QUERIES): see src/graphql/compiled-executor.ts. */
  compileQueries: CompileQueries;
  /** Webhook endpoints may use http:// (ALLOW_HTTP_WEBHOOKS, for development); otherwise https only. */
  allowHttpWebhooks: boolean;
  /**
   * Webhooks may be delivered to loopback, private and link-local addresses
   * (WEBHOOK_ALLOW_PRIVATE: tests and development only; never in production).
   */
  webhookAllowPrivate: boolean;
  /**
   * How long a replica's hold on a webhook endpoint lasts without progress (WEBHOOK_LEASE_SECONDS,
   * at least 1): after a crash mid-delivery, another replica retries the endpoint after it.
   */
  webhookLeaseSeconds: number;
  /** Days the event log keeps events (EVENT_RETENTION_DAYS, at least 1): how far back a subscriber may resume. */
  eventRetentionDays: number;
  /** Staff sign-in sessions end after this many minutes without a request (SESSION_IDLE_MINUTES, at least 1). */
  sessionIdleMinutes: number;
  /** ... and this many hours after sign-in, whatever their use (SESSION_MAX_HOURS, at least 1). */
  sessionMaxHours: number;
  /**
   * Sign-in attempts (POST /review/session) one client address may make in 15 minutes, per
   * process (SIGN_IN_ATTEMPTS_PER_ADDRESS; 0: no limit). Failures per account are limited apart.
   */
  signInAttemptsPerAddress: number;
  /**
   * Single sign-on with OpenID Connect (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
   * OIDC_ALLOWED_DOMAINS, OIDC_NAME): null when not configured.
   */
  sso: SsoConfig | null;
}

/** An OpenID provider staff may sign in with (issue 23): accounts still exist only by invitation. */
export interface SsoConfig {
  /** The provider's issuer (OIDC_ISSUER): discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email domains whose verified addresses may sign in (OIDC_ALLOWED_DOMAINS), lower case. */
  allowedDomains: string[];
  /** The provider's name on the sign-in button (OIDC_NAME), e.g. "Google Workspace"; null: a generic label. */
  name: string | null;
  /** The issuer is http:// (allowed outside production, or with OIDC_ALLOW_HTTP_ISSUER: tests only). */
  insecure: boolean;
}

export const COMPILE_QUERIES = ['repeated', 'always', 'off'] as const;
/** `repeated`: from a document's second execution; `always`: from its first; `off`: never. */
export type CompileQueries = (typeof COMPILE_QUERIES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Requests a client may make a minute, counted per token and per IP address (0: no limit). */
export interface RateLimits {
  /** Mutations (RATE_LIMIT_MUTATIONS). */
  mutationsPerMinute: number;
  /** Queries costing at least EXPENSIVE_QUERY_COST (RATE_LIMIT_EXPENSIVE). */
  expensivePerMinute: number;
  /** The cost from which a query counts as expensive (EXPENSIVE_QUERY_COST). */
  expensiveCost: number;
}

/** A bad setting: main prints the message on one line and exits non-zero. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

function readPort(env: NodeJS.ProcessEnv, name = 'PORT'): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535)
    throw new ConfigError(name, `expected an integer from 0 to 65535, got "${raw}"`);
  return Number(raw);
}

function readFlag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `expected 1/true/yes/on or 0/false/no/off, got "${raw}"`);
}

function readUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(name, `expected an http(s) url, got "${raw}"`);
  }
}

function readCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  return Number(raw);
}

/** How long the event log keeps events unless EVENT_RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_DAYS = 30;

function readAtLeastOne(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = readCount(env, name, fallback);
  if (value < 1) throw new ConfigError(name, 'expected at least 1');
  return value;
}

function readChoice<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (!(choices as readonly string[]).includes(raw))
    throw new ConfigError(name, `expected one of ${choices.join(', ')}, got "${env[name]}"`);
  return raw as T;
}

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** All of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none (no single sign-on). */
function readSso(env: NodeJS.ProcessEnv, production: boolean): SsoConfig | null {
  const issuerRaw = env.OIDC_ISSUER?.trim() ?? '';
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim() ?? '';
  const given = { OIDC_ISSUER: issuerRaw, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret };
  const missing = Object.entries(given).filter(([, value]) => value === '');
  if (missing.length === 3) {
    for (const name of ['OIDC_ALLOWED_DOMAINS', 'OIDC_NAME'])
      if (env[name]?.trim())
        throw new ConfigError(
          name,
          'single sign-on is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
        );
    return null;
  }
  if (missing.length > 0)
    throw new ConfigError(
      missing[0]![0],
      'single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none of them)',
    );
  let issuer: URL;
  try {
    issuer = new URL(issuerRaw);
  } catch {
    throw new ConfigError('OIDC_ISSUER', `expected the provider's https url, got "${issuerRaw}"`);
  }
  if (issuer.search || issuer.hash || issuer.username || issuer.password)
    throw new ConfigError('OIDC_ISSUER', 'expected an issuer url without query, fragment or credentials');
  const allowHttp = readFlag(env, 'OIDC_ALLOW_HTTP_ISSUER', false);
  if (issuer.protocol === 'http:') {
    if (production && !allowHttp)
      throw new ConfigError(
        'OIDC_ISSUER',
        'expected an https url in production (OIDC_ALLOW_HTTP_ISSUER=1 is for tests)',
      );
  } else if (issuer.protocol !== 'https:')
    throw new ConfigError('OIDC_ISSUER', `expected the provider's https url, got a ${issuer.protocol} one`);
  const domains = (env.OIDC_ALLOWED_DOMAINS ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase())
    .filter((domain) => domain !== '');
  if (domains.length === 0)
    throw new ConfigError(
      'OIDC_ALLOWED_DOMAINS',
      'expected the email domains that may sign in with single sign-on, comma-separated (e.g. example.org)',
    );
  const bad = domains.find((domain) => !DOMAIN_PATTERN.test(domain));
  if (bad !== undefined)
    throw new ConfigError('OIDC_ALLOWED_DOMAINS', `expected email domains such as example.org, got "${bad}"`);
  const name = env.OIDC_NAME?.trim() || null;
  if (name !== null && [...name].length > 60) throw new ConfigError('OIDC_NAME', 'expected at most 60 characters');
  return {
    // As written: the provider's metadata must name exactly this issuer.
    issuer: issuerRaw,
    clientId,
    clientSecret,
    allowedDomains: [...new Set(domains)],
    name,
    insecure: issuer.protocol === 'http:',
  };
}

function readDatabaseUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the value: it may hold a password.
    throw new ConfigError('DATABASE_URL', 'expected a url such as postgres://user@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new ConfigError('DATABASE_URL', `expected a postgres:// url, got a ${url.protocol} one`);
  return raw;
}

function readPoolSize(env: NodeJS.ProcessEnv): number {
  const size = readCount(env, 'DATABASE_POOL_SIZE', 10);
  // Migrating at start holds one connection for its lock while another runs the migrations.
  if (size < 2) throw new ConfigError('DATABASE_POOL_SIZE', 'expected at least 2');
  return size;
}

function readSchemaName(env: NodeJS.ProcessEnv): string {
  const raw = env.DATABASE_SCHEMA?.trim() || 'public';
  if (!/^[a-z_][a-z0-9_]{0,46}$/.test(raw))
    throw new ConfigError(
      'DATABASE_SCHEMA',
      `expected a lower-case PostgreSQL name of at most 47 characters, got "${raw}"`,
    );
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databasePath = env.DATABASE_PATH?.trim() || path.join('data', 'factline.db');
  const port = readPort(env) ?? 4000;
  const publicUrl = readUrl(env, 'PUBLIC_URL', `http://localhost:${port || 4000}`);
  const production = env.NODE_ENV === 'production';
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databasePath: path.resolve(databasePath),
    databaseUrl: readDatabaseUrl(env),
    databasePoolSize: readPoolSize(env),
    databaseSchema: readSchemaName(env),
    production,
    seedDemo: readFlag(env, 'SEED_DEMO', true),
    publicUrl,
    organisation: {
      name: env.ORGANISATION_NAME?.trim() || 'factline',
      url: readUrl(env, 'ORGANISATION_URL', publicUrl),
    },
    introspection: readFlag(env, 'ALLOW_INTROSPECTION', !production),
    playground: readFlag(env, 'PLAYGROUND', !production),
    logLevel: readChoice(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    trustProxy: readCount(env, 'TRUST_PROXY', 0),
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    metricsPort: readPort(env, 'METRICS_PORT'),
    shutdownDelayMs: readCount(env, 'SHUTDOWN_DELAY_MS', 5_000),
    shutdownTimeoutMs: readCount(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
    responseCacheMb: readCount(env, 'RESPONSE_CACHE_MB', 64),
    liveConnectionsPerAddress: readCount(env, 'LIVE_CONNECTIONS_PER_ADDRESS', 100),
    compileQueries: readChoice(env, 'COMPILE_QUERIES', COMPILE_QUERIES, 'repeated'),
    eventRetentionDays: readAtLeastOne(env, 'EVENT_RETENTION_DAYS', DEFAULT_RETENTION_DAYS),
    sessionIdleMinutes: readAtLeastOne(env, 'SESSION_IDLE_MINUTES', 480),
    sessionMaxHours: readAtLeastOne(env, 'SESSION_MAX_HOURS', 168),
    signInAttemptsPerAddress: readCount(env, 'SIGN_IN_ATTEMPTS_PER_ADDRESS', 20),
    sso: readSso(env, production),
    allowHttpWebhooks: readFlag(env, 'ALLOW_HTTP_WEBHOOKS', false),
    webhookAllowPrivate: readFlag(env, 'WEBHOOK_ALLOW_PRIVATE', false),
    webhookLeaseSeconds: readAtLeastOne(env, 'WEBHOOK_LEASE_SECONDS', 30),
    rateLimits: {
      mutationsPerMinute: readCount(env, 'RATE_LIMIT_MUTATIONS', 120),
      expensivePerMinute: readCount(env, 'RATE_LIMIT_EXPENSIVE', 60),
      expensiveCost: readCount(env, 'EXPENSIVE_QUERY_COST', 1000),
    },
  };
}

/**
 * loadConfig for a process entry point: a bad setting prints one line naming the variable,
 * prefixed with the program's name, and exits with `exitCode`.
 */
export function loadConfigOrExit(program: string, exitCode: number, env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${program}: ${error.message}`);
    process.exit(exitCode);
  }
}
