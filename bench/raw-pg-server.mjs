// Raw baseline on PostgreSQL (`npm run bench -- --postgres`): raw-server.mjs's answers from the
// same rows in a PostgreSQL schema. node:http + a `pg` Pool of named (prepared once per
// connection) statements, no GraphQL engine, no ORM. Its JSON must equal the service's (run.mjs
// checks before timing), so the ratio measured is the cost of the GraphQL stack and nothing else.
//
// Usage: DATABASE_URL=postgres://... DATABASE_SCHEMA=<schema> node bench/raw-pg-server.mjs <port> [--write]
//   --write: answer the `Bench` createAnnotation mutation too (the article query either way).
//   DATABASE_POOL_SIZE: connections in the pool (default 10, the service's default).
//
// Every statement is a round trip to the server: /metrics counts them all, BEGIN and COMMIT too,
// reads outside a transaction as read statements and the transaction's as write statements.
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { articleJson, globalId, PUBLIC_ANNOTATION } from './raw-article-json.mjs';
import {
  LAST_USED_RESOLUTION_MS,
  notFound,
  parseInput,
  RANK,
  RawGraphqlError,
  sqlDate,
  TOKEN,
} from './raw-create-annotation.mjs';

/**
 * `timestamp` columns to the ISO 8601 text the service's DateTime scalar prints (the service
 * stores UTC). PostgreSQL drops trailing zeros of the fraction: "10:20:30.5", "10:20:30".
 */
function isoTimestamp(value) {
  if (value.length === 23) return `${value.slice(0, 10)}T${value.slice(11)}Z`;
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, isoTimestamp);
/** Dates come out of the type parser as the service prints them already. */
const keepDate = (value) => value;
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const statements = { read: 0, write: 0 };

/** A named statement: parsed and planned once per connection, then only bound and executed. */
function statement(name, text) {
  return { name: `raw_${name}`, text };
}

const ARTICLE_BY_SLUG = statement(
  'article_by_slug',
  "SELECT id, slug, headline, standfirst, authors, section, language, published_at FROM articles WHERE slug = $1 AND status = 'PUBLISHED'",
);
const CLAIMS_OF = statement(
  'claims_of',
  'SELECT c.id, c.quote, c.prefix, c.suffix, c.start_offset, c.end_offset, cl.name AS claimant, c.verdict FROM claims c LEFT JOIN claimants cl ON cl.id = c.claimant_id WHERE c.article_id = $1 ORDER BY c.start_offset, c.id',
);
// Fact-checks without a publication time last, as the service (and SQLite's DESC) order them.
const ANNOTATIONS_OF = statement(
  'annotations_of',
  'SELECT a.id, a.claim_id, a.verdict, a.summary, a.body, a.version, a.published_at, u.name AS author_name ' +
    'FROM annotations a JOIN claims c ON c.id = a.claim_id JOIN users u ON u.id = a.author_id ' +
    `WHERE c.article_id = $1 AND a.status IN ${PUBLIC_ANNOTATION} ORDER BY a.claim_id, a.published_at DESC NULLS LAST, a.id DESC`,
);
const CITATIONS_OF = statement(
  'citations_of',
  'SELECT ci.annotation_id, ci.stance, ci.excerpt, s.id AS source_id, s.url, s.title, s.publisher, s.kind, s.published_at ' +
    'FROM citations ci JOIN annotations a ON a.id = ci.annotation_id JOIN claims c ON c.id = a.claim_id JOIN sources s ON s.id = ci.source_id AND s.public_at IS NOT NULL ' +
    `WHERE c.article_id = $1 AND a.status IN ${PUBLIC_ANNOTATION} ORDER BY ci.annotation_id, ci.position`,
);

const TOKEN_LOOKUP = statement(
  'token_lookup',
  'SELECT t.id AS token_id, t.last_used_at, u.id, u.name, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL',
);
const TOUCH_TOKEN = statement('touch_token', 'UPDATE api_tokens SET last_used_at = $1 WHERE id = $2');
const CLAIM_ARTICLE = statement(
  'claim_article',
  'SELECT a.status FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $1 AND c.deleted_at IS NULL',
);
const SOURCE_EXISTS = statement('source_exists', 'SELECT 1 FROM sources WHERE id = $1');
const INSERT_ANNOTATION = statement(
  'insert_annotation',
  'INSERT INTO annotations (claim_id, author_id, verdict, summary, body, status, version, published_at, retracted_at, retraction_reason, created_at, updated_at) ' +
    "VALUES ($1, $2, $3, $4, $5, 'DRAFT', 1, NULL, NULL, NULL, $6, $6) RETURNING id",
);
const INSERT_CITATION = statement(
  'insert_citation',
  'INSERT INTO citations (annotation_id, source_id, stance, excerpt, position) VALUES ($1, $2, $3, $4, $5)',
);
const INSERT_REVISION = statement(
  'insert_revision',
  'INSERT INTO annotation_revisions (annotation_id, version, change, verdict, summary, body, status, citations, actor_id, note, created_at) ' +
    "VALUES ($1, 1, 'CREATED', $2, $3, $4, 'DRAFT', $5, $6, NULL, $7)",
);

/** PostgreSQL's codes for a transaction that lost a race and may simply be run again (as the service retries). */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 40;

