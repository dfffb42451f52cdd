import { toSqlDate } from '../../db/sql-dates';
import type { SqlParam } from '../../db/sql-reader';
import type { SearchRequest, SearchType } from './search-index';

/**
 * The hits of `hits` (a table or CTE of `doc` and `bm`) whose objects the viewer may see and
 * that pass the filters, as rows of documentId, type, refId, field and bm. SQL shared by both
 * engines (PostgreSQL's reader translates it).
 */
export function visibleHitsSql(hits: string, request: SearchRequest): { sql: string; params: SqlParam[] } {
  const { where, params } = visibleAndFiltered(request);
  // CROSS JOIN fixes the join order on SQLite: from the few hits to their documents. Left to
  // itself, SQLite plans the OR over document types as a scan of every document (200 ms at 1M).
  const sql = `SELECT d.id AS documentId, d.type, d.ref_id AS refId, d.field, h.bm
       FROM ${hits} h CROSS JOIN search_documents d ON d.id = h.doc
       LEFT JOIN claims c ON d.type = 'CLAIM' AND c.id = d.ref_id
       LEFT JOIN annotations n ON d.type = 'ANNOTATION' AND n.id = d.ref_id
       LEFT JOIN claims nc ON nc.id = n.claim_id
       LEFT JOIN articles a ON a.id = CASE d.type WHEN 'ARTICLE' THEN d.ref_id WHEN 'CLAIM' THEN c.article_id WHEN 'ANNOTATION' THEN nc.article_id END
       LEFT JOIN sources s ON d.type = 'SOURCE' AND s.id = d.ref_id
       WHERE ${where}`;
  return { sql, params };
}

/**
 * What the viewer may see (as everywhere: src/modules/auth/visibility.ts) and the filters, per document type, on
 * the capped candidates only.
 */
function visibleAndFiltered({ filters, visibility }: SearchRequest): { where: string; params: SqlParam[] } {
  const clauses = { ARTICLE: ['a.id IS NOT NULL', `(${visibility.article})`], CLAIM: ['c.deleted_at IS NULL', 'a.id IS NOT NULL', `(${visibility.article})`], ANNOTATION: ['n.id IS NOT NULL', 'nc.deleted_at IS NULL', 'a.id IS NOT NULL', `(${visibility.article})`, `(${visibility.annotation})`], SOURCE: ['s.id IS NOT NULL', `(${visibility.source})`] };
  const params: Record<SearchType, SqlParam[]> = { ARTICLE: [], CLAIM: [], ANNOTATION: [...visibility.annotationParams], SOURCE: [] };
  const add = (type: SearchType, clause: string, ...values: SqlParam[]) => {
    clauses[type].push(clause);
    params[type].push(...values);
  };
  if (filters.verdict) {
    add('ARTICLE', 'EXISTS (SELECT 1 FROM claims vc WHERE vc.article_id = a.id AND vc.verdict = ? AND vc.deleted_at IS NULL)', filters.verdict);
    add('CLAIM', 'c.verdict = ?', filters.verdict);
    add('ANNOTATION', 'n.verdict = ?', filters.verdict);
    add('SOURCE', '1 = 0');
  }
  if (filters.language) {
    for (const type of ['ARTICLE', 'CLAIM', 'ANNOTATION'] as const) add(type, 'a.language = ? COLLATE NOCASE', filters.language);
    add('SOURCE', '1 = 0');
  }
  for (const [bound, op] of [
    [filters.publishedAfter, '>='],
    [filters.publishedBefore, '<'],
  ] as const) {
    if (!bound) continue;
    const at = toSqlDate(bound);
    add('ARTICLE', `a.published_at ${op} ?`, at);
    add('CLAIM', `a.published_at ${op} ?`, at);
    add('ANNOTATION', `n.published_at ${op} ?`, at);
    add('SOURCE', `s.published_at ${op} ?`, at);
  }
  const types = ['ARTICLE', 'CLAIM', 'ANNOTATION', 'SOURCE'] as const;
  return {
    where: types.map((type) => `(d.type = '${type}' AND ${clauses[type].join(' AND ')})`).join(' OR '),
    params: types.flatMap((type) => params[type]),
  };
}
