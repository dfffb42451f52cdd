import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import proxyAddress from 'proxy-addr';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config';
import { type Database, hasPendingMigrations } from '../db/database';
import { readinessProbe } from '../db/service.queries';
import { type AppContext } from '../app/context';
import { createServices } from '../app/services';
import { createContextFactory } from './graphql-context';
import { CompiledExecutor } from '../graphql/compiled-executor';
import { createErrorFormatter } from '../graphql/format-error';
import { NoSubscriptionsOverHttpRule } from '../graphql/no-subscriptions-over-http';
import { MAX_TOKENS, queryLimitRules } from '../graphql/limits';
import type { Logger } from '../logger';
import { CompiledQueryLane } from './compiled-query-lane';
import { ConnectionDrain } from './connection-drain';
import { frontBodyErrors, frontListener, jsonBodyDepthCheck, MAX_BODY_BYTES } from './front';
import { JSON_TOO_DEEP, jsonTooDeepError, nestsDeeperThan } from './json-depth';
import { graphqlOverHttpPlugin } from './graphql-over-http';
import { graphqlRequestInfoPlugin, requestTracker, ServiceMetrics } from './observability';
import { RateLimiter } from './rate-limit';
import { RequestPolicy, requestPolicyPlugin } from './request-policy';
import { ResponseCache, responseCacheMiddleware } from './response-cache';
import {
  EXAMPLE_ARTICLE_QUERY,
  EXAMPLE_ARTICLE_VARIABLES,
  EXAMPLE_LIST_QUERY,
  EXAMPLE_LIVE_SUBSCRIPTION,
  EXAMPLE_LIVE_VARIABLES,
  EXAMPLE_REVIEW_HEADERS,
  EXAMPLE_REVIEW_MUTATIONS,
  EXAMPLE_REVIEW_VARIABLES,
} from './playground/example-queries';
import { playgroundRouter } from './playground/playground';
import { ClaimReviewService } from '../modules/claimreview/claim-review.service';
import { claimReviewFeedRouter } from './claim-review-feed';
import { feedsRouter } from './feeds/feeds.router';
import { oembedRouter } from './oembed';
import { readerRouter } from './reader/reader.router';
import { workbenchRouter } from './workbench/workbench.router';
import { attachLiveUpdates, type LiveUpdates } from './websocket';
import { sessionCookie } from './session-cookie';
import { sessionRouter, signInLimiter } from './session-routes';
import { ssoRouter } from './sso-routes';

/** How long the server keeps an idle keep-alive connection open. */
const KEEP_ALIVE_MS = 65_000;
export const GRAPHQL_PATH = '/graphql';

/**
 * Errors outside GraphQL (a malformed or oversized JSON body, a failing page): a JSON answer
 * with a code, never express's HTML page with a stack trace.
 */