function handlers(pool, write) {
  const read = async (query, values) => {
    statements.read += 1;
    return (await pool.query({ ...query, values })).rows;
  };

  // Four statements per article whatever its size, one after the other, as raw-server.mjs runs them.
  async function article(variables) {
    const [row] = typeof variables?.slug === 'string' ? await read(ARTICLE_BY_SLUG, [variables.slug]) : [];
    if (!row) return { article: null };
    const claims = await read(CLAIMS_OF, [row.id]);
    const annotations = await read(ANNOTATIONS_OF, [row.id]);
    const citations = await read(CITATIONS_OF, [row.id]);
    return articleJson(row, claims, annotations, citations, keepDate);
  }

  /** The bearer token's user, as AuthService.viewerFrom; last_used_at refreshed at most once a minute, off the request's path. */
  async function viewer(headers) {
    const header = headers.authorization;
    if (!header)
      throw new RawGraphqlError('Sign in: send an API token as `Authorization: Bearer <token>`.', 'UNAUTHENTICATED');
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match)
      throw new RawGraphqlError('Malformed Authorization header: expected `Bearer <token>`.', 'UNAUTHENTICATED', {
        httpStatus: 401,
      });
    const [row] = TOKEN.test(match[1])
      ? await read(TOKEN_LOOKUP, [createHash('sha256').update(match[1], 'utf8').digest('hex')])
      : [];
    if (!row) throw new RawGraphqlError('Unknown or revoked API token.', 'UNAUTHENTICATED', { httpStatus: 401 });
    const now = Date.now();
    const last = row.last_used_at === null ? null : Date.parse(row.last_used_at);
    if (last === null || now - last >= LAST_USED_RESOLUTION_MS) {
      statements.write += 1;
      pool.query({ ...TOUCH_TOKEN, values: [sqlDate(now), row.token_id] }).catch(() => undefined);
    }
    return row;
  }

  /** One SERIALIZABLE transaction, as the service's writes (src/db/postgres.ts): run again when it loses a race. */
  async function transaction(work) {
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      const run = async (query, values) => {
        statements.write += 1;
        return (await client.query(values ? { ...query, values } : query)).rows;
      };
      try {
        await run('BEGIN ISOLATION LEVEL SERIALIZABLE');
        const value = await work(run);
        await run('COMMIT');
        return value;
      } catch (error) {
        await run('ROLLBACK').catch(() => undefined);
        if (!RETRYABLE.has(error.code) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 2 ** attempt)));
      } finally {
        client.release();
      }
    }
  }

  async function createAnnotation(variables, headers) {
    const user = await viewer(headers);
    if (!(RANK[user.role] >= RANK.REVIEWER))
      throw new RawGraphqlError('This needs the REVIEWER role or higher.', 'FORBIDDEN');
    const input = parseInput(variables.input);
    const id = await transaction(async (run) => {
      const [claim] = await run(CLAIM_ARTICLE, [input.claimId]);
      if (!claim || (RANK[user.role] < RANK.EDITOR && claim.status !== 'PUBLISHED'))
        throw notFound('No such claim.', 'input.claimId');
      const now = sqlDate(Date.now());
      const [{ id: annotationId }] = await run(INSERT_ANNOTATION, [
        input.claimId,
        user.id,
        input.verdict,
        input.summary,
        input.body,
        now,
      ]);
      for (const [position, c] of input.citations.entries()) {
        if ((await run(SOURCE_EXISTS, [c.sourceId])).length === 0)
          throw notFound('No such source.', `input.citations.${position}.sourceId`);
        await run(INSERT_CITATION, [annotationId, c.sourceId, c.stance, c.excerpt, position]);
      }
      await run(INSERT_REVISION, [
        annotationId,
        input.verdict,
        input.summary,
        input.body,
        JSON.stringify(input.citations),
        user.id,
        now,
      ]);
      return annotationId;
    });
    // The row just written: its version and status are those inserted.
    return { createAnnotation: { id: globalId('Annotation', id), version: 1, status: 'DRAFT' } };
  }

  // Keyed by GraphQL operation name, as raw-server.mjs.
  return { BenchArticle: article, ...(write ? { Bench: createAnnotation } : {}) };
}

export function createRawPgServer({ url, schema, poolSize = 10, write = false }) {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'factline-raw-bench',
    // The service's connections name their schema the same way (src/db/postgres.ts).
    options: `-c search_path="${schema.replace(/"/g, '""')}"`,
  });
  // An idle connection the server dropped: the pool replaces it; never a crash.
  pool.on('error', (error) => console.error(`raw-pg-server: idle connection: ${error.message}`));
  const byOperation = handlers(pool, write);
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(
          `factline_sql_read_statements_total ${statements.read}\nfactline_sql_write_statements_total ${statements.write}\n`,
        );
      return;
    }
    if (req.method !== 'POST' || req.url !== '/graphql') {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
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
        if (handler) payload = { data: await handler(variables ?? {}, req.headers) };
        else {
          status = 400;
          payload = { errors: [{ message: `raw-pg-server: unknown operation ${name}` }] };
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
  return { server, pool };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [port, ...flags] = process.argv.slice(2);
  const url = process.env.DATABASE_URL?.trim();
  const schema = process.env.DATABASE_SCHEMA?.trim();
  if (!port || !url || !schema || flags.some((flag) => flag !== '--write')) {
    console.error(
      'usage: DATABASE_URL=postgres://... DATABASE_SCHEMA=<schema> node bench/raw-pg-server.mjs <port> [--write]',
    );
    process.exit(2);
  }
  const poolSize = Number(process.env.DATABASE_POOL_SIZE?.trim() || 10);
  const { server, pool } = createRawPgServer({ url, schema, poolSize, write: flags.includes('--write') });
  server.listen(Number(port), '127.0.0.1', () =>
    console.log(
      `raw-pg-server listening on http://127.0.0.1:${server.address().port}/graphql (schema ${schema}, pool ${poolSize})`,
    ),
  );
  const stop = () => {
    // Transactions in flight finish (or roll back) before the pool closes.
    server.close(() => pool.end().finally(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
