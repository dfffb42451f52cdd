// Raw baseline: the cheapest reasonable way to answer the benchmark's GraphQL operations from
// the same SQLite file. node:http + better-sqlite3 prepared statements, no GraphQL engine, no
// ORM. Its JSON must equal the service's (run.mjs checks before timing), so the ratio measured
// is the cost of the GraphQL stack and nothing else.
//
// Usage: node bench/raw-server.mjs <dbfile> <port> [--write]
//   --write: open the file read-write (the service's pragmas) and answer the `Bench`
//   createAnnotation mutation too; without it the file is opened read-only.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createAnnotationHandler, RawGraphqlError } from './raw-create-annotation.mjs';
import { registerSqlFunctions } from './generate-dataset.mjs';
import { articleJson, globalId, PUBLIC_ANNOTATION, VERDICT_SCALE } from './raw-article-json.mjs';

/** Verdicts in scale order (TRUE first): the order of an article's verdictSummary. */
const VERDICT_RANK = new Map(Object.keys(VERDICT_SCALE).map((verdict, i) => [verdict, i]));

/** The scope the service's article-list cursors carry (the list and its default order). */
const ARTICLE_LIST_SCOPE = 'articles:PUBLISHED_AT_DESC';
const FORGED_CURSOR = 'Invalid cursor: pass an endCursor returned by this list, unchanged.';

/** An article-list cursor as src/graphql/relay/cursor.ts encodes it: base64url JSON of [scope, published_at as stored, id]. */
export const articleListCursor = (publishedAt, id) =>
  Buffer.from(JSON.stringify([ARTICLE_LIST_SCOPE, publishedAt, id]), 'utf8').toString('base64url');

