import type { Database } from '../../db/database';
import { toSqlDate } from '../../db/sql-dates';
import type { SqlParam, SqlReader } from '../../db/sql-reader';
import type { SearchCandidate, SearchIndex, SearchRequest, SearchType } from './search-index';
import { MARK_CLOSE, MARK_OPEN, parseMarkedSnippet, type Snippet } from './snippet';

/**
 * Ranking with bm25 must score every match before it can sort them: about 1 s at p99 for a
 * common word over a million claims (DESIGN.md), and bm25() reads every match of each term
 * even under a LIMIT. So: count the matches up to RANKED_LIMIT; below it, rank them all by
 * bm25; above it (a very common term), take the RECENT_LIMIT newest matches, which FTS5
 * reads in rowid order and stops early, ranked by field weight and recency, without bm25.
 */
export const RANKED_LIMIT = 300;
export const RECENT_LIMIT = 200;


/** A match in a headline or a quote says more than the same words deep in a body. */
const FIELD_WEIGHTS: Record<string, number> = {
  headline: 4,
  quote: 3,
  title: 3,
  summary: 2.5,
  standfirst: 2,
  claimant: 2,
  publisher: 1.5,
  body: 1,
};

const KIND_TOKENS: Record<SearchType, string> = { ARTICLE: 'article', CLAIM: 'claim', ANNOTATION: 'annotation', SOURCE: 'source' };

