import type { Database } from '../../db/database';
import { toSqlDate } from '../../db/sql-dates';
import type { SqlParam, SqlReader } from '../../db/sql-reader';
import type { SearchCandidate, SearchIndex, SearchRequest, SearchType } from './search-index';
import { MARK_CLOSE, MARK_OPEN, parseMarkedSnippet, type Snippet } from './snippet';

/**
 * Ranking with bm25 must score every match before it can sort them: about 1 s at p99 for a
 * common word over a million claims (DESIGN.md), and bm25() reads every match of each term
 * even under a LIMIT. So: count the matches up to RANKED_LIMIT; below it, rank them all by
 * bm25; above it (a very common term), take the RECENT_LIMIT newest visible matches, ranked by
 * field weight and recency, without bm25 (newestFirst).
 */
export const RANKED_LIMIT = 300;
export const RECENT_LIMIT = 200;
/**
 * How far back the recent path looks for visible matches when filters or drafts leave fewer
 * than RECENT_LIMIT among the newest: the cost stays bounded for a very common word under a
 * filter that almost nothing passes, which then finds what passes among the newest 20,000.
 */
export const RECENT_SCAN_LIMIT = 20_000;

interface HitRow {
  documentId: number;
  type: SearchType;
  refId: number;
  field: string;
  bm: number;
}

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
    const probe = await probeMatches(this.reader, table, match);
    let rows: HitRow[];
    if (probe.n <= RANKED_LIMIT) {
      rows = await this.visibleHits(`SELECT rowid AS doc, bm25(${table}) AS bm FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}) LIMIT ${RANKED_LIMIT}`, [match], request);
    } else {
      // Recent path: newest first, a chunk at a time, until RECENT_LIMIT of them are visible and
      // pass the filters (the newest matches may all be drafts, or of another language). Only as
      // many matches are checked as should hold the hits still missing, at the pass rate so far
      // (all, at first): the check joins each match to its object, most of a query's time. A
      // stand-in bm25 that decreases with age keeps the newest first within a field weight.
      rows = [];
      let seen = 0;
      let unchecked: number[] = [];
      const chunks = newestFirst(this.reader, table, match, probe);
      while (rows.length < RECENT_LIMIT && seen < RECENT_SCAN_LIMIT) {
        const passRate = seen === 0 ? 1 : Math.max(1, rows.length) / seen;
        const wanted = Math.ceil((RECENT_LIMIT - rows.length) / passRate);
        if (unchecked.length === 0) {
          const chunk = await chunks.next(Math.min(wanted, RECENT_SCAN_LIMIT - seen));
          if (chunk.done) break;
          unchecked = chunk.value;
        }
        const docs = unchecked.splice(0, Math.min(wanted, RECENT_SCAN_LIMIT - seen));
        // json_each's key is the position in `docs`: the stand-in bm25 is -1 / (2 + age rank).
        rows.push(...(await this.visibleHits('SELECT value AS doc, -1.0 / (2 + ? + key) AS bm FROM json_each(?)', [seen, JSON.stringify(docs)], request)));
        seen += docs.length;
      }
    }
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

  /** The hits (`hits`: rows of doc and bm, with its parameters) whose objects the viewer may see and that pass the filters. */
  private visibleHits(hits: string, hitsParams: SqlParam[], request: SearchRequest): Promise<HitRow[]> {
    const { where, params } = visibleAndFiltered(request);
    // CROSS JOIN fixes the join order: from the few hits to their documents. Left to itself,
    // SQLite plans the OR over document types as a scan of every document (200 ms at 1M).
    return this.reader.all<HitRow>(
      `WITH hits AS (${hits})
       SELECT d.id AS documentId, d.type, d.ref_id AS refId, d.field, h.bm
       FROM hits h CROSS JOIN search_documents d ON d.id = h.doc
       LEFT JOIN claims c ON d.type = 'CLAIM' AND c.id = d.ref_id
       LEFT JOIN annotations n ON d.type = 'ANNOTATION' AND n.id = d.ref_id
       LEFT JOIN claims nc ON nc.id = n.claim_id
       LEFT JOIN articles a ON a.id = CASE d.type WHEN 'ARTICLE' THEN d.ref_id WHEN 'CLAIM' THEN c.article_id WHEN 'ANNOTATION' THEN nc.article_id END
       LEFT JOIN sources s ON d.type = 'SOURCE' AND s.id = d.ref_id
       WHERE ${where}`,
      [...hitsParams, ...params],
    );
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

export interface MatchProbe {
  /** Matches counted, at most RANKED_LIMIT + 1. */
  n: number;
  /** The first and last of those matches' rowids. */
  first: number;
  last: number;
}

/** The first RANKED_LIMIT + 1 matches in rowid order: FTS5 stops there, however common the terms. */
export async function probeMatches(reader: SqlReader, table: string, match: string): Promise<MatchProbe> {
  const probe = await reader.get<MatchProbe>(`SELECT count(*) AS n, min(rowid) AS first, max(rowid) AS last FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?)`, [match, RANKED_LIMIT + 1]);
  return probe ?? { n: 0, first: 0, last: 0 };
}

/**
 * Every match, newest (highest rowid) first, in chunks. Not `ORDER BY rowid DESC`: FTS5 walks
 * a segment's doclist backwards by first reading all of it, several ms for a top word's
 * million-entry list on a cold cache. Forwards from a rowid, it seeks through the doclist index
 * and reads only what it returns. So each chunk is a window of rowids read forwards, sized from
 * the density of the first matches (the probe) to hold about RECENT_LIMIT matches, and the
 * next window below it is sized from what the last one held.
 */
export async function* newestFirst(reader: SqlReader, table: string, match: string, probe: MatchProbe): AsyncGenerator<number[], void, number | undefined> {
  if (probe.n === 0) return;
  let upto = (await reader.get<{ top: number }>('SELECT max(id) AS top FROM search_documents'))?.top ?? probe.last;
  let window = Math.ceil((RECENT_LIMIT / (probe.n / (probe.last - probe.first + 1))) * 1.5);
  while (upto >= probe.first) {
    const from = Math.max(probe.first, upto - window + 1);
    // CAST: a JS number is bound as REAL, and FTS5 ignores a rowid bound that is not an INTEGER.
    const rows = await reader.all<{ id: number }>(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)`, [match, from, upto]);
    // The caller says how many more matches it wants (RECENT_LIMIT unless told).
    const wanted = rows.length > 0 ? ((yield rows.map((row) => row.id).reverse()) ?? RECENT_LIMIT) : RECENT_LIMIT;
    // Sized from the density of the window just read: sparser here than where the probe looked, or denser.
    window = rows.length === 0 ? window * 8 : Math.ceil(window * Math.min(64, Math.max(1, (wanted / rows.length) * 1.5)));
    upto = from - 1;
  }
}

/** The RECENT_LIMIT newest matches, newest first. */
export async function newestMatches(reader: SqlReader, table: string, match: string, probe: MatchProbe): Promise<number[]> {
  const newest: number[] = [];
  for await (const chunk of newestFirst(reader, table, match, probe)) {
    newest.push(...chunk);
    if (newest.length >= RECENT_LIMIT) break;
  }
  return newest.slice(0, RECENT_LIMIT);
}
