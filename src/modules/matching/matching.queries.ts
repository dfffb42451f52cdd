import type { RawBuilder } from 'kysely';
import { type StatementBuilder, type StatementOptions, statement, statementVariants, sql } from '../../db/statements';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { articleVisible } from '../auth/visibility.queries';

/**
 * Every statement of claim matching. Candidates come from a full-text index of claims alone
 * (claims_fts on SQLite; on PostgreSQL the stemmed tsvector of claims' text and quote documents,
 * under a partial GIN index), then are re-ranked in TypeScript (similarity.ts). A claim is
 * matched by its own words (`claims.text`, the quote while it has none) and by its quote.
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
 * The search documents that hold what a claim is matched by (ClaimWordsSearchable): its own
 * words, when it has them, and its quote. Written as the partial GIN index's predicate, so the
 * planner can use it.
 */
const claimWordsFields = () => sql`d.type = 'CLAIM' AND d.field IN ('quote', 'text')`;

export interface CandidateRow {
  id: number;
  /** The claim's words: its own, or its quote while it has none. */
  text: string;
  /** Its quote, when it has words of its own that differ from it (null: `text` is the quote). */
  quote: string | null;
  articleId: number;
  language: string;
}

const SQLITE: StatementOptions = { dialects: ['sqlite'] };
const POSTGRES: StatementOptions = { dialects: ['postgres'] };

/** What a candidate row holds of its claim (CandidateRow), from claims `c` and articles `a`. */
const candidateColumns = () => sql`c.id AS id, coalesce(c.text, c.quote) AS text,
         CASE WHEN c.text IS NULL OR c.text = c.quote THEN NULL ELSE c.quote END AS quote, c.article_id AS ${sql.id('articleId')}, a.language AS language`;

/** Which claims `c` of articles `a` the viewer may see: live claims (not further places of one) of visible articles. */
const candidateVisible = (level: VisibilityLevel) =>
  sql`c.deleted_at IS NULL AND c.appearance_of_id IS NULL AND ${articleVisible(level)}`;

/**
 * The candidates' claims the viewer may see, best first. CROSS JOIN keeps SQLite's join order
 * (the hits, then each one's claim and article by key): otherwise, for a few hundred hits, it
 * may read every claim through the appearance_of_id index and look each hit up in the list.
 */
