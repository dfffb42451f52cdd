import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to port 4000 and ./data/factline.db', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 4000,
      host: '0.0.0.0',
      databasePath: path.resolve('data/factline.db'),
      databaseUrl: null,
      databasePoolSize: 10,
      databaseSchema: 'public',
      production: false,
      seedDemo: true,
      publicUrl: 'http://localhost:4000',
      organisation: { name: 'factline', url: 'http://localhost:4000' },
      introspection: true,
      playground: true,
      logLevel: 'info',
      trustProxy: 0,
      metricsToken: null,
      metricsPort: null,
      shutdownDelayMs: 5_000,
      shutdownTimeoutMs: 10_000,
      responseCacheMb: 64,
      liveConnectionsPerAddress: 100,
      compileQueries: 'repeated',
      eventRetentionDays: 30,
      sessionIdleMinutes: 480,
      sessionMaxHours: 168,
      signInAttemptsPerAddress: 20,
      sso: null,
      allowHttpWebhooks: false,
      webhookAllowPrivate: false,
      webhookLeaseSeconds: 30,
      rateLimits: { mutationsPerMinute: 120, expensivePerMinute: 60, expensiveCost: 1000 },
    });
  });

  it('reads DATABASE_URL, DATABASE_POOL_SIZE and DATABASE_SCHEMA, never echoing a url with its password', () => {
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://app:pw@db:5432/news',
        DATABASE_POOL_SIZE: '20',
        DATABASE_SCHEMA: 'factline',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://app:pw@db:5432/news',
      databasePoolSize: 20,
      databaseSchema: 'factline',
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/news' }).databaseUrl).toBe('postgresql://db/news');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:secret@db/news' })).toThrow(
      'DATABASE_URL: expected a postgres:// url, got a mysql: one',
    );
    expect(() => loadConfig({ DATABASE_URL: 'not a url secret' })).toThrow(/^DATABASE_URL: expected a url/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url secret' })).not.toThrow(/secret/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow('DATABASE_POOL_SIZE: expected at least 2');
    expect(() => loadConfig({ DATABASE_SCHEMA: 'Drop Table' })).toThrow(
      /^DATABASE_SCHEMA: expected a lower-case PostgreSQL name/,
    );
  });

  it('turns introspection and the playground off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, playground: false });
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_INTROSPECTION: '1', PLAYGROUND: 'yes' })).toMatchObject({
      introspection: true,
      playground: true,
    });
  });

  it('reads the rate limits, LOG_LEVEL, TRUST_PROXY and METRICS_TOKEN, naming a bad one', () => {
    expect(
      loadConfig({
        RATE_LIMIT_MUTATIONS: '0',
        RATE_LIMIT_EXPENSIVE: '5',
        EXPENSIVE_QUERY_COST: '300',
        LOG_LEVEL: 'WARN',
        TRUST_PROXY: '1',
        METRICS_TOKEN: ' s3cret ',
      }),
    ).toMatchObject({
      rateLimits: { mutationsPerMinute: 0, expensivePerMinute: 5, expensiveCost: 300 },
      logLevel: 'warn',
      trustProxy: 1,
      metricsToken: 's3cret',
    });
    expect(() => loadConfig({ RATE_LIMIT_MUTATIONS: '-1' })).toThrowError(/^RATE_LIMIT_MUTATIONS: /);
    expect(() => loadConfig({ EXPENSIVE_QUERY_COST: 'lots' })).toThrowError(/^EXPENSIVE_QUERY_COST: /);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrowError(/^LOG_LEVEL: /);
  });

  it('reads METRICS_PORT and SHUTDOWN_DELAY_MS, naming a bad one', () => {
    expect(loadConfig({ METRICS_PORT: '9464', SHUTDOWN_DELAY_MS: '0' })).toMatchObject({
      metricsPort: 9464,
      shutdownDelayMs: 0,
    });
    expect(() => loadConfig({ METRICS_PORT: '99999' })).toThrowError(/^METRICS_PORT: /);
    expect(() => loadConfig({ SHUTDOWN_DELAY_MS: 'soon' })).toThrowError(/^SHUTDOWN_DELAY_MS: /);
  });

  it('reads LIVE_CONNECTIONS_PER_ADDRESS, naming a bad one', () => {
    expect(loadConfig({ LIVE_CONNECTIONS_PER_ADDRESS: '0' })).toMatchObject({ liveConnectionsPerAddress: 0 });
    expect(loadConfig({ LIVE_CONNECTIONS_PER_ADDRESS: '25' })).toMatchObject({ liveConnectionsPerAddress: 25 });
    expect(() => loadConfig({ LIVE_CONNECTIONS_PER_ADDRESS: 'many' })).toThrowError(/^LIVE_CONNECTIONS_PER_ADDRESS: /);
  });

  it('reads COMPILE_QUERIES, naming a bad one', () => {
    expect(loadConfig({ COMPILE_QUERIES: 'Always' })).toMatchObject({ compileQueries: 'always' });
    expect(loadConfig({ COMPILE_QUERIES: 'off' })).toMatchObject({ compileQueries: 'off' });
    expect(() => loadConfig({ COMPILE_QUERIES: 'sometimes' })).toThrowError(
      /^COMPILE_QUERIES: expected one of repeated, always, off/,
    );
  });

  it('reads PORT, DATABASE_PATH, NODE_ENV and SEED_DEMO', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_PATH: '/tmp/x/f.db', NODE_ENV: 'production', SEED_DEMO: 'off' });
    expect(config).toMatchObject({ port: 8080, databasePath: '/tmp/x/f.db', production: true, seedDemo: false });
  });

  it.each([['abc'], ['-1'], ['70000'], ['80.5'], [' 80']])('refuses PORT=%s naming the variable', (value) => {
    expect(() => loadConfig({ PORT: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: value })).toThrowError(/^PORT: /);
  });

  it('reads PUBLIC_URL and the organisation, refusing a url that is not http(s)', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://facts.example.org/', ORGANISATION_NAME: 'Example Checks' })).toMatchObject(
      {
        publicUrl: 'https://facts.example.org',
        organisation: { name: 'Example Checks', url: 'https://facts.example.org' },
      },
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrowError(/^PUBLIC_URL: /);
    expect(() => loadConfig({ ORGANISATION_URL: 'not a url' })).toThrowError(/^ORGANISATION_URL: /);
  });

  it('reads SESSION_IDLE_MINUTES, SESSION_MAX_HOURS and SIGN_IN_ATTEMPTS_PER_ADDRESS, naming a bad one', () => {
    expect(
      loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12', SIGN_IN_ATTEMPTS_PER_ADDRESS: '0' }),
    ).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12, signInAttemptsPerAddress: 0 });
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow('SESSION_IDLE_MINUTES: expected at least 1');
    expect(() => loadConfig({ SESSION_MAX_HOURS: '1.5' })).toThrow(/^SESSION_MAX_HOURS: expected a whole number/);
    expect(() => loadConfig({ SIGN_IN_ATTEMPTS_PER_ADDRESS: 'many' })).toThrow(/^SIGN_IN_ATTEMPTS_PER_ADDRESS: /);
  });

  describe('single sign-on (OIDC_*)', () => {
    const SSO = {
      OIDC_ISSUER: 'https://accounts.google.com',
      OIDC_CLIENT_ID: 'client-id.apps.googleusercontent.com',
      OIDC_CLIENT_SECRET: 'the secret',
      OIDC_ALLOWED_DOMAINS: ' Newsroom.example , example.org,newsroom.example',
    };

    it('is off without the variables, and reads them all when set', () => {
      expect(loadConfig({}).sso).toBeNull();
      expect(loadConfig({ ...SSO, OIDC_NAME: ' Google Workspace ' }).sso).toEqual({
        issuer: 'https://accounts.google.com',
        clientId: 'client-id.apps.googleusercontent.com',
        clientSecret: 'the secret',
        allowedDomains: ['newsroom.example', 'example.org'],
        name: 'Google Workspace',
        insecure: false,
      });
      expect(loadConfig(SSO).sso?.name).toBeNull();
    });

    it('needs all of issuer, client id and secret or none, naming the one missing', () => {
      expect(() => loadConfig({ ...SSO, OIDC_CLIENT_SECRET: '' })).toThrow(
        'OIDC_CLIENT_SECRET: single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none of them)',
      );
      expect(() => loadConfig({ OIDC_ISSUER: SSO.OIDC_ISSUER })).toThrow(/^OIDC_CLIENT_ID: /);
      expect(() => loadConfig({ OIDC_ALLOWED_DOMAINS: 'example.org' })).toThrow(
        /^OIDC_ALLOWED_DOMAINS: single sign-on is not configured/,
      );
      expect(() => loadConfig({ OIDC_NAME: 'Google' })).toThrow(/^OIDC_NAME: single sign-on is not configured/);
    });

    it('needs allowed email domains, and well-formed ones', () => {
      expect(() => loadConfig({ ...SSO, OIDC_ALLOWED_DOMAINS: ' , ' })).toThrow(
        /^OIDC_ALLOWED_DOMAINS: expected the email domains/,
      );
      expect(() => loadConfig({ ...SSO, OIDC_ALLOWED_DOMAINS: 'example.org,@example.com' })).toThrow(
        'OIDC_ALLOWED_DOMAINS: expected email domains such as example.org, got "@example.com"',
      );
      expect(() => loadConfig({ ...SSO, OIDC_ALLOWED_DOMAINS: 'localhost' })).toThrow(/^OIDC_ALLOWED_DOMAINS: /);
    });

    it('wants an https issuer: http only outside production, or with OIDC_ALLOW_HTTP_ISSUER', () => {
      const http = { ...SSO, OIDC_ISSUER: 'http://127.0.0.1:3000' };
      expect(loadConfig(http).sso).toMatchObject({ issuer: 'http://127.0.0.1:3000', insecure: true });
      expect(() => loadConfig({ ...http, NODE_ENV: 'production' })).toThrow(
        'OIDC_ISSUER: expected an https url in production (OIDC_ALLOW_HTTP_ISSUER=1 is for tests)',
      );
      expect(loadConfig({ ...http, NODE_ENV: 'production', OIDC_ALLOW_HTTP_ISSUER: '1' }).sso?.insecure).toBe(true);
      expect(loadConfig({ ...SSO, NODE_ENV: 'production' }).sso?.insecure).toBe(false);
      expect(() => loadConfig({ ...SSO, OIDC_ISSUER: 'accounts.google.com' })).toThrow(/^OIDC_ISSUER: expected/);
      expect(() => loadConfig({ ...SSO, OIDC_ISSUER: 'ftp://example.org' })).toThrow(/^OIDC_ISSUER: expected/);
      expect(() => loadConfig({ ...SSO, OIDC_ISSUER: 'https://example.org/?tenant=1' })).toThrow(/^OIDC_ISSUER: /);
    });

    it('never echoes the client secret in an error', () => {
      try {
        loadConfig({ ...SSO, OIDC_ISSUER: '' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect(String(error)).not.toContain(SSO.OIDC_CLIENT_SECRET);
      }
    });
  });

  it('refuses a SEED_DEMO that is not a flag', () => {
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrowError(/^SEED_DEMO: /);
  });
});
