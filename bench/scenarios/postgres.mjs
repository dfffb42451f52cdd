// The `article` and `createAnnotation` scenarios on PostgreSQL (`npm run bench -- --postgres`):
// the same operations, bodies, checks and data checks as on SQLite, with the dataset in schemas
// (bench/postgres.mjs) instead of files. A target's `file` is its schema's name here.
//
// createAnnotation: the service writes to the base schema, the raw baseline to its copy; before
// every round both are reset to the rows as loaded and given the same writer and token, so the
// rounds are independent and both targets start on identical data (the same next ids).
import { createHash, randomBytes } from 'node:crypto';
import { postgresUrl, resetSchema, withClient } from '../postgres.mjs';
import { articleScenario } from './article.mjs';
import { createAnnotationScenario } from './create-annotation.mjs';

const pluck = (rows) => rows.map((row) => Object.values(row)[0]);

export const articlePostgresScenario = {
  ...articleScenario,
  database: 'postgres',

  /** As readSlugs in article.mjs, from the base schema. */
  prepare: (env) =>
    withClient(env.postgres.url, env.postgres.schemas.base, async (client) => {
      const allSlugs = pluck(
        (await client.query("SELECT slug FROM articles WHERE status = 'PUBLISHED' ORDER BY id")).rows,
      );
      const step = Math.max(1, Math.floor(allSlugs.length / 200));
      const hiddenSlugs = pluck(
        (await client.query("SELECT slug FROM articles WHERE status <> 'PUBLISHED' ORDER BY id")).rows,
      );
      // Published articles with a retracted fact-check (shown, newest first) and a draft (hidden).
      const withUnpublishedAnnotations = pluck(
        (
          await client.query(
            "SELECT a.slug FROM articles a WHERE a.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM claims c JOIN annotations n ON n.claim_id = c.id WHERE c.article_id = a.id AND n.status <> 'PUBLISHED') ORDER BY a.id LIMIT 2",
          )
        ).rows,
      );
      return {
        allSlugs,
        hiddenSlugs,
        withUnpublishedAnnotations,
        slugs: allSlugs.filter((_, i) => i % step === 0).slice(0, 200),
      };
    }),
};

/** The bench writer and their token, the same in both schemas (after a reset: the same ids). */
async function addWriter(url, schema, secret) {
  return withClient(url, schema, async (client) => {
    const created = new Date().toISOString().replace('T', ' ').replace('Z', '');
    const { rows } = await client.query(
      "INSERT INTO users (name, role, created_at) VALUES ('Bench Writer', 'REVIEWER', $1) RETURNING id",
      [created],
    );
    await client.query(
      "INSERT INTO api_tokens (user_id, label, token_hash, token_prefix, created_at, last_used_at, revoked_at) VALUES ($1, 'bench', $2, $3, $4, NULL, NULL)",
      [rows[0].id, createHash('sha256').update(secret, 'utf8').digest('hex'), secret.slice(0, 10), created],
    );
    return rows[0].id;
  });
}

export const createAnnotationPostgresScenario = {
  ...createAnnotationScenario,
  database: 'postgres',

  /** What the bodies rotate over, from the base schema as loaded; the writer is added by copies(). */
  async prepare(env) {
    const { url, schemas, ids } = env.postgres;
    await resetSchema(url, schemas.base, ids);
    // As src/modules/auth/api-token.ts makes them: fl_ + 32 random bytes, stored as SHA-256 hex.
    const secret = `fl_${randomBytes(32).toString('base64url')}`;
    return withClient(url, schemas.base, async (client) => {
      const claims = pluck(
        (
          await client.query(
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.status = 'PUBLISHED' ORDER BY c.id",
          )
        ).rows,
      );
      const step = Math.max(1, Math.floor(claims.length / 200));
      return {
        postgres: env.postgres,
        secret,
        // The next user id after a reset: copies() checks each schema gives it.
        userId: ids.users + 1,
        claimIds: claims.filter((_, i) => i % step === 0).slice(0, 200),
        sourceCount: (await client.query('SELECT COUNT(*)::int AS n FROM sources')).rows[0].n,
        draftClaimId: (
          await client.query(
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.status <> 'PUBLISHED' ORDER BY c.id LIMIT 1",
          )
        ).rows[0]?.id,
        baseMaxId: ids.annotations,
        checked: {},
      };
    });
  },

  /** Both schemas back to the rows as loaded, with the writer: the service's and the raw baseline's. */
  async copies(ctx) {
    const { url, schemas, ids } = ctx.postgres;
    const files = { graphql: schemas.base, raw: schemas.copy };
    for (const schema of Object.values(files)) {
      await resetSchema(url, schema, ids);
      const userId = await addWriter(url, schema, ctx.secret);
      if (userId !== ctx.userId)
        throw new Error(`createAnnotation: schema ${schema} gave the writer id ${userId}, expected ${ctx.userId}`);
    }
    return files;
  },

  /** The rows the mutation wrote for annotation `id` in `schema`, times as the text SQLite stores. */
  writtenRows: (schema, id) =>
    withClient(postgresUrl(), schema, async (client) => {
      const ms = (column) => `to_char(${column}, 'YYYY-MM-DD HH24:MI:SS.MS') AS ${column}`;
      const [annotation] = (
        await client.query(
          `SELECT claim_id, author_id, verdict, summary, body, status, version, published_at, retracted_at, retraction_reason, ${ms('created_at')}, ${ms('updated_at')} FROM annotations WHERE id = $1`,
          [id],
        )
      ).rows;
      const { created_at: a1, updated_at: a2, ...rest } = annotation ?? { created_at: null, updated_at: null };
      const citations = (
        await client.query(
          'SELECT source_id, stance, excerpt, position FROM citations WHERE annotation_id = $1 ORDER BY position',
          [id],
        )
      ).rows;
      const revisions = (
        await client.query(
          `SELECT version, change, verdict, summary, body, status, citations, actor_id, note, ${ms('created_at')} FROM annotation_revisions WHERE annotation_id = $1 ORDER BY version`,
          [id],
        )
      ).rows;
      const times = {
        'annotations.created_at': a1,
        'annotations.updated_at': a2,
        ...Object.fromEntries(revisions.map((r, i) => [`annotation_revisions[${i}].created_at`, r.created_at])),
      };
      return { rows: { annotation: rest, citations, revisions: revisions.map(({ created_at: _, ...r }) => r) }, times };
    }),

  rowsAfter: (schema, baseMaxId) =>
    withClient(postgresUrl(), schema, async (client) => {
      const { rows } = await client.query(
        `SELECT n.id, n.status, n.version, n.author_id,
           (SELECT COUNT(*) FROM citations c WHERE c.annotation_id = n.id)::int AS citations,
           (SELECT COUNT(*) FROM annotation_revisions r WHERE r.annotation_id = n.id)::int AS revisions
         FROM annotations n WHERE n.id > $1`,
        [baseMaxId],
      );
      return rows;
    }),
};
