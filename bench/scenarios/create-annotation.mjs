// Scenario `createAnnotation`: the createAnnotation mutation (a DRAFT fact-check with two
// citations) as a REVIEWER with a bearer token, against raw-server.mjs's INSERTs.
//
// Writes change the data, so each target gets its own fresh copy of the dataset every round
// (run.mjs restarts both servers on them). Before loading, one mutation to each must give the
// same JSON, the same new id and the same rows. After loading, every write acknowledged must be
// in the copy, whole: the annotation, its 2 citations and its revision.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertSameJson, postGraphql, short } from '../support.mjs';
import { registerSqlFunctions } from '../generate-dataset.mjs';

const MUTATION =
  'mutation Bench($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version status } }';
const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const keyOf = (id) => Number(/^Annotation:(\d+)$/.exec(Buffer.from(id, 'base64url').toString('utf8'))?.[1]);
// The documented stored form of times (src/db/sql-dates.ts); the raw server writes it.
const SQL_DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

const variables = (claimId, [first, second]) => ({
  input: {
    claimId: globalId('Claim', claimId),
    verdict: 'MIXED',
    summary: 'Bench summary',
    body: 'Bench body text.',
    citations: [
      { sourceId: globalId('Source', first), stance: 'SUPPORTS', excerpt: 'bench excerpt one' },
      { sourceId: globalId('Source', second), stance: 'CONTEXT', excerpt: 'bench excerpt two' },
    ],
  },
});

/** Two different existing sources for the i-th body, spread over the table. */
function sourcesFor(i, count) {
  const first = ((i * 7919) % count) + 1;
  const second = ((i * 104_729 + 17) % count) + 1;
  return [first, second === first ? (first % count) + 1 : second];
}