export class SqliteSearchIndex implements SearchIndex {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  async candidates(request: SearchRequest): Promise<SearchCandidate[]> {
    // Phrases run on the word-pair index: a phrase of common words is a phrase of rare pairs there.
    const table = request.phraseMatch ? 'search_phrases' : request.unstemmed ? 'search_fts' : 'search_fts_stem';
    const match = withTypes(request, request.phraseMatch ?? request.match);
    const probe = await this.reader.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?)`, [match, RANKED_LIMIT + 1]);
    const ranked = (probe?.n ?? 0) <= RANKED_LIMIT;
    // Recent path: a stand-in bm25 that decreases with age keeps the newest first within a field weight.
    const hits = ranked
      ? `SELECT rowid AS doc, bm25(${table}) AS bm FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}) LIMIT ${RANKED_LIMIT}`
      : `SELECT rowid AS doc, -1.0 / (1 + row_number() OVER (ORDER BY rowid DESC)) AS bm FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${RECENT_LIMIT})`;
    const { where, params } = visibleAndFiltered(request);
    // CROSS JOIN fixes the join order: from the few hits to their documents. Left to itself,
    // SQLite plans the OR over document types as a scan of every document (200 ms at 1M).
    const rows = await this.reader.all<{ documentId: number; type: SearchType; refId: number; field: string; bm: number }>(
      `WITH hits AS (${hits})
       SELECT d.id AS documentId, d.type, d.ref_id AS refId, d.field, h.bm
       FROM hits h CROSS JOIN search_documents d ON d.id = h.doc
       LEFT JOIN claims c ON d.type = 'CLAIM' AND c.id = d.ref_id
       LEFT JOIN annotations n ON d.type = 'ANNOTATION' AND n.id = d.ref_id
       LEFT JOIN claims nc ON nc.id = n.claim_id
       LEFT JOIN articles a ON a.id = CASE d.type WHEN 'ARTICLE' THEN d.ref_id WHEN 'CLAIM' THEN c.article_id WHEN 'ANNOTATION' THEN nc.article_id END
       LEFT JOIN sources s ON d.type = 'SOURCE' AND s.id = d.ref_id
       WHERE ${where}`,
      [match, ...params],
    );
    // One hit per object: its best field stands for it.
    const best = new Map<string, SearchCandidate>();
    for (const row of rows) {
      const score = -row.bm * (FIELD_WEIGHTS[row.field] ?? 1);
      const key = `${row.type}:${row.refId}`;
      const current = best.get(key);
      if (!current || score > current.score || (score === current.score && row.documentId < current.documentId)) {
        best.set(key, { type: row.type, refId: row.refId, documentId: row.documentId, field: row.field, score });
      }
    }
    return [...best.values()].sort((x, y) => y.score - x.score || x.documentId - y.documentId);
  }

  async snippets(request: SearchRequest, documentIds: readonly number[]): Promise<Snippet[]> {
    const table = request.unstemmed ? 'search_fts' : 'search_fts_stem';
    // json_each's values are INTEGERs: FTS5 ignores a rowid constraint that is not (a JS
    // number bound directly arrives as REAL), and would then answer for every matching row.
    const rows = await this.reader.all<{ id: number; s: string }>(
      `SELECT rowid AS id, snippet(${table}, 0, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS s FROM ${table} WHERE ${table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
      [withTypes(request, request.snippetMatch), JSON.stringify(documentIds)],
    );
    const byId = new Map(rows.map((row) => [row.id, row.s]));
    return documentIds.map((id) => parseMarkedSnippet(byId.get(id) ?? ''));
  }

  /**
   * Re-derives every document from the data through the same triggers that keep it in step
   * (a no-op UPDATE of each row fires them), then rebuilds the two external-content FTS5 indexes and refills the
   * contentless phrase index from the same triggers.
   */
  async rebuild(): Promise<void> {
    await this.db.writes.run(async (manager) => {
      await manager.query('DELETE FROM search_documents');
      // Contentless: nothing to rebuild it from but the documents the updates below re-derive.
      await manager.query(`INSERT INTO search_phrases (search_phrases) VALUES ('delete-all')`);
      await manager.query('UPDATE articles SET headline = headline');
      await manager.query('UPDATE claims SET quote = quote');
      await manager.query('UPDATE annotations SET summary = summary');
      await manager.query('UPDATE sources SET title = title');
      for (const table of ['search_fts', 'search_fts_stem']) await manager.query(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`);
      for (const table of ['search_fts', 'search_fts_stem', 'search_phrases']) await manager.query(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
    });
  }
}

/** The type filter is part of the MATCH: FTS5 intersects the lists instead of filtering after. */
function withTypes(request: SearchRequest, match: string): string {
  const types = request.filters.types;
  if (!types || types.length === 0) return match;
  return `kind : (${types.map((type) => KIND_TOKENS[type]).join(' OR ')}) AND (${match})`;
}

/**
 * What the viewer may see (as everywhere: DESIGN.md) and the filters, per document type, on
 * the capped candidates only.
 */
function visibleAndFiltered({ filters, visibility }: SearchRequest): { where: string; params: SqlParam[] } {
  const clauses = { ARTICLE: ['a.id IS NOT NULL', `(${visibility.article})`], CLAIM: ['c.deleted_at IS NULL', 'a.id IS NOT NULL', `(${visibility.article})`], ANNOTATION: ['n.id IS NOT NULL', 'nc.deleted_at IS NULL', 'a.id IS NOT NULL', `(${visibility.article})`, `(${visibility.annotation})`], SOURCE: ['s.id IS NOT NULL'] };
  const params: Record<SearchType, SqlParam[]> = { ARTICLE: [], CLAIM: [], ANNOTATION: [...visibility.annotationParams], SOURCE: [] };
  const add = (type: SearchType, clause: string, ...values: SqlParam[]) => {
    clauses[type].push(clause);
    params[type].push(...values);
  };
  if (filters.verdict) {
    add('ARTICLE', 'EXISTS (SELECT 1 FROM claims vc WHERE vc.article_id = a.id AND vc.verdict = ? AND vc.deleted_at IS NULL)', filters.verdict);
    add('CLAIM', 'c.verdict = ?', filters.verdict);
    add('ANNOTATION', 'n.verdict = ?', filters.verdict);
    add('SOURCE', '0');
  }
  if (filters.language) {
    for (const type of ['ARTICLE', 'CLAIM', 'ANNOTATION'] as const) add(type, 'a.language = ? COLLATE NOCASE', filters.language);
    add('SOURCE', '0');
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
