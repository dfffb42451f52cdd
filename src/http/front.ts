import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type express from 'express';
import type { CompiledQueryLane } from './compiled-query-lane';
import { jsonTooDeepError, nestsDeeperThan } from './json-depth';
import type { RequestInfo } from './observability';

/** What express.json() takes at most on the GraphQL path (its `limit`), in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The JSON a body-less front read failed to parse: express's error handler answers it (400). */
const FRONT_BODY_ERROR = Symbol('front body error');

/**
 * The server's request listener. Every request is tracked first (request id, log line,
 * metrics); JSON POSTs to the GraphQL path have their body read here and go to the compiled
 * query lane, and everything else, and whatever the lane passes on, to express.
 *
 * A body read here is not read again: express.json() skips a request whose stream has ended and
 * keeps the `req.body` set here; a body that is not JSON reaches express as the same
 * `entity.parse.failed` error express.json() raises (see `frontBodyErrors`).
 */
export function frontListener(options: {
  app: express.Express;
  graphqlPath: string;
  track: (req: IncomingMessage, res: ServerResponse) => RequestInfo;
  lane: CompiledQueryLane;
}): RequestListener {
  const { app, graphqlPath, track, lane } = options;
  return (req, res) => {
    const info = track(req, res);
    if (!readsHere(req, graphqlPath)) return app(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A client that goes away mid-body gets no answer, as with express.json().
    req.on('error', () => {});
    req.on('end', () => {
      let body: unknown;
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      try {
        body = parseJsonBody(text);
      } catch (error) {
        (req as FrontRequest)[FRONT_BODY_ERROR] = error;
        return app(req, res);
      }
      (req as FrontRequest).body = body;
      lane.serve(req, res, info, body, () => app(req, res));
    });
  };
}

type FrontRequest = IncomingMessage & { body?: unknown; [FRONT_BODY_ERROR]?: unknown };

/**
 * Express middleware, before express.json() on the GraphQL path: a body the front could not
 * parse fails here as it would have there.
 */
export function frontBodyErrors(): express.RequestHandler {
  return (req, _res, next) => {
    const error = (req as FrontRequest)[FRONT_BODY_ERROR];
    next(error);
  };
}

/**
 * JSON POSTs to the GraphQL path that express.json() would read as plain UTF-8 within its
 * limit; anything else (compressed, chunked without a length, another charset, too large)
 * goes to express untouched.
 */
function readsHere(req: IncomingMessage, graphqlPath: string): boolean {
  if (req.method !== 'POST' || req.url !== graphqlPath) return false;
  if (req.headers['content-encoding'] !== undefined) return false;
  const length = Number(req.headers['content-length']);
  if (!Number.isInteger(length) || length <= 0 || length > MAX_BODY_BYTES) return false;
  return isPlainJsonType(req.headers['content-type']);
}

function isPlainJsonType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => param === 'charset=utf-8' || param === 'charset="utf-8"');
}

/**
 * JSON.parse as express.json() does it (strict: an object or an array at the top), throwing
 * an error shaped as its own (`type`, `status`) for the error handler. JSON nested too deeply
 * is refused before it is parsed, as `jsonBodyDepthCheck` does for express.json().
 */
function parseJsonBody(raw: string): unknown {
  // Its decoder drops a byte order mark.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // trimStart() skips more than JSON's whitespace, but JSON.parse refuses what only it skips.
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw parseFailed();
  if (nestsDeeperThan(text)) throw jsonTooDeepError();
  try {
    return JSON.parse(text);
  } catch {
    throw parseFailed();
  }
}

/** express.json()'s `verify` option: a body nested too deeply is refused before it is parsed. */
export function jsonBodyDepthCheck(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  if (nestsDeeperThan(body.toString(encoding as BufferEncoding))) throw jsonTooDeepError();
}

function parseFailed(): Error {
  return Object.assign(new SyntaxError('The request body is not valid JSON.'), {
    type: 'entity.parse.failed',
    status: 400,
  });
}