function withDb(file, options, work) {
  const db = registerSqlFunctions(new Database(file, options));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** The rows the mutation wrote for annotation `id`: their time columns apart, and those. */
function writtenRows(file, id) {
  return withDb(file, { readonly: true, fileMustExist: true }, (db) => {
    const {
      created_at: a1,
      updated_at: a2,
      ...annotation
    } = db
      .prepare(
        'SELECT claim_id, author_id, verdict, summary, body, status, version, published_at, retracted_at, retraction_reason, created_at, updated_at FROM annotations WHERE id = ?',
      )
      .get(id) ?? { created_at: null, updated_at: null };
    const citations = db
      .prepare('SELECT source_id, stance, excerpt, position FROM citations WHERE annotation_id = ? ORDER BY position')
      .all(id);
    const revisions = db
      .prepare(
        'SELECT version, change, verdict, summary, body, status, citations, actor_id, note, created_at FROM annotation_revisions WHERE annotation_id = ? ORDER BY version',
      )
      .all(id);
    const times = {
      'annotations.created_at': a1,
      'annotations.updated_at': a2,
      ...Object.fromEntries(revisions.map((r, i) => [`annotation_revisions[${i}].created_at`, r.created_at])),
    };
    return { rows: { annotation, citations, revisions: revisions.map(({ created_at: _, ...r }) => r) }, times };
  });
}

export const createAnnotationScenario = {
  name: 'createAnnotation',
  description: 'createAnnotation with two citations (token auth, checks, 4 INSERTs in one transaction)',
  mutates: true,
  ackField: 'createAnnotation',

  /** A template copy of the dataset with a REVIEWER and their API token; what the bodies rotate over. */
  prepare(env) {
    const template = path.join(env.DATA, 'create-annotation-template.db');
    for (const f of [template, `${template}-wal`, `${template}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(env.cached, template);
    // As src/modules/auth/api-token.ts makes them: fl_ + 32 random bytes, stored as SHA-256 hex.
    const secret = `fl_${randomBytes(32).toString('base64url')}`;
    return withDb(template, { fileMustExist: true }, (db) => {
      const created = new Date().toISOString().replace('T', ' ').replace('Z', '');
      const userId = Number(
        db.prepare("INSERT INTO users (name, role, created_at) VALUES ('Bench Writer', 'REVIEWER', ?)").run(created)
          .lastInsertRowid,
      );
      db.prepare(
        "INSERT INTO api_tokens (user_id, label, token_hash, token_prefix, created_at, last_used_at, revoked_at) VALUES (?, 'bench', ?, ?, ?, NULL, NULL)",
      ).run(userId, createHash('sha256').update(secret, 'utf8').digest('hex'), secret.slice(0, 10), created);
      const claims = db
        .prepare(
          "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.status = 'PUBLISHED' ORDER BY c.id",
        )
        .pluck()
        .all();
      const step = Math.max(1, Math.floor(claims.length / 200));
      return {
        template,
        secret,
        userId,
        claimIds: claims.filter((_, i) => i % step === 0).slice(0, 200),
        sourceCount: db.prepare('SELECT COUNT(*) FROM sources').pluck().get(),
        draftClaimId: db
          .prepare(
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.status <> 'PUBLISHED' ORDER BY c.id LIMIT 1",
          )
          .pluck()
          .get(),
        baseMaxId: db.prepare('SELECT COALESCE(MAX(id), 0) FROM annotations').pluck().get(),
        checked: {},
      };
    });
  },

  bodies: (ctx) =>
    ctx.claimIds.map((claimId, i) =>
      JSON.stringify({ query: MUTATION, variables: variables(claimId, sourcesFor(i, ctx.sourceCount)) }),
    ),
  headers: (ctx) => ({ authorization: `Bearer ${ctx.secret}` }),

  /** Identical fresh copies of the template, one per target. */
  copies(ctx) {
    const files = {};
    for (const target of ['graphql', 'raw']) {
      const file = path.join(path.dirname(ctx.template), `create-annotation-${target}.db`);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      fs.copyFileSync(ctx.template, file);
      files[target] = file;
    }
    return files;
  },

  /** Same answers from both on fresh copies: a rejected write, then one that must get the same new id and rows. */
  async check(ctx, targets) {
    const headers = this.headers(ctx);
    const send = (vars) =>
      Promise.all(['raw', 'graphql'].map((t) => postGraphql(targets[t].url, MUTATION, vars, headers)));
    const parse = (name, r, label) => {
      if (r.status !== 200) throw new Error(`${label}: ${name} answered HTTP ${r.status}: ${short(r.text, 500)}`);
      return JSON.parse(r.text);
    };
    if (ctx.draftClaimId !== undefined) {
      const label = 'createAnnotation on a draft article';
      const [raw, graphql] = (await send(variables(ctx.draftClaimId, [1, 2]))).map((r, i) =>
        parse(['raw', 'graphql'][i], r, label),
      );
      for (const [name, body] of [
        ['raw', raw],
        ['graphql', graphql],
      ]) {
        if (body.data?.createAnnotation || body.errors?.[0]?.extensions?.code !== 'NOT_FOUND')
          throw new Error(`${label}: ${name} answered ${short(body, 300)}: expected NOT_FOUND`);
      }
    }
    const label = 'createAnnotation';
    const [rawResponse, graphqlResponse] = await send(variables(ctx.claimIds[0], sourcesFor(0, ctx.sourceCount)));
    const raw = parse('raw', rawResponse, label);
    const graphql = parse('graphql', graphqlResponse, label);
    const rawId = raw.data?.createAnnotation?.id;
    const graphqlId = graphql.data?.createAnnotation?.id;
    if (!rawId || !graphqlId)
      throw new Error(`${label}: no id: raw ${short(raw, 300)}, graphql ${short(graphql, 300)}`);
    const modId = (body) => ({ ...body, data: { createAnnotation: { ...body.data.createAnnotation, id: '(id)' } } });
    assertSameJson(label, modId(raw), modId(graphql));
    const expectedId = globalId('Annotation', ctx.baseMaxId + 1);
    if (rawId !== graphqlId || rawId !== expectedId)
      throw new Error(
        `${label}: ids differ on identical copies: raw ${rawId}, graphql ${graphqlId}, expected ${expectedId} (Annotation:${ctx.baseMaxId + 1})`,
      );
    const written = {
      raw: await this.writtenRows(targets.raw.file, ctx.baseMaxId + 1),
      graphql: await this.writtenRows(targets.graphql.file, ctx.baseMaxId + 1),
    };
    assertSameJson(`${label}: rows written`, written.raw.rows, written.graphql.rows);
    if (written.raw.rows.citations.length !== 2 || written.raw.rows.revisions.length !== 1)
      throw new Error(`${label}: expected 2 citations and 1 revision, got ${short(written.raw.rows, 500)}`);
    for (const [target, { times }] of Object.entries(written)) {
      const off = Object.entries(times).filter(([, value]) => !SQL_DATE.test(value ?? ''));
      if (off.length)
        console.warn(
          `warning: ${target} stored ${off.map(([column, value]) => `${column} ${JSON.stringify(value)}`).join(', ')}: not "YYYY-MM-DD HH:MM:SS.SSS"`,
        );
    }
    ctx.checked = { raw: [rawId], graphql: [graphqlId] };
    return `raw and graphql answers identical (same new id ${graphqlId}, same rows) and both refuse a draft article's claim`;
  },

  /**
   * After the load, with the target's server stopped: every write acknowledged is in the copy,
   * whole. Writes the client stopped waiting for (autocannon cuts connections when its time is
   * up) may have committed too: the copy may hold up to that many more, never fewer.
   */
  async verify(ctx, target, file, result) {
    const phases = [result.writes.warmup, result.writes.measure].filter(Boolean);
    const failed = phases.reduce((n, p) => n + p.failed, 0);
    if (failed)
      throw new Error(
        `createAnnotation ${target}: ${failed} response(s) without a new id, e.g. ${phases.find((p) => p.failed).firstFailure}`,
      );
    const ids = [...ctx.checked[target], ...JSON.parse(fs.readFileSync(result.ackFile, 'utf8'))].map(keyOf);
    const ok2xx = ctx.checked[target].length + phases.reduce((n, p) => n + p.ok2xx, 0);
    const unanswered = phases.reduce((n, p) => n + Math.max(0, p.sent - p.answered), 0);
    const rows = await this.rowsAfter(file, ctx.baseMaxId);
    const present = new Set(rows.map((r) => r.id));
    const acknowledged = new Set(ids);
    const problems = [];
    if (acknowledged.size !== ids.length) problems.push(`${ids.length - acknowledged.size} id(s) acknowledged twice`);
    const lost = ids.filter((id) => !present.has(id));
    if (lost.length) problems.push(`${lost.length} acknowledged write(s) missing, e.g. Annotation:${lost[0]}`);
    const partial = rows.filter(
      (r) =>
        r.citations !== 2 || r.revisions !== 1 || r.status !== 'DRAFT' || r.version !== 1 || r.author_id !== ctx.userId,
    );
    if (partial.length) problems.push(`${partial.length} new annotation(s) not whole, e.g. ${short(partial[0], 200)}`);
    const extra = rows.length - acknowledged.size;
    if (extra < 0 || extra > unanswered)
      problems.push(
        `${rows.length} new annotations for ${acknowledged.size} acknowledged and ${unanswered} unanswered request(s)`,
      );
    if (ok2xx !== ids.length) problems.push(`${ok2xx} 2xx responses but ${ids.length} ids`);
    const line =
      `createAnnotation ${target.padEnd(7)} data: ${ok2xx} 2xx responses, ${rows.length} new annotations` +
      (extra > 0
        ? ` (${extra} more committed for requests cut off when the load stopped; ${unanswered} went unanswered)`
        : '') +
      `; every acknowledged one present with 2 citations and 1 revision`;
    if (problems.length) throw new Error(`createAnnotation ${target}: DATA CHECK FAILED: ${problems.join('; ')}`);
    return `${line}: OK`;
  },

  /** The rows the mutation wrote for annotation `id` in the target's copy (here a SQLite file). */
  writtenRows,

  /** The annotations after `baseMaxId` in the target's copy, with their citation and revision counts. */
  rowsAfter(file, baseMaxId) {
    return withDb(file, { readonly: true, fileMustExist: true }, (db) =>
      db
        .prepare(
          `SELECT n.id, n.status, n.version, n.author_id,
             (SELECT COUNT(*) FROM citations c WHERE c.annotation_id = n.id) AS citations,
             (SELECT COUNT(*) FROM annotation_revisions r WHERE r.annotation_id = n.id) AS revisions
           FROM annotations n WHERE n.id > ?`,
        )
        .all(baseMaxId),
    );
  },
};
