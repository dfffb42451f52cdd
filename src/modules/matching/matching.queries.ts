import type { RawBuilder } from 'kysely';
import { type StatementBuilder, type StatementOptions, statement, statementVariants, sql } from '../../db/statements';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { articleVisible } from '../auth/visibility.queries';

/**
 * Every statement of claim matching. Candidates come from a full-text index of claims alone
 * (claims_fts on SQLite; on PostgreSQL the stemmed tsvector of claims' text documents, under a
 * partial GIN index), then are re-ranked in TypeScript (similarity.ts).
 */

/** How many matches a probe counts at most: enough to tell a rare term from a common one. */
export const PROBE_LIMIT = 1000;
/**
 * The most matches the terms of one sentence of Article.suggestedClaims may hold together
 * (matching.service.ts): a term in more claims than this is only ever queried when it is the
 * sentence's rarest, so a sentence's terms are first probed only this far (plus one), and
 * counted up to PROBE_LIMIT only when none of them is under it. At a million claims, counting
 * to 1,000 the many terms a sentence has in more than 250 claims was a third of the request's SQL.
 */
export const SENTENCE_MATCH_BUDGET = 250;
export const SHORT_PROBE_LIMIT = SENTENCE_MATCH_BUDGET + 1;
/** How many full-text candidates are re-ranked (twice this many are read, for visibility). */
export const CANDIDATE_LIMIT = 100;
/**
 * The same for one sentence of Article.suggestedClaims, which keeps 3 per sentence for up to
 * hundreds of sentences: re-ranking (normalising) candidates is most of that request's cost.
 */
export const SENTENCE_CANDIDATE_LIMIT = 5;

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

/** SQLite: how many claims (live or not, up to `limit`) hold a term, on the claims-only index. */
const ftsProbe = (name: string, limit: number) =>
  statement<{ match: string }, { n: number }>(
    name,
    (q) =>
      sql<{
        n: number;
      }>`SELECT count(*) AS n FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${q.p.match} LIMIT ${sql.lit(limit)})`,
    SQLITE,
  );
export const ftsTermProbe = ftsProbe('matching.ftsProbe', PROBE_LIMIT);
export const ftsShortTermProbe = ftsProbe('matching.ftsShortProbe', SHORT_PROBE_LIMIT);

/**
 * SQLite: the claims whose text best matches (bm25 on the claims-only index claims_fts), that
 * the viewer may see. The MATCH is built from a few rare terms (matching.service.ts), so bm25
 * ranks a bounded number of claims, and no article or other document can crowd them out.
 */
const ftsCandidates = (name: string, limit: number) =>
  statementVariants<VisibilityLevel, { match: string }, CandidateRow>(
    name,
    VISIBILITY_LEVELS,
    (q, level) =>
      visibleCandidates(
        sql`(SELECT rowid AS ref, bm25(claims_fts) AS bm FROM claims_fts WHERE claims_fts MATCH ${q.p.match} ORDER BY bm25(claims_fts) LIMIT ${sql.lit(limit * 2)})`,
        level,
        sql`h.bm`,
      ),
    SQLITE,
  );
export const ftsClaimCandidates = ftsCandidates('matching.ftsCandidates', CANDIDATE_LIMIT);
export const ftsSentenceCandidates = ftsCandidates('matching.ftsSentenceCandidates', SENTENCE_CANDIDATE_LIMIT);

/**
 * PostgreSQL: how many claims' text documents (up to `limit`) hold a term, on the stemmed
 * tsvector; the predicate is the partial GIN index's (ClaimMatchingIndex), so articles are not read.
 */
const tsProbe = (name: string, limit: number) =>
  statement<{ tsquery: string }, { n: number }>(
    name,
    (q) =>
      sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_documents d WHERE d.stemmed @@ to_tsquery('search_english', ${q.p.tsquery}) AND d.type = 'CLAIM' AND d.field = ${sql.lit(CLAIM_TEXT_FIELD)} LIMIT ${sql.lit(limit)}) m`,
    POSTGRES,
  );
export const tsTermProbe = tsProbe('matching.tsProbe', PROBE_LIMIT);
export const tsShortTermProbe = tsProbe('matching.tsShortProbe', SHORT_PROBE_LIMIT);

/** PostgreSQL: the claims whose text best matches (ts_rank on the stemmed tsvector), that the viewer may see. */
const tsCandidates = (name: string, limit: number) =>
  statementVariants<VisibilityLevel, { tsquery: string }, CandidateRow>(
    name,
    VISIBILITY_LEVELS,
    (q, level) =>
      visibleCandidates(
        sql`(SELECT d.ref_id AS ref, ts_rank(d.stemmed, to_tsquery('search_english', ${q.p.tsquery})) AS rank FROM search_documents d
         WHERE d.stemmed @@ to_tsquery('search_english', ${q.p.tsquery}) AND d.type = 'CLAIM' AND d.field = ${sql.lit(CLAIM_TEXT_FIELD)}
         ORDER BY rank DESC LIMIT ${sql.lit(limit * 2)})`,
        level,
        sql`h.rank DESC`,
      ),
    POSTGRES,
  );
export const tsClaimCandidates = tsCandidates('matching.tsCandidates', CANDIDATE_LIMIT);
export const tsSentenceCandidates = tsCandidates('matching.tsSentenceCandidates', SENTENCE_CANDIDATE_LIMIT);

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
