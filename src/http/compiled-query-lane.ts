import type { IncomingMessage, ServerResponse } from 'node:http';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { CompiledExecutor } from '../graphql/compiled-executor';
import type { AppContext } from '../app/context';
import { negotiatedMediaType } from './graphql-over-http';
import type { RequestInfo } from './observability';
import type { RequestPolicy } from './request-policy';

type ContextFactory = (request: {
  req: IncomingMessage;
  res: ServerResponse & { locals: Record<string, unknown> };
}) => Promise<AppContext>;

/**
 * The short way through for the queries clients repeat: straight from the socket, in front of
 * express and Apollo (src/http/front.ts hands it JSON POSTs to the GraphQL path, body read).
 *
 * Around each execution, express (request and response decoration, body parsing, an ETag hash
 * of every answer) and Apollo's pipeline (a sha256 of the text, a dozen plugin hooks, header
 * maps) do work on every request that is not small beside a compiled execution. A query text
 * that Apollo has parsed, validated and run, and the executor compiled, needs none of that
 * again: the lane coerces its variables, runs the compiled function and sends the JSON. What
 * Apollo's plugins and the cache middleware decide (the operation's label, its rate budget,
 * the response cache) it asks of the same RequestPolicy (src/http/request-policy.ts).
 *
 * Only the plain, successful case is taken. Everything else goes on to express and Apollo,
 * which answer it as they always have: a text not compiled yet, an `extensions` entry
 * (persisted queries), variables that do not fit, a credential that fails, an Accept Apollo
 * would refuse, a query that spends a rate budget (Apollo's plugin spends it), and any result with errors
 * (it runs again there, so errors are formatted, coded and counted in one place; queries
 * change nothing, and errors are rare on the paths clients repeat).
 */
export class CompiledQueryLane {
  /** Requests answered here rather than by Apollo, for tests and metrics. */
  answered = 0;

  constructor(
    private readonly options: {
      executor: CompiledExecutor;
      schema: GraphQLSchema;
      context: ContextFactory;
      policy: RequestPolicy;
    },
  ) {}

  /**
   * Answers the request, or calls `passOn` for express and Apollo to (without having written
   * anything). `body` is the parsed JSON body.
   */
  serve(req: IncomingMessage, res: ServerResponse, info: RequestInfo, body: unknown, passOn: () => void): void {
    const { executor, schema, policy } = this.options;
    const request = plainRequest(body);
    if (!request) return passOn();
    const compiled = executor.compiledForSource(request.query, request.operationName);
    if (!compiled) return passOn();
    const mediaType = negotiatedMediaType(req.headers.accept);
    if (mediaType === null) return passOn();
    const variables = request.variables ?? {};
    if (getVariableValues(schema, compiled.variableDefinitions, variables, { maxErrors: 1 }).errors) return passOn();
    const operation = {
      schema,
      document: compiled.document,
      operation: compiled.operation,
      operationName: compiled.operationName,
      variables,
    };
    if (policy.budget(operation) !== null) return passOn();

    const cache = policy.cache;
    const key = cache ? policy.cacheKey({ method: 'POST', headers: req.headers, body }) : null;
    // Peeked, not counted: a request handed on is looked up (and counted) by the cache middleware.
    const cached = key !== null && cache ? cache.peek(key) : null;
    policy.label(info, 'query', compiled.operationName);
    if (cached?.entry) {
      this.answered += 1;
      cache!.count(cached);
      return send(res, cached.entry.body, cached.entry.contentType, { etag: cached.entry.etag, 'x-cache': 'hit' });
    }
    void this.execute(req, res, compiled.query, variables)
      .then((data) => {
        if (data === null) return passOn();
        this.answered += 1;
        const json = `${JSON.stringify({ data })}\n`;
        const contentType = `${mediaType}; charset=utf-8`;
        if (key === null || !cache || !cached) return send(res, json, contentType, {});
        cache.count(cached);
        send(res, json, contentType, { etag: cache.store(key, cached.version, json, contentType), 'x-cache': 'miss' });
      })
      .catch(() => {
        // Whatever went wrong (a credential refused, a database failing), Apollo reports it.
        if (!res.headersSent) passOn();
      });
  }

  /** The result's data, or null when it has errors (for Apollo to report). */
  private async execute(
    req: IncomingMessage,
    res: ServerResponse,
    compiled: CompiledQuery,
    variables: Record<string, unknown>,
  ): Promise<unknown> {
    const contextValue = await this.options.context({
      req,
      res: res as ServerResponse & { locals: Record<string, unknown> },
    });
    const result = await compiled.query(undefined, contextValue, variables);
    return result.errors ? null : (result.data ?? null);
  }
}

function send(res: ServerResponse, body: string | Buffer, contentType: string, headers: Record<string, string>): void {
  // Encoded once: its length and the bytes written come from the same buffer.
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.statusCode = 200;
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', bytes.length);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(bytes);
}

interface PlainRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** `query` with optional `variables` and `operationName`, nothing else; null otherwise. */
function plainRequest(body: unknown): PlainRequest | null {
  if (!isPlainObject(body)) return null;
  const { query, variables, operationName, ...rest } = body;
  if (typeof query !== 'string' || Object.keys(rest).length > 0) return null;
  if (variables != null && !isPlainObject(variables)) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return { query, variables: variables ?? undefined, operationName: operationName ?? undefined };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