function visibleCandidates(hits: RawBuilder<unknown>, level: VisibilityLevel, order: RawBuilder<unknown>) {
  return sql<CandidateRow>`SELECT ${candidateColumns()}
       FROM ${hits} h CROSS JOIN claims c CROSS JOIN articles a
       WHERE c.id = h.ref AND a.id = c.article_id AND ${candidateVisible(level)}
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

/**
 * SQLite, for the sentences of Article.suggestedClaims: how many claims hold each of many terms
 * (`matches`, one FTS5 expression each), as ftsProbe counts them, in one statement; `i` is the
 * term's place in the list.
 */
const ftsCounts = (name: string, limit: number) =>
  statement<{ matches: string[] }, { i: number; n: number }>(
    name,
    (q) =>
      sql<{
        i: number;
        n: number;
      }>`SELECT k.key AS i, (SELECT count(*) FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH k.value LIMIT ${sql.lit(limit)})) AS n FROM ${q.keys('matches', 'text')}`,
    SQLITE,
  );
export const ftsShortTermCounts = ftsCounts('matching.ftsShortCounts', SHORT_PROBE_LIMIT);
export const ftsTermCounts = ftsCounts('matching.ftsCounts', PROBE_LIMIT);

/**
 * SQLite: the ids of the claims holding each of many terms (`ids`, comma-separated), for terms
 * counted in fewer than PROBE_LIMIT claims: so an article's sentences choose their candidates
 * from these lists (matching.service.ts) rather than by a ranked query each.
 */
export const ftsClaimsHoldingTerms = statement<{ matches: string[] }, { i: number; ids: string | null }>(
  'matching.ftsClaimsHolding',
  (q) =>
    sql<{
      i: number;
      ids: string | null;
    }>`SELECT k.key AS i, (SELECT group_concat(rowid) FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH k.value LIMIT ${sql.lit(PROBE_LIMIT)})) AS ids FROM ${q.keys('matches', 'text')}`,
  SQLITE,
);

/** SQLite: the claims of these ids that the viewer may see (the sentences' candidates, all at once). */
export const claimCandidatesByIds = statementVariants<VisibilityLevel, { ids: number[] }, CandidateRow>(
  'matching.claimsByIds',
  VISIBILITY_LEVELS,
  (q, level) =>
    sql<CandidateRow>`SELECT ${candidateColumns()}
       FROM ${q.keyList('ids')} k CROSS JOIN claims c CROSS JOIN articles a
       WHERE c.id = k.value AND a.id = c.article_id AND ${candidateVisible(level)}`,
  SQLITE,
);

/**
 * How many of the newest claims holding a text's terms are ranked when all its terms are common
 * (each held by PROBE_LIMIT claims or more): ranking every holder of a common word took bm25
 * 20-30 ms at a million claims, the newest few thousand about 6 ms.
 */
export const COMMON_TERMS_WINDOW = 2000;

/**
 * SQLite: the claims whose words or quote best match (bm25 on the claims-only index claims_fts), that
 * the viewer may see. The MATCH is built from a few rare terms (matching.service.ts), so bm25
 * ranks a bounded number of claims, and no article or other document can crowd them out. With
 * `newest`, only the newest that many claims holding the terms are ranked (the lowest rowid of
 * those, found by walking the matches newest first, which stops there).
 */
const ftsCandidates = (name: string, limit: number, newest?: number) =>
  statementVariants<VisibilityLevel, { match: string }, CandidateRow>(
    name,
    VISIBILITY_LEVELS,
    (q, level) => {
      const window = newest
        ? sql` AND rowid >= (SELECT coalesce(min(rowid), 0) FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${q.p.match} ORDER BY rowid DESC LIMIT ${sql.lit(newest)}))`
        : sql``;
      return visibleCandidates(
        sql`(SELECT rowid AS ref, bm25(claims_fts) AS bm FROM claims_fts WHERE claims_fts MATCH ${q.p.match}${window} ORDER BY bm25(claims_fts) LIMIT ${sql.lit(limit * 2)})`,
        level,
        sql`h.bm`,
      );
    },
    SQLITE,
  );
export const ftsClaimCandidates = ftsCandidates('matching.ftsCandidates', CANDIDATE_LIMIT);
/** A text whose terms are all common: matched against the newest COMMON_TERMS_WINDOW holders. */
export const ftsCommonClaimCandidates = ftsCandidates(
  'matching.ftsCommonCandidates',
  CANDIDATE_LIMIT,
  COMMON_TERMS_WINDOW,
);
export const ftsSentenceCandidates = ftsCandidates('matching.ftsSentenceCandidates', SENTENCE_CANDIDATE_LIMIT);

/**
 * PostgreSQL: how many claims (up to `limit`) hold a term in their words or quote, on the
 * stemmed tsvector; the predicate is the partial GIN index's (ClaimWordsSearchable), so
 * articles are not read. A claim counts once, as on SQLite, whether one or both of its
 * documents hold the term: a claim has at most two, so twice `limit` documents hold `limit`
 * claims whenever that many match.
 */
const tsProbe = (name: string, limit: number) =>
  statement<{ tsquery: string }, { n: number }>(
    name,
    (q) =>
      sql<{
        n: number;
      }>`SELECT least(count(DISTINCT m.ref_id), ${sql.lit(limit)})::int AS n FROM (SELECT d.ref_id FROM search_documents d WHERE d.stemmed @@ to_tsquery('search_english', ${q.p.tsquery}) AND ${claimWordsFields()} LIMIT ${sql.lit(limit * 2)}) m`,
    POSTGRES,
  );
export const tsTermProbe = tsProbe('matching.tsProbe', PROBE_LIMIT);
export const tsShortTermProbe = tsProbe('matching.tsShortProbe', SHORT_PROBE_LIMIT);

/**
 * PostgreSQL: the claims whose words or quote best match (ts_rank on the stemmed tsvector, the
 * better of a claim's two documents), that the viewer may see.
 */
const tsCandidates = (name: string, limit: number) =>
  statementVariants<VisibilityLevel, { tsquery: string }, CandidateRow>(
    name,
    VISIBILITY_LEVELS,
    (q, level) =>
      visibleCandidates(
        sql`(SELECT d.ref_id AS ref, max(ts_rank(d.stemmed, to_tsquery('search_english', ${q.p.tsquery}))) AS rank FROM search_documents d
         WHERE d.stemmed @@ to_tsquery('search_english', ${q.p.tsquery}) AND ${claimWordsFields()}
         GROUP BY d.ref_id ORDER BY rank DESC LIMIT ${sql.lit(limit * 2)})`,
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
