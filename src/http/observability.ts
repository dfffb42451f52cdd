import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Writes } from '../db/write-queue';
import type { Logger } from '../logger';

/**
 * What the service knows of one HTTP request: created by `requestTracking` for every request,
 * filled in by the GraphQL plugin below (operation, error codes), read when the response ends
 * for the log line and the metrics.
 */
export interface RequestInfo {
  id: string;
  ip: string;
  operation?: string;
  operationType?: string;
  errorCodes: string[];
  /** A GraphQL operation is running: an answer that cannot be delivered is logged once it has run. */
  executing?: boolean;
  /** Logs that the answer was not delivered: called when the operation has run. */
  undelivered?: () => void;
}

/** A client may name its request (X-Request-Id) so its logs and ours meet; anything odd is replaced. */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Operation names come from clients: only so many distinct ones become metric labels. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Probes and scrapes are counted, not logged: they would drown the log. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Prometheus metrics of one service instance (its own registry: tests run many in a process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'operation' | 'status'>;
  private readonly duration: Histogram<'route' | 'operation'>;
  private readonly errors: Counter<'code'>;
  private readonly operations = new Set<string>();

  constructor(writes: Writes, statements: () => { read: number; write: number }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'factline_' });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'factline_http_requests_total',
      help: 'HTTP requests by route, GraphQL operation and status.',
      labelNames: ['route', 'operation', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'factline_http_request_duration_seconds',
      help: 'HTTP request latency by route and GraphQL operation.',
      labelNames: ['route', 'operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'factline_errors_total',
      help: 'Errors answered, by code (extensions.code).',
      labelNames: ['code'],
      registers,
    });
    this.track('factline_write_queue_depth', 'Write transactions queued or running.', () => writes.depth);
    // Statements per request is the figure that stays constant whatever an article's size (and a
    // network round trip each on a database server); the bench divides these by requests.
    this.track(
      'factline_sql_read_statements_total',
      'SQL statements run on the read connection since start.',
      () => statements().read,
    );
    this.track(
      'factline_sql_write_statements_total',
      'SQL statements run on the write connection since start.',
      () => statements().write,
    );
  }

  /** A value read at each scrape (the name says its unit). */
  track(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  observe(route: string, info: RequestInfo, status: number, seconds: number): void {
    const operation = this.operationLabel(info.operation);
    this.requests.inc({ route, operation, status: String(status) });
    this.duration.observe({ route, operation }, seconds);
    for (const code of info.errorCodes) this.errors.inc({ code });
  }

  private operationLabel(name: string | undefined): string {
    if (name === undefined) return '';
    if (!OPERATION_NAME.test(name)) return '(invalid)';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return '(other)';
    this.operations.add(name);
    return name;
  }
}

function routeOf(path: string): string {
  if (path === '/graphql') return 'graphql';
  if (QUIET_PATHS.has(path)) return path.slice(1);
  if (path === '/claimreview.json') return 'claimreview';
  if (path === '/articles' || path.startsWith('/articles/')) return 'reader';
  if (path === '/' || path.startsWith('/playground')) return 'playground';
  return 'other';
}

/** The response's request-scoped values: express's `res.locals`, also there before express runs. */
function localsOf(res: ServerResponse): Record<string, unknown> {
  const response = res as ServerResponse & { locals?: Record<string, unknown> };
  // Express keeps a `locals` it finds (application.handle), so what is put here reaches its handlers.
  response.locals ??= Object.create(null) as Record<string, unknown>;
  return response.locals;
}

export function requestInfo(res: ServerResponse): RequestInfo | undefined {
  return (res as ServerResponse & { locals?: Record<string, unknown> }).locals?.request as RequestInfo | undefined;
}

/** The path of a request target, as express's `req.path` gives it (origin or absolute form). */
function pathOf(url: string): string {
  if (url.startsWith('/')) {
    const query = url.indexOf('?');
    return query === -1 ? url : url.slice(0, query);
  }
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * Called first for every request, before any route (src/http/front.ts): a request id (echoed
 * in X-Request-Id), then on finish one log line (request id, route, operation, status,
 * duration, error codes: never headers, tokens, bodies or variables) and the metrics, or a
 * warning when the request ended without its answer.
 */
export function requestTracker({
  logger,
  metrics,
  clientAddress,
}: {
  logger: Logger;
  metrics: ServiceMetrics;
  /** The client's address as express's `req.ip` gives it (TRUST_PROXY). */
  clientAddress: (req: IncomingMessage) => string;
}): (req: IncomingMessage, res: ServerResponse) => RequestInfo {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const path = pathOf(req.url ?? '/');
    const given = req.headers['x-request-id'];
    const info: RequestInfo = {
      id: typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID(),
      ip: clientAddress(req),
      errorCodes: [],
    };
    localsOf(res).request = info;
    res.setHeader('x-request-id', info.id);
    // The connection went before the answer did (the client left, or a stop cut it at its cap):
    // a mutation may have committed without its client knowing, so it is on the record, with
    // the operation once it has run.
    const undelivered = () =>
      logger.warn('request ended without an answer', {
        requestId: info.id,
        method: req.method,
        route: routeOf(path),
        ...(info.operation !== undefined ? { operation: info.operation, operationType: info.operationType } : {}),
        ...(info.errorCodes.length > 0 ? { errorCodes: info.errorCodes } : {}),
      });
    res.on('close', () => {
      if (res.writableFinished) return;
      if (info.executing) info.undelivered = undelivered;
      else undelivered();
    });
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(path);
      metrics.observe(route, info, res.statusCode, seconds);
      if (QUIET_PATHS.has(path)) return;
      logger.info('request', {
        requestId: info.id,
        method: req.method,
        route,
        ...(info.operation !== undefined ? { operation: info.operation, operationType: info.operationType } : {}),
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e6) / 1e3,
        ...(info.errorCodes.length > 0 ? { errorCodes: info.errorCodes } : {}),
      });
    });
    return info;
  };
}

/** Notes the operation and the error codes of a GraphQL request on its RequestInfo. */
export function graphqlRequestInfoPlugin<T extends { request?: RequestInfo }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const info = contextValue.request;
      if (!info) return;
      info.executing = true;
      // The operation's label is the request policy's (src/http/request-policy.ts).
      return {
        async willSendResponse({ response }) {
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            info.errorCodes.push(typeof code === 'string' ? code : 'UNKNOWN');
          }
          info.executing = false;
          info.undelivered?.();
        },
      };
    },
  };
}
