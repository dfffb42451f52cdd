import type { RawBuilder } from 'kysely';
import { type StatementBuilder, type StatementOptions, statement, statementVariants, sql } from '../../db/statements';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { articleVisible } from '../auth/visibility.queries';

/**
 * Every statement of claim matching. Candidates come from the search index the service already
 * keeps (search_documents: FTS5 on SQLite, tsvector on PostgreSQL), restricted to claims'
 * text documents, then re-ranked in TypeScript (similarity.ts).
 */

/** How many matches a probe counts at most: enough to tell a rare term from a common one. */
export const PROBE_LIMIT = 1000;
/** How many full-text candidates are re-ranked. */
export const CANDIDATE_LIMIT = 100;

/**
 * The search document that holds the text a claim is matched by, and the column it comes from:
 * the claim's quote today. The one place to change when claims get a text of their own.
 */
const CLAIM_TEXT_FIELD = 'quote';
const claimText = () => sql<string>`c.quote`;

export interface CandidateRow {
  id: number;
  text: string;
  articleId: number;
  language: string;
}

const SQLITE: StatementOptions = { dialects: ['sqlite'] };
const POSTGRES: StatementOptions = { dialects: ['postgres'] };

/** The candidates' claims the viewer may see: live claims of visible articles, best first. */
function visibleCandidates(hits: RawBuilder<unknown>, level: VisibilityLevel, order: RawBuilder<unknown>) {
  return sql<CandidateRow>`SELECT c.id AS id, ${claimText()} AS text, c.article_id AS ${sql.id('articleId')}, a.language AS language
       FROM ${hits} h JOIN claims c ON c.id = h.ref JOIN articles a ON a.id = c.article_id
       WHERE c.deleted_at IS NULL AND ${articleVisible(level)}
       ORDER BY ${order}, c.id`;
}

/** SQLite: how many documents (of any type, up to PROBE_LIMIT) hold a term, on the stemmed index. */
export const ftsTermProbe = statement<{ match: string }, { n: number }>(
  'matching.ftsProbe',
  (q) =>
    sql<{
      n: number;
    }>`SELECT count(*) AS n FROM (SELECT rowid FROM search_fts_stem WHERE search_fts_stem MATCH ${q.p.match} LIMIT ${sql.lit(PROBE_LIMIT)})`,
  SQLITE,
);

/**
 * SQLite: the claims whose text best matches (bm25 on the stemmed index), that the viewer may
 * see. The MATCH is built from a few rare terms (matching.service.ts), so bm25 ranks a bounded
 * number of documents.
 */
export const ftsClaimCandidates = statementVariants<VisibilityLevel, { match: string }, CandidateRow>(
  'matching.ftsCandidates',
  VISIBILITY_LEVELS,
  (q, level) =>
    visibleCandidates(
      sql`(SELECT d.ref_id AS ref, f.bm AS bm FROM (SELECT rowid AS doc, bm25(search_fts_stem) AS bm FROM search_fts_stem WHERE search_fts_stem MATCH ${q.p.match} ORDER BY bm25(search_fts_stem) LIMIT ${sql.lit(CANDIDATE_LIMIT * 2)}) f
         JOIN search_documents d ON d.id = f.doc WHERE d.type = 'CLAIM' AND d.field = ${sql.lit(CLAIM_TEXT_FIELD)})`,
      level,
      sql`h.bm`,
    ),
  SQLITE,
);

/** PostgreSQL: how many documents (of any type, up to PROBE_LIMIT) hold a term, on the stemmed tsvector. */
export const tsTermProbe = statement<{ tsquery: string }, { n: number }>(
  'matching.tsProbe',
  (q) =>
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_documents d WHERE d.stemmed @@ to_tsquery('search_english', ${q.p.tsquery}) LIMIT ${sql.lit(PROBE_LIMIT)}) m`,
  POSTGRES,
);

/** PostgreSQL: the claims whose text best matches (ts_rank on the stemmed tsvector), that the viewer may see. */
export const tsClaimCandidates = statementVariants<VisibilityLevel, { tsquery: string }, CandidateRow>(
  'matching.tsCandidates',
  VISIBILITY_LEVELS,
  (q, level) =>
    visibleCandidates(
      sql`(SELECT d.ref_id AS ref, ts_rank(d.stemmed, to_tsquery('search_english', ${q.p.tsquery})) AS rank FROM search_documents d
         WHERE d.stemmed @@ to_tsquery('search_english', ${q.p.tsquery}) AND d.type = 'CLAIM' AND d.field = ${sql.lit(CLAIM_TEXT_FIELD)}
         ORDER BY rank DESC LIMIT ${sql.lit(CANDIDATE_LIMIT * 2)})`,
      level,
      sql`h.rank DESC`,
    ),
  POSTGRES,
);

/** The suggestions dismissed for an article: (sentence key, claim) pairs. */
export const dismissalsOfArticle = statement(
  'matching.dismissalsOfArticle',
  (q: StatementBuilder<{ articleId: number }>) =>
    q.db
      .selectFrom('claim_suggestion_dismissals')
      .select(['sentence_key as sentenceKey', 'claim_id as claimId'])
      .where('article_id', '=', q.p.articleId),
);

/** Remembers a dismissal; dismissing the same pair again changes nothing. */
export const insertDismissal = statement(
  'matching.insertDismissal',
  (
    q: StatementBuilder<{
      articleId: number;
      claimId: number;
      sentenceKey: string;
      sentence: string;
      actorId: number;
    }>,
  ) =>
    q.db
      .insertInto('claim_suggestion_dismissals')
      .values({
        article_id: q.p.articleId,
        claim_id: q.p.claimId,
        sentence_key: q.p.sentenceKey,
        sentence: q.p.sentence,
        actor_id: q.p.actorId,
      })
      .onConflict((oc) => oc.columns(['article_id', 'sentence_key', 'claim_id']).doNothing()),
);