function jsonErrors(logger: Logger, production: boolean): express.ErrorRequestHandler {
  return (
    error: { type?: string; status?: number; message?: string; name?: string; stack?: string },
    _req,
    res,
    _next,
  ) => {
    if (error.type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    } else if (error.type === 'entity.too.deep') {
      const { message, ...extensions } = JSON_TOO_DEEP;
      res.status(400).json({ errors: [{ message, extensions }] });
    } else if (error.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `The request body is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB.`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    } else if (error.type === 'request.aborted') {
      // The client went away mid-body (or its connection was cut at shutdown): nobody to answer.
      logger.debug('request aborted by the client', {});
    } else {
      logger.error(
        'unexpected error outside GraphQL',
        production ? { errorName: error.name } : { errorName: error.name, message: error.message, stack: error.stack },
      );
      res
        .status(500)
        .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}

/**
 * A GET's `variables` and `extensions` are JSON in the query string, which Apollo parses: the
 * same depth limit as for bodies, before anything reads them.
 */
function queryStringDepthCheck(): express.RequestHandler {
  return (req, _res, next) => {
    if (req.method !== 'GET') return next();
    const { variables, extensions } = req.query;
    const tooDeep = [variables, extensions].some((value) => typeof value === 'string' && nestsDeeperThan(value));
    next(tooDeep ? jsonTooDeepError() : undefined);
  };
}

export interface HttpApp {
  server: http.Server;
  /** The routes besides the front's (src/http/front.ts): the oracles enumerate the read paths from it. */
  express: express.Express;
  apollo: ApolloServer<AppContext>;
  /** Subscriptions over WebSocket on the GraphQL path. */
  live: LiveUpdates;
  /** Repeated queries, answered before express and Apollo. */
  lane: CompiledQueryLane;
  /** The port /metrics listens on at 127.0.0.1 once listening, when METRICS_PORT is set. */
  readonly metricsPort: number | null;
  /** Starts listening; resolves with the bound port (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  /** The stop has begun: /readyz answers 503 and every answer closes its connection, while serving goes on. */
  beginStopping(): void;
  /**
   * Stops: closes the port, answers every request already read (for at most
   * SHUTDOWN_TIMEOUT_MS), ends subscriptions (1001) and idle connections, stops Apollo.
   */
  close(): Promise<void>;
}

export type HttpAppConfig = Pick<
  AppConfig,
  | 'production'
  | 'publicUrl'
  | 'organisation'
  | 'introspection'
  | 'playground'
  | 'rateLimits'
  | 'trustProxy'
  | 'allowHttpWebhooks'
  | 'metricsToken'
  | 'metricsPort'
  | 'shutdownTimeoutMs'
  | 'responseCacheMb'
  | 'liveConnectionsPerAddress'
  | 'compileQueries'
  | 'sessionIdleMinutes'
  | 'sessionMaxHours'
  | 'signInAttemptsPerAddress'
  | 'sso'
>;

export interface HttpAppOptions {
  db: Database;
  schema: GraphQLSchema;
  config: HttpAppConfig;
  logger: Logger;
}

/** The express app: GraphQL at /graphql, the playground for browsers, health probes. */
export async function createHttpApp({ db, schema, config, logger }: HttpAppOptions): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer, the client's address is the last hop it added (TRUST_PROXY).
  app.set('trust proxy', config.trustProxy);
  const metrics = new ServiceMetrics(db.writes, () => db.statements());
  let stopping = false;
  // What express gives as req.ip, with the trust function it compiled from TRUST_PROXY.
  const clientAddress = (req: http.IncomingMessage) =>
    proxyAddress(req, app.get('trust proxy fn') as (address: string, hop: number) => boolean);
  // The front (src/http/front.ts) may have read the body already: then express.json() skips it.
  const graphqlBody = [
    frontBodyErrors(),
    express.json({ limit: MAX_BODY_BYTES, verify: jsonBodyDepthCheck }),
    queryStringDepthCheck(),
  ];
  // Only where commits move a version this process can read for free (SQLite): on PostgreSQL
  // other replicas commit too, and CDNs keyed on ETag/Cache-Control do the caching instead.
  const cache =
    config.responseCacheMb > 0 && db.dataVersion
      ? new ResponseCache(db.dataVersion, config.responseCacheMb * 1024 * 1024)
      : null;
  if (cache) {
    metrics.track(
      'factline_response_cache_hits',
      'Anonymous reads answered from the response cache.',
      () => cache.hits,
    );
    metrics.track(
      'factline_response_cache_misses',
      'Anonymous reads the response cache could not answer.',
      () => cache.misses,
    );
    metrics.track('factline_response_cache_entries', 'Answers in the response cache.', () => cache.size);
  }
  const policy = new RequestPolicy(new RateLimiter(config.rateLimits), cache);
  // First in line: a hit skips every other route.
  if (cache) app.use(GRAPHQL_PATH, graphqlBody, responseCacheMiddleware(cache, policy));
  const server = http.createServer();
  // An idle keep-alive connection outlives the clients' and proxies' idle timeouts (60 s is the
  // common load-balancer default): whoever closes first must be the client, or a request sent
  // on a connection the server is closing at that moment fails with a reset.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  // Before any request listener: it marks answers as they start (src/http/connection-drain.ts).
  const drain = new ConnectionDrain(server, logger);
  const executor = new CompiledExecutor(schema, config.compileQueries);
  metrics.track(
    'factline_compiled_queries',
    'Query documents compiled to functions (COMPILE_QUERIES).',
    () => executor.compiledCount,
  );
  const apollo = new ApolloServer<AppContext>({
    // Apollo runs the request pipeline (parsing, validation, plugins, errors); queries that
    // repeat execute as compiled functions (src/graphql/compiled-executor.ts).
    gateway: executor.asGateway(),
    introspection: config.introspection,
    // No "Did you mean ...?" hints: they reveal the schema when introspection is off.
    hideSchemaDetailsFromClientErrors: config.production,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [...queryLimitRules(schema), NoSubscriptionsOverHttpRule],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // main.ts owns the signals: it stops Apollo, then the database, then the process.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs its cache-control plugin by default, and it wraps every field resolver
      // (willResolveField): a cost on every field of every query. The response cache here keys
      // on data versions, not on cache hints, so it has no use.
      ApolloServerPluginCacheControlDisabled(),
      graphqlOverHttpPlugin<AppContext>(),
      graphqlRequestInfoPlugin<AppContext>(),
      requestPolicyPlugin<AppContext>(schema, policy),
    ],
    formatError: createErrorFormatter({ production: config.production, logger }),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const serveMetrics: express.RequestHandler = async (req, res) => {
    if (config.metricsToken && req.get('authorization') !== `Bearer ${config.metricsToken}`) {
      res.status(401).json({
        errors: [{ message: 'Send the METRICS_TOKEN as a bearer token.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
  // Metrics name operations and load: on their own local port when asked for, else behind the
  // token; in production never open to anyone on the service's port.
  const metricsServer =
    config.metricsPort !== null
      ? http.createServer(express().disable('x-powered-by').get('/metrics', serveMetrics))
      : null;
  if (!metricsServer && (config.metricsToken || !config.production)) app.get('/metrics', serveMetrics);
  else if (!metricsServer)
    logger.warn('/metrics is off: in production set METRICS_TOKEN, or METRICS_PORT to serve it on 127.0.0.1 only', {});
  let migrationsCurrent = false;
  app.get('/readyz', async (_req, res) => {
    try {
      // A load balancer stops sending here as soon as a stop begins, not when the port closes.
      if (stopping) throw new Error('stopping');
      await db.reader.row(readinessProbe, {});
      // Checked until found current, then never again: migrations only ever get applied, and on
      // PostgreSQL every check would take pooled connections from the requests.
      if (!migrationsCurrent) migrationsCurrent = !(await hasPendingMigrations(db.write));
      if (!migrationsCurrent) throw new Error('migrations pending');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  if (config.playground)
    app.use(
      playgroundRouter(['/', GRAPHQL_PATH], {
        endpoint: GRAPHQL_PATH,
        tabs: [
          { query: EXAMPLE_ARTICLE_QUERY, variables: EXAMPLE_ARTICLE_VARIABLES },
          { query: EXAMPLE_LIST_QUERY },
          { query: EXAMPLE_REVIEW_MUTATIONS, variables: EXAMPLE_REVIEW_VARIABLES, headers: EXAMPLE_REVIEW_HEADERS },
          { query: EXAMPLE_LIVE_SUBSCRIPTION, variables: EXAMPLE_LIVE_VARIABLES },
        ],
      }),
    );
  const reviews = new ClaimReviewService({ db, config });
  app.use(claimReviewFeedRouter(reviews, config.publicUrl));
  // One set of services for the GraphQL API and the reader pages.
  const services = createServices(db, {
    allowHttpWebhooks: config.allowHttpWebhooks,
    sessions: { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
  });
  // Staff sign-in for the workbench: the routes, and the cookie GraphQL and subscriptions accept.
  const cookie = sessionCookie(config.publicUrl, config.sessionMaxHours);
  const perAddress = signInLimiter(config.signInAttemptsPerAddress);
  app.use(sessionRouter({ services, cookie, perAddress }));
  // Single sign-on with the organisation's OpenID provider, when configured (OIDC_*).
  if (config.sso)
    app.use(ssoRouter({ services, config: config.sso, publicUrl: config.publicUrl, cookie, perAddress, logger }));
  app.use(readerRouter({ db, services, reviews, publicUrl: config.publicUrl }));
  const site = { db, services, publicUrl: config.publicUrl, organisation: config.organisation.name };
  app.use(feedsRouter({ ...site, reviews }));
  app.use(oembedRouter(site));
  app.use(
    workbenchRouter({
      organisation: config.organisation.name,
      signInMethods: config.sso ? ['password', 'sso'] : ['password'],
      ...(config.sso?.name ? { ssoName: config.sso.name } : {}),
    }),
  );
  const context = createContextFactory(db, services, cookie);
  app.use(GRAPHQL_PATH, graphqlBody, expressMiddleware(apollo, { context }));
  app.use(jsonErrors(logger, config.production));
  const lane = new CompiledQueryLane({ executor, schema, context, policy });
  metrics.track(
    'factline_compiled_lane_answers',
    'GraphQL requests answered by the compiled-query lane, not Apollo.',
    () => lane.answered,
  );
  server.on(
    'request',
    frontListener({ app, graphqlPath: GRAPHQL_PATH, track: requestTracker({ logger, metrics, clientAddress }), lane }),
  );
  const live = attachLiveUpdates({
    server,
    path: GRAPHQL_PATH,
    schema,
    db,
    services,
    logger,
    production: config.production,
    clientAddress,
    connectionsPerAddress: config.liveConnectionsPerAddress,
    cookie,
  });
  metrics.track('factline_live_connections', 'Open WebSocket connections (subscriptions).', () => live.connections);
  metrics.track(
    'factline_live_subscriptions',
    'Live subscriptions to committed changes.',
    () => db.events.subscriberCount,
  );

  return {
    server,
    express: app,
    apollo,
    live,
    lane,
    get metricsPort() {
      const address = metricsServer?.address();
      return typeof address === 'object' && address ? address.port : null;
    },
    async listen(port, host) {
      const bound = await listenOn(server, port, host);
      if (metricsServer && config.metricsPort !== null) {
        try {
          await listenOn(metricsServer, config.metricsPort, '127.0.0.1');
        } catch (error) {
          server.close();
          // Named so that a failed start names the setting at fault.
          throw Object.assign(error as Error, { setting: 'METRICS_PORT' });
        }
      }
      return bound;
    },
    beginStopping() {
      stopping = true;
      drain.beginStopping();
    },
    async close() {
      stopping = true;
      // Subscribers are told the server is going away (1001) rather than waiting on a drain
      // that cannot end while their sockets stay open.
      await live.close();
      await drain.close(config.shutdownTimeoutMs);
      await apollo.stop();
      if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    },
  };
}

/** Listens on `port` (0 picks a free one) and resolves with the bound port. */
function listenOn(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
