import type { Database } from '../../db/database';
import type { SqlParam, SqlReader } from '../../db/sql-reader';
import type { SearchCandidate, SearchIndex, SearchRequest } from './search-index';
import { bestPerObject, type HitRow, RANKED_LIMIT, RECENT_LIMIT, RECENT_SCAN_LIMIT } from './search-ranking';
import { visibleHitsSql } from './search-visibility';
import { MARK_CLOSE, MARK_OPEN, parseMarkedSnippet, type Snippet } from './snippet';
import { toTsHighlightQuery, toTsQuery } from './ts-query';

/** About as many words as SQLite's snippet() gives (24 tokens). */
const SNIPPET_WORDS = 24;
const MARKS = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;
/**
 * ts_headline's options for a longer text: the stretch with the most matches, the matches in
 * its middle (MaxFragments=1), short words kept at its ends.
 */
const STRETCH_OPTIONS = `${MARKS}, MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS - 4}, ShortWord=0, MaxFragments=1`;
/**
 * A text of at most SNIPPET_WORDS words is its own snippet, as on SQLite. ts_headline would
 * cut its start when the match is near its end: it stretches a fragment by only half the
 * words it lacks to the left.
 */
const WHOLE_OPTIONS = `${MARKS}, HighlightAll=true`;

/** The tsvector column of search_documents and the configuration its query is parsed with (migration PostgresSearch). */
function engineOf(request: SearchRequest): { column: string; config: string } {
  return request.unstemmed ? { column: 'unstemmed', config: 'search_simple' } : { column: 'stemmed', config: 'search_english' };
}

/**
 * Search on PostgreSQL: the tsvectors of search_documents in GIN indexes, ranked by ts_rank
 * (normalised by document length, as bm25 is) times the field weight. The SQL is written in
 * the shared dialect and translated by the reader; each call is one statement.
 */
export class PostgresSearchIndex implements SearchIndex {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /**
   * Both paths of search-ranking.ts in one statement: the probe counts up to RANKED_LIMIT + 1
   * matches, and only the path it picks reads anything (a one-time filter, decided before the
   * scans). The recent path streams: newest matches first, joined to their objects until
   * RECENT_LIMIT are visible. Its stand-in rank, -1 / (2 + age rank among the matches), is
   * SQLite's, so the two order alike. to_tsquery is written at each use, not computed once, so
   * the planner sees the query: a common word's newest matches come from a backward scan of
   * the primary key, a rare word's from the GIN index.
   */
  async candidates(request: SearchRequest): Promise<SearchCandidate[]> {
    const { column, config } = engineOf(request);
    const types = request.filters.types?.length ? request.filters.types : null;
    const matches = `FROM search_documents d WHERE d.${column} @@ to_tsquery('${config}', ?)${types ? ' AND d.type IN (SELECT value FROM json_each(?))' : ''}`;
    const tsquery = toTsQuery(request.query);
    const matchParams: SqlParam[] = [tsquery, ...(types ? [JSON.stringify(types)] : [])];
    const ranked = visibleHitsSql('ranked', request);
    const recent = visibleHitsSql('recent', request);
    const rows = await this.reader.all<HitRow>(
      `WITH probe AS (SELECT count(*) AS n FROM (SELECT 1 ${matches} LIMIT ${RANKED_LIMIT + 1}) m),
       ranked AS (SELECT d.id AS doc, -ts_rank(d.${column}, to_tsquery('${config}', ?), 1) AS bm ${matches} AND (SELECT n FROM probe) <= ${RANKED_LIMIT}),
       recent AS (
         SELECT m.doc, -1.0 / (1 + row_number() OVER (ORDER BY m.doc DESC)) AS bm
         FROM (SELECT d.id AS doc ${matches} AND (SELECT n FROM probe) > ${RANKED_LIMIT} ORDER BY d.id DESC LIMIT ${RECENT_SCAN_LIMIT}) m
       )
       ${ranked.sql}
       UNION ALL
       (${recent.sql} ORDER BY h.doc DESC LIMIT ${RECENT_LIMIT})`,
      [...matchParams, tsquery, ...matchParams, ...matchParams, ...ranked.params, ...recent.params],
    );
    return bestPerObject(rows);
  }

  /**
   * ts_headline marks the matches in search_words(text), the words as indexed (migration
   * PostgresSearch) at the same character offsets as the text, so the marks go on the stored
   * text itself: the snippet keeps its spelling and punctuation (café, example.org). As
   * SQLite's snippet(), the text before and after the stretch is kept when it holds no word,
   * and is an ellipsis when it does.
   */
  async snippets(request: SearchRequest, documentIds: readonly number[]): Promise<Snippet[]> {
    const { config } = engineOf(request);
    const rows = await this.reader.all<{ id: number; s: string; original: string; head: string; tail: string }>(
      `WITH docs AS (SELECT d.id, d.text, search_words(d.text) AS words FROM search_documents d WHERE d.id IN (SELECT value FROM json_each(?))),
       marked AS (
         SELECT id, text, words, ts_headline('${config}', words, to_tsquery('${config}', ?), CASE WHEN length(words) <= ${SNIPPET_WORDS * 20} AND cardinality(string_to_array(words, ' ')) <= ${SNIPPET_WORDS} THEN ? ELSE ? END) AS s
         FROM docs
       ),
       plain AS (SELECT id, text, words, s, replace(replace(s, '${MARK_OPEN}', ''), '${MARK_CLOSE}', '') AS p FROM marked),
       placed AS (SELECT id, text, s, p, strpos(words, p) AS at FROM plain)
       SELECT id, s,
         CASE WHEN at = 0 THEN p ELSE substr(text, at, length(p)) END AS original,
         CASE WHEN at = 0 THEN '' WHEN left(text, at - 1) ~ '[[:alnum:]]' THEN '…' ELSE left(text, at - 1) END AS head,
         CASE WHEN at = 0 THEN '' WHEN substr(text, at + length(p)) ~ '[[:alnum:]]' THEN '…' ELSE substr(text, at + length(p)) END AS tail
       FROM placed`,
      [JSON.stringify(documentIds), toTsHighlightQuery(request.query), WHOLE_OPTIONS, STRETCH_OPTIONS],
    );
    const byId = new Map(rows.map((row) => [row.id, row.head + marksOn(row.s, row.original) + row.tail]));
    return documentIds.map((id) => parseMarkedSnippet(byId.get(id) ?? ''));
  }

  /** Re-derives every document from the data through the triggers that keep it in step (a no-op UPDATE of each row fires them). */
  async rebuild(): Promise<void> {
    await this.db.writes.run(async (manager) => {
      await manager.query('DELETE FROM search_documents');
      await manager.query('UPDATE articles SET headline = headline');
      await manager.query('UPDATE claims SET quote = quote');
      await manager.query('UPDATE annotations SET summary = summary');
      await manager.query('UPDATE sources SET title = title');
    });
  }
}

/** The marks of `marked` on `original`, which has as many characters as `marked` has besides its marks. */
function marksOn(marked: string, original: string): string {
  const chars = [...original];
  let next = 0;
  let out = '';
  for (const char of marked) out += char === MARK_OPEN || char === MARK_CLOSE ? char : (chars[next++] ?? '');
  return out;
}
