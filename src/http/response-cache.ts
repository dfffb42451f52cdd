import { createHash } from 'node:crypto';
import type express from 'express';
import { requestInfo } from './observability';

/**
 * A response cache for anonymous GraphQL reads: the same query with the same variables gets
 * the same bytes, without parsing, validating or running anything.
 *
 * Never stale: an entry remembers the database's data version (PRAGMA data_version on the
 * read connection) read before its query ran, and is served only while that version is
 * current. Any commit, by this service or another process (an import), moves the version,
 * so a read that starts after a write was acknowledged can never get a pre-write answer.
 * Coarse on purpose: any write empties the cache in effect, and reads refill it.
 *
 * Only for requests without credentials (what anonymous readers see is the same for all of
 * them), for queries answered 200 without errors. Bounded in bytes, least recently used out.
 *
 * Answers are kept as UTF-8 bytes: a socket sends a Buffer as it is, where a string would be
 * encoded into a fresh copy on every hit: large answers served often would keep the allocator
 * churning and raise the process's peak memory for nothing.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly dataVersion: () => number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Looks an answer up, counting a hit or a miss. */
  lookup(key: string): CacheLookup {
    return this.count(this.peek(key));
  }

  /** Counts a lookup made with `peek` once its request is answered. */
  count(found: CacheLookup): CacheLookup {
    if (found.entry) this.hits += 1;
    else this.misses += 1;
    return found;
  }

  /**
   * Looks an answer up without counting: for a path that may yet hand the request on to one
   * that looks it up again (the compiled-query lane), so each request counts once.
   */
  peek(key: string): CacheLookup {
    const version = this.dataVersion();
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      // Most recently used last: the Map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return { entry, version };
    }
    if (entry) this.remove(key, entry);
    return { entry: null, version };
  }

  /** Keeps the answer; returns its ETag (the same on the miss that stores it and on every hit). */
  store(key: string, version: number, body: string, contentType: string): string {
    const bytes = Buffer.from(body, 'utf8');
    const etag = `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;
    const size = bytes.length + key.length;
    if (size > this.maxBytes / 8) return etag; // one huge answer must not flush everything else
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { version, body: bytes, contentType, etag, size });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
    return etag;
  }

  private remove(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

export interface CacheLookup {
  entry: CachedResponse | null;
  /** The data version read before the query runs: what an answer stored for it is valid for. */
  version: number;
}

interface CachedResponse {
  version: number;
  body: Buffer;
  contentType: string;
  etag: string;
  size: number;
}

/** Anonymous GETs may be kept by shared caches (a CDN) as long as they check back (ETag). */
const SHARED_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/**
 * Before Apollo: answers a hit at once; on a miss, lets the request through and keeps its
 * answer if it turns out to be a query answered without errors.
 */
/** What decides which requests the cache may answer and which answers it may keep (src/http/request-policy.ts). */
export interface CachePolicy {
  cacheKey(request: {
    method: string;
    headers: express.Request['headers'];
    url?: string;
    body?: unknown;
  }): string | null;
  cacheable(status: number, info: ReturnType<typeof requestInfo>): boolean;
}

export function responseCacheMiddleware(cache: ResponseCache, policy: CachePolicy): express.RequestHandler {
  return (req, res, next) => {
    const key = policy.cacheKey({
      method: req.method,
      headers: req.headers,
      url: req.originalUrl,
      body: req.is('application/json') ? req.body : undefined,
    });
    if (key === null) return next();
    const { entry, version } = cache.lookup(key);
    if (entry) {
      const info = requestInfo(res);
      if (info && req.method === 'POST' && typeof req.body.operationName === 'string')
        info.operation = req.body.operationName;
      res.setHeader('content-type', entry.contentType);
      res.setHeader('etag', entry.etag);
      if (req.method === 'GET') res.setHeader('cache-control', SHARED_CACHE_CONTROL);
      res.setHeader('x-cache', 'hit');
      res.send(entry.body); // answers 304 itself to a GET whose If-None-Match matches
      return;
    }
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const info = requestInfo(res);
      if (typeof body === 'string' && policy.cacheable(res.statusCode, info)) {
        res.setHeader(
          'etag',
          cache.store(key, version, body, String(res.getHeader('content-type') ?? 'application/json; charset=utf-8')),
        );
        if (req.method === 'GET') res.setHeader('cache-control', SHARED_CACHE_CONTROL);
      }
      res.setHeader('x-cache', 'miss');
      return send(body);
    };
    next();
  };
}
