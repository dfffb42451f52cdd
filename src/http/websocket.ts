import { viewerFromHeaders } from './viewer';
import { crossOriginProblem, readSessionCookie, type SessionCookie } from './session-cookie';
import type http from 'node:http';
import {
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import {
  CloseCode,
  type Context as WsContext,
  handleProtocols,
  makeServer,
  type ServerOptions,
  type SubscribePayload,
} from 'graphql-ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Database } from '../db/database';
import { contextFor, type Services } from '../app/services';
import { DomainError, ErrorCode } from '../domain/errors';
import { createErrorFormatter } from '../graphql/format-error';
import { MAX_TOKENS, queryLimitRules } from '../graphql/limits';
import type { Logger } from '../logger';
import { nestsDeeperThan } from './json-depth';
import { ANONYMOUS, type Viewer } from '../modules/auth/viewer';

/** Live operations one connection may hold at once; more are refused (RATE_LIMITED). */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** The largest message a client may send (a subscribe message holds a document). */
const MAX_MESSAGE_BYTES = 1024 * 1024;
/** A ping this often; a client that has not answered the last one by the next is cut off. */
const KEEP_ALIVE_MS = 12_000;

const SUBSCRIPTIONS_ONLY =
  'This WebSocket carries subscriptions only: send queries and mutations as HTTP POST requests.';

export interface LiveUpdates {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Ends every live operation, closes every socket (1001, going away) and stops accepting. */
  close(): Promise<void>;
}

export interface LiveUpdatesOptions {
  server: http.Server;
  path: string;
  schema: GraphQLSchema;
  db: Database;
  services: Services;
  logger: Logger;
  production: boolean;
  /** The client's address, as the rate limits see it (TRUST_PROXY). */
  clientAddress: (request: http.IncomingMessage) => string;
  /** Open sockets one address may hold (0: no limit); more are refused with HTTP 429 before the handshake. */
  connectionsPerAddress: number;
  /** The staff session cookie, which signs a browser's subscriptions in when no token is sent. */
  cookie?: SessionCookie | null;
}

/** Connection parameters a client sends in `connection_init`: its API token, as in the HTTP header. */
interface ConnectionParams {
  authorization?: unknown;
  Authorization?: unknown;
  [key: string]: unknown;
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol, `graphql-transport-ws`) on the
 * GraphQL path. The token goes in the connection parameters (`{ "authorization": "Bearer …" }`):
 * a bad one closes the socket with 4403 before any operation; without one the client
 * subscribes anonymously.
 * Documents face the same parser and validation limits as over HTTP, and their errors the
 * same formatter: codes in `extensions.code`, nothing unexpected unmasked.
 */
export function attachLiveUpdates({
  server,
  path,
  schema,
  db,
  services,
  logger,
  production,
  clientAddress,
  connectionsPerAddress,
  cookie = null,
}: LiveUpdatesOptions): LiveUpdates {
  // Open sockets per client address. The check (at the handshake) and the count (on
  // 'connection') happen in the same tick in ws, so concurrent handshakes cannot slip past it;
  // a handshake that fails in between was never counted.
  const open = new Map<string, number>();
  const sockets = new WebSocketServer({
    server,
    path,
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req }, accept) => {
      if (connectionsPerAddress > 0 && (open.get(clientAddress(req)) ?? 0) >= connectionsPerAddress) {
        return accept(false, 429, 'Too many open subscription connections from this address');
      }
      // Cross-site WebSocket hijacking: a page of another origin opening a socket that the
      // browser's session cookie would sign in is refused before the handshake.
      if (cookie && readSessionCookie(req.headers.cookie, cookie) !== null && crossOriginProblem(req, cookie))
        return accept(false, 403, 'Cross-origin WebSocket with the session cookie refused');
      accept(true);
    },
  });
  sockets.on('connection', (socket, req) => {
    const address = clientAddress(req);
    open.set(address, (open.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  const viewers = new WeakMap<object, Viewer>();
  const rules = [...specifiedRules, ...queryLimitRules(schema)];
  const formatter = createErrorFormatter({ production, logger });
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => formatter(withRequestCode(error).toJSON(), error));

  const protocol = bindProtocol(
    sockets,
    {
      schema,
      onConnect: async (ctx) => {
        try {
          const token = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
          if (token !== undefined && typeof token !== 'string') return false;
          // A token in the connection parameters wins; else the session cookie of the upgrade
          // request; a cookie naming an ended session closes the socket (4403), never anonymous.
          const secret =
            token === undefined && cookie ? readSessionCookie(ctx.extra.request.headers.cookie, cookie) : null;
          viewers.set(
            ctx,
            secret !== null
              ? await services.auth.viewerForSession(secret)
              : await viewerFromHeaders(services.auth, { authorization: token }),
          );
          return true;
        } catch (error) {
          // A malformed, unknown or revoked token or session (UNAUTHENTICATED): 4403 Forbidden.
          if (!(error instanceof GraphQLError) && !(error instanceof DomainError))
            logger.error(
              'WebSocket connection check failed',
              production ? { errorName: (error as Error).name } : { message: (error as Error).message },
            );
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => prepare(ctx, payload),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    { logger, production },
  );

  function prepare(ctx: WsContext<ConnectionParams>, payload: SubscribePayload) {
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: MAX_TOKENS });
    } catch (error) {
      return [requestError(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
    }
    // In production no "Did you mean …?" hints: they reveal the schema when introspection is off.
    const invalid = validate(schema, document, rules, { hideSuggestions: production });
    if (invalid.length > 0) return invalid.map((error) => requestError(error, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, payload.operationName);
    if (!operation)
      return [
        new GraphQLError('Name the operation to run: the document holds several, or none by that name.', {
          extensions: { code: 'BAD_REQUEST' },
        }),
      ];
    if (operation.operation !== 'subscription')
      return [new GraphQLError(SUBSCRIPTIONS_ONLY, { extensions: { code: 'BAD_REQUEST' } })];
    // ctx.subscriptions already holds this one while it is being prepared.
    if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return [
        new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, {
          extensions: { code: ErrorCode.RATE_LIMITED, limit: 'subscriptions', max: MAX_SUBSCRIPTIONS_PER_CONNECTION },
        }),
      ];
    }
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: contextFor(db, services, viewers.get(ctx) ?? ANONYMOUS),
    };
  }

  return {
    get connections() {
      return sockets.clients.size;
    },
    close: protocol.close,
  };
}

/**
 * graphql-ws's protocol on a `ws` server: its `use/ws` starter, adapted. The starter answers a
 * well-formed message the protocol does not allow from a client (a `connection_ack`, say) as
 * an internal error (4500) and prints it to the console: here that is the client's error
 * (4400, Bad Request), and what is truly unexpected goes to our log, stripped in production.
 */
function bindProtocol(
  sockets: WebSocketServer,
  options: ServerOptions<ConnectionParams, { socket: WebSocket; request: http.IncomingMessage }>,
  { logger, production }: { logger: Logger; production: boolean },
): { close(): Promise<void> } {
  const protocol = makeServer(options);
  sockets.options.handleProtocols = handleProtocols;
  sockets.on('connection', (socket, request) => {
    const internalError = (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      logger.error('WebSocket connection failed', production ? { errorName: name } : { errorName: name, message });
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    };
    // ws emits 'error' for what the client sent wrong (an oversized or malformed frame) and
    // closes the socket itself with the fitting code (1009, 1002…): not ours to log as a fault.
    socket.on('error', (error: Error & { code?: string }) =>
      logger.debug('WebSocket protocol error from a client', { errorName: error.name, code: error.code }),
    );
    let awaitingPong = false;
    const keepAlive = setInterval(() => {
      if (awaitingPong) return socket.terminate();
      awaitingPong = true;
      socket.ping();
    }, KEEP_ALIVE_MS);
    socket.on('pong', () => (awaitingPong = false));
    const closed = protocol.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            const message = String(data);
            if (nestsDeeperThan(message)) return socket.close(CloseCode.BadRequest, 'JSON nested too deeply');
            try {
              await handle(message);
            } catch (error) {
              if (error instanceof Error && error.message.startsWith('Unexpected message of type'))
                socket.close(CloseCode.BadRequest, 'Unexpected message');
              else internalError(error);
            }
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      void closed(code, String(reason));
    });
  });
  return {
    async close() {
      for (const client of sockets.clients) client.close(1001, 'Going away');
      sockets.removeAllListeners();
      await new Promise<void>((resolve, reject) => sockets.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Parse and validation errors carry the codes Apollo gives them over HTTP (and our limits' own). */
function requestError(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/**
 * Errors graphql-js raises before any resolver runs have no code: a variable that does not
 * fit its type is bad input (as Apollo answers over HTTP).
 */
function withRequestCode(error: GraphQLError): GraphQLError {
  if (error.extensions.code !== undefined || error.path !== undefined || error.originalError) return error;
  if (error.message.startsWith('Variable "$'))
    return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT } });
  return error;
}
