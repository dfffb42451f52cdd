import type { RawBuilder } from 'kysely';
import { toSqlDate } from '../../db/sql-dates';
import { type StatementBuilder, statement, statementVariants, sql } from '../../db/statements';
import type { VisibilityLevel } from '../auth/visibility';
import { annotationVisible, articleVisible, sourceVisible } from '../auth/visibility.queries';
import type { SearchRequest } from './search-index';

/**
 * The statements both search engines share, and the visibility and filter part of their hit
 * queries. Each engine's own statements are in search-sqlite.queries.ts (FTS5) and
 * search-postgres.queries.ts (tsvector).
 */

/** The parameters of a hit query's visibility and filters; null where a filter is not set. */
export interface HitFilterParams {
  /** The viewer's id: a reviewer also sees their own fact-checks in any state. */
  viewerId: number | null;
  verdict: string | null;
  language: string | null;
  /** Bounds on the publication time (toSqlDate), inclusive after, exclusive before. */
  publishedAfter: string | null;
  publishedBefore: string | null;
  /** A topic's slug: articles and claims filed under it, fact-checks of such claims. */
  topic: string | null;
}

export function hitFilterParams({ filters, visibility }: SearchRequest): HitFilterParams {
  return {
    viewerId: visibility.viewerId,
    verdict: filters.verdict ?? null,
    language: filters.language ?? null,
    publishedAfter: filters.publishedAfter ? toSqlDate(filters.publishedAfter) : null,
    publishedBefore: filters.publishedBefore ? toSqlDate(filters.publishedBefore) : null,
    topic: filters.topic ?? null,
  };
}

/**
 * The hits of `hits` (a CTE of `doc` and `bm`) whose objects the viewer may see and that pass
 * the filters, as rows of documentId, type, refId, field and bm: a whole SELECT, for the
 * engines' statements to end with. Visibility and filters are checked per document type on
 * the capped hits only, after the joins by primary key, so a filter left unset (its
 * parameter NULL) costs a comparison per hit and changes no plan.
 */
export function visibleHits(
  q: StatementBuilder<HitFilterParams>,
  hits: string,
  level: VisibilityLevel,
): RawBuilder<unknown> {
  const { p } = q;
  // CROSS JOIN fixes the join order on SQLite: from the few hits to their documents. Left to
  // itself, SQLite plans the OR over document types as a scan of every document.
  const join = q.dialect === 'sqlite' ? sql`CROSS JOIN` : sql`JOIN`;
  const unset = (param: unknown) => (q.dialect === 'sqlite' ? sql`${param} IS NULL` : sql`${param}::text IS NULL`);
  const language =
    q.dialect === 'sqlite'
      ? sql`a.language = ${p.language} COLLATE NOCASE`
      : sql`lower(a.language) = lower(${p.language})`;
  const languageMatches = sql`(${unset(p.language)} OR ${language})`;
  const published = (column: RawBuilder<unknown>) =>
    sql`(${unset(p.publishedAfter)} OR ${column} >= ${p.publishedAfter}) AND (${unset(p.publishedBefore)} OR ${column} < ${p.publishedBefore})`;
  const article = sql`a.id IS NOT NULL AND ${articleVisible(level)}`;
  const filed = (table: 'article_topics' | 'claim_topics', owner: 'article_id' | 'claim_id', id: RawBuilder<unknown>) =>
    sql`(${unset(p.topic)} OR EXISTS (SELECT 1 FROM ${sql.table(table)} xt JOIN topics t ON t.id = xt.topic_id WHERE xt.${sql.raw(owner)} = ${id} AND t.slug = ${p.topic}))`;
  return sql`SELECT d.id AS ${sql.id('documentId')}, d.type, d.ref_id AS ${sql.id('refId')}, d.field, h.bm
       FROM ${sql.table(hits)} h ${join} search_documents d ON d.id = h.doc
       LEFT JOIN claims c ON d.type = 'CLAIM' AND c.id = d.ref_id
       LEFT JOIN annotations n ON d.type = 'ANNOTATION' AND n.id = d.ref_id
       LEFT JOIN claims nc ON nc.id = n.claim_id
       LEFT JOIN articles a ON a.id = CASE d.type WHEN 'ARTICLE' THEN d.ref_id WHEN 'CLAIM' THEN c.article_id WHEN 'ANNOTATION' THEN nc.article_id END
       LEFT JOIN sources s ON d.type = 'SOURCE' AND s.id = d.ref_id
       WHERE (d.type = 'ARTICLE' AND ${article}
           AND (${unset(p.verdict)} OR EXISTS (SELECT 1 FROM claims vc WHERE vc.article_id = a.id AND vc.verdict = ${p.verdict} AND vc.deleted_at IS NULL))
           AND ${filed('article_topics', 'article_id', sql`a.id`)}
           AND ${languageMatches} AND ${published(sql`a.published_at`)})
         OR (d.type = 'CLAIM' AND c.deleted_at IS NULL AND c.appearance_of_id IS NULL AND ${article}
           AND (${unset(p.verdict)} OR c.verdict = ${p.verdict}) AND ${filed('claim_topics', 'claim_id', sql`c.id`)} AND ${languageMatches} AND ${published(sql`a.published_at`)})
         OR (d.type = 'ANNOTATION' AND n.id IS NOT NULL AND nc.deleted_at IS NULL AND ${article} AND ${annotationVisible(level, p.viewerId)}
           AND (${unset(p.verdict)} OR n.verdict = ${p.verdict}) AND ${filed('claim_topics', 'claim_id', sql`nc.id`)} AND ${languageMatches} AND ${published(sql`n.published_at`)})
         OR (d.type = 'SOURCE' AND s.id IS NOT NULL AND ${sourceVisible(level)}
           AND ${unset(p.verdict)} AND ${unset(p.language)} AND ${unset(p.topic)} AND ${published(sql`s.published_at`)})`;
}

/** How many documents the index holds (npm run search:rebuild reports it). */
export const searchDocumentCount = statement<Record<never, never>, { n: number }>('search.documentCount', (q) =>
  q.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')),
);

/** Empties the index; the updates below fill it again through the triggers. */
export const deleteSearchDocuments = statement('search.deleteDocuments', (q) => q.db.deleteFrom('search_documents'));

type Searchable = 'articles' | 'claims' | 'annotations' | 'sources';
const SEARCHABLE: readonly Searchable[] = ['articles', 'claims', 'annotations', 'sources'];

/** A no-op update of every row of a searchable table: its search triggers re-derive the row's documents. */
export const touchSearchable = statementVariants<Searchable>('search.touch', SEARCHABLE, (q, table) => {
  switch (table) {
    case 'articles':
      return q.db.updateTable('articles').set((eb) => ({ headline: eb.ref('headline') }));
    case 'claims':
      return q.db.updateTable('claims').set((eb) => ({ quote: eb.ref('quote') }));
    case 'annotations':
      return q.db.updateTable('annotations').set((eb) => ({ summary: eb.ref('summary') }));
    case 'sources':
      return q.db.updateTable('sources').set((eb) => ({ title: eb.ref('title') }));
  }
});

export { SEARCHABLE };