/** TypeORM's sqlite datetime text ("YYYY-MM-DD HH:MM:SS.SSS", UTC) to ISO 8601, as the service's DateTime scalar prints it. */
function isoDate(value) {
  if (value === null || value === undefined) return null;
  // Fast path for the exact stored form; anything else goes through Date like the service's.
  if (value.length === 23 && value[10] === ' ') return `${value.slice(0, 10)}T${value.slice(11)}Z`;
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`).toISOString();
}

const badCursor = () => new RawGraphqlError(FORGED_CURSOR, 'BAD_USER_INPUT', { field: 'after' });

/** Builds the handlers; each takes the request's variables and headers and returns the `data` object. */
function handlers(db, write) {
  // Four statements per article whatever its size: children are fetched per article, not per
  // parent row, the same batching a DataLoader-based server should reach.
  const articleBySlug = db.prepare(
    "SELECT id, slug, headline, standfirst, authors, section, language, published_at FROM articles WHERE slug = ? AND status = 'PUBLISHED'",
  );
  const claimsOf = db.prepare(
    'SELECT c.id, c.quote, c.prefix, c.suffix, c.start_offset, c.end_offset, cl.name AS claimant, c.verdict FROM claims c LEFT JOIN claimants cl ON cl.id = c.claimant_id WHERE c.article_id = ? ORDER BY c.start_offset, c.id',
  );
  const annotationsOf = db.prepare(
    'SELECT a.id, a.claim_id, a.verdict, a.summary, a.body, a.version, a.published_at, u.name AS author_name ' +
      'FROM annotations a JOIN claims c ON c.id = a.claim_id JOIN users u ON u.id = a.author_id ' +
      // Anonymous readers see published and retracted fact-checks; SQLite sorts NULLs first,
      // so DESC puts fact-checks without a publication time last, as the service does.
      `WHERE c.article_id = ? AND a.status IN ${PUBLIC_ANNOTATION} ORDER BY a.claim_id, a.published_at DESC, a.id DESC`,
  );
  const citationsOf = db.prepare(
    'SELECT ci.annotation_id, ci.stance, ci.excerpt, s.id AS source_id, s.url, s.title, s.publisher, s.kind, s.published_at ' +
      'FROM citations ci JOIN annotations a ON a.id = ci.annotation_id JOIN claims c ON c.id = a.claim_id JOIN sources s ON s.id = ci.source_id AND s.public_at IS NOT NULL ' +
      `WHERE c.article_id = ? AND a.status IN ${PUBLIC_ANNOTATION} ORDER BY ci.annotation_id, ci.position`,
  );

  function article(variables) {
    const row = typeof variables?.slug === 'string' ? articleBySlug.get(variables.slug) : undefined;
    if (!row) return { article: null };
    return articleJson(row, claimsOf.all(row.id), annotationsOf.all(row.id), citationsOf.all(row.id), isoDate);
  }

  // The article list: two statements per page whatever its size, the page and its claim
  // counts grouped, as the service's list query and its claim-stats DataLoader do.
  const listColumns =
    "SELECT id, slug, headline, published_at FROM articles WHERE status = 'PUBLISHED' AND published_at IS NOT NULL";
  const firstPage = db.prepare(`${listColumns} ORDER BY published_at DESC, id DESC LIMIT ?`);
  const pageAfter = db.prepare(
    `${listColumns} AND (published_at, id) < (?, ?) ORDER BY published_at DESC, id DESC LIMIT ?`,
  );
  const claimStatsOf = db.prepare(
    'SELECT article_id, verdict, COUNT(*) AS n FROM claims WHERE article_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL GROUP BY article_id, verdict',
  );

  /** The `after` cursor's position, refused as the service refuses it (anonymous readers: dated rows only). */
  function decodeAfter(after) {
    if (after.length === 0 || after.length > 300 || !/^[A-Za-z0-9_-]+$/.test(after)) throw badCursor();
    let decoded;
    try {
      decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    } catch {
      throw badCursor();
    }
    if (!Array.isArray(decoded) || decoded.length !== 3) throw badCursor();
    const [scope, value, id] = decoded;
    if (scope !== ARTICLE_LIST_SCOPE || typeof value !== 'string' || !Number.isSafeInteger(id) || id < 1)
      throw badCursor();
    return { value, id };
  }

  function articleList(variables) {
    const size = variables.first ?? 20;
    if (size < 0) throw new RawGraphqlError('`first` must not be negative.', 'BAD_USER_INPUT', { field: 'first' });
    if (size > 100) throw new RawGraphqlError('`first` must be at most 100.', 'BAD_USER_INPUT', { field: 'first' });
    const after = variables.after == null ? null : decodeAfter(variables.after);
    // LIMIT size + 1: the extra row only says whether there is a next page.
    const rows = after ? pageAfter.all(after.value, after.id, size + 1) : firstPage.all(size + 1);
    const page = rows.slice(0, size);
    const stats = new Map(page.map((row) => [row.id, { claimCount: 0, verdictSummary: [] }]));
    if (page.length) {
      for (const s of claimStatsOf.all(JSON.stringify(page.map((row) => row.id)))) {
        const entry = stats.get(s.article_id);
        entry.claimCount += s.n;
        // Claims without a verdict count, but have no line in the summary.
        if (s.verdict) entry.verdictSummary.push({ verdict: s.verdict, count: s.n });
      }
    }
    const last = page.at(-1);
    return {
      articles: {
        edges: page.map((row) => {
          const { claimCount, verdictSummary } = stats.get(row.id);
          verdictSummary.sort((x, y) => VERDICT_RANK.get(x.verdict) - VERDICT_RANK.get(y.verdict));
          return {
            node: {
              id: globalId('Article', row.id),
              slug: row.slug,
              headline: row.headline,
              publishedAt: isoDate(row.published_at),
              claimCount,
              verdictSummary,
            },
          };
        }),
        pageInfo: {
          endCursor: last ? articleListCursor(last.published_at, last.id) : null,
          hasNextPage: rows.length > size,
        },
      },
    };
  }

  // Keyed by GraphQL operation name: new scenarios add their raw equivalent here.
  return {
    BenchArticle: article,
    BenchArticleList: articleList,
    ...(write ? { Bench: createAnnotationHandler(db) } : {}),
  };
}

/** Statements run, for /metrics as the service counts them: a counter bumped around each prepared statement's execution. */
let statementsRun = 0;
function counted(db) {
  const prepare = db.prepare.bind(db);
  db.prepare = (sql) => {
    const statement = prepare(sql);
    for (const method of ['run', 'get', 'all', 'iterate']) {
      const execute = statement[method].bind(statement);
      statement[method] = (...args) => {
        statementsRun += 1;
        return execute(...args);
      };
    }
    return statement;
  };
  return db;
}

function openDatabase(file, write) {
  if (!write) return counted(new Database(file, { readonly: true, fileMustExist: true }));
  const db = counted(registerSqlFunctions(new Database(file, { fileMustExist: true })));
  // The service's pragmas (src/db/database.ts): commits cost the same on both sides.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

export function createRawServer(file, { write = false } = {}) {
  const db = openDatabase(file, write);
  const byOperation = handlers(db, write);
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(`factline_sql_read_statements_total ${statementsRun}\nfactline_sql_write_statements_total 0\n`);
      return;
    }
    if (req.method !== 'POST' || req.url !== '/graphql') {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let status = 200;
      let payload;
      try {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const name = operationName ?? /^\s*(?:query|mutation)\s+(\w+)/.exec(query ?? '')?.[1];
        // Anonymous `{ __typename }` is the readiness probe run.mjs sends to both servers.
        const handler =
          name === undefined && /^\s*\{\s*__typename\s*\}\s*$/.test(query ?? '')
            ? () => ({ __typename: 'Query' })
            : byOperation[name];
        if (handler) payload = { data: handler(variables ?? {}, req.headers) };
        else {
          status = 400;
          payload = { errors: [{ message: `raw-server: unknown operation ${name}` }] };
        }
      } catch (error) {
        if (error instanceof RawGraphqlError) {
          // As Apollo answers an error thrown by a resolver: HTTP 200 unless the error says otherwise.
          status = error.httpStatus ?? 200;
          payload = {
            errors: [
              {
                message: error.message,
                extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) },
              },
            ],
            data: null,
          };
        } else {
          status = 500;
          payload = { errors: [{ message: String(error?.message ?? error) }] };
        }
      }
      const body = JSON.stringify(payload);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  server.on('close', () => db.close());
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, port, ...flags] = process.argv.slice(2);
  if (!file || !port || flags.some((flag) => flag !== '--write')) {
    console.error('usage: node bench/raw-server.mjs <dbfile> <port> [--write]');
    process.exit(2);
  }
  const server = createRawServer(file, { write: flags.includes('--write') });
  server.listen(Number(port), '127.0.0.1', () =>
    console.log(`raw-server listening on http://127.0.0.1:${server.address().port}/graphql`),
  );
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
