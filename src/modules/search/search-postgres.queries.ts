import { type StatementOptions, statementVariants, sql } from '../../db/statements';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { type HitFilterParams, visibleHits } from './search.queries';
import { type HitRow, RANKED_LIMIT, RECENT_LIMIT, RECENT_SCAN_LIMIT } from './search-ranking';
import { MARK_CLOSE, MARK_OPEN } from './snippet';

/**
 * The statements of the PostgreSQL engine (postgres-search-index.ts), on the tsvectors of
 * search_documents (migration PostgresSearch): PostgreSQL's own machinery, so written for
 * PostgreSQL only.
 */
const POSTGRES: StatementOptions = { dialects: ['postgres'] };

/** Which tsvector a query runs on: `stemmed` (English snowball) or `unstemmed` (exact words, for prefixes and phrases). */
export type TsEngine = 'stemmed' | 'unstemmed';
const TS_ENGINES: readonly TsEngine[] = ['stemmed', 'unstemmed'];
/** The text search configuration each tsvector is built with, and its query parsed with. */
const CONFIG: Record<TsEngine, string> = { stemmed: 'search_english', unstemmed: 'search_simple' };

/** Whether the query is limited to some document types (a type filter) or takes all. */
export type TypeScope = 'all' | 'typed';
type CandidatesVariant = `${TsEngine}.${TypeScope}.${VisibilityLevel}`;
const CANDIDATES_VARIANTS = TS_ENGINES.flatMap((engine) =>
  (['all', 'typed'] as const).flatMap((types) =>
    VISIBILITY_LEVELS.map((level): CandidatesVariant => `${engine}.${types}.${level}`),
  ),
);

/**
 * Both paths of search-ranking.ts in one statement: the probe counts up to RANKED_LIMIT + 1
 * matches, and only the path it picks reads anything (a one-time filter, decided before the
 * scans). The recent path streams: newest matches first, joined to their objects until
 * RECENT_LIMIT are visible. Its stand-in rank, -1 / (2 + age rank among the matches), is
 * SQLite's, so the two order alike. to_tsquery is written at each use, not computed once, so
 * the planner sees the query: a common word's newest matches come from a backward scan of
 * the primary key, a rare word's from the GIN index.
 */
export const tsCandidates = statementVariants<
  CandidatesVariant,
  { tsquery: string; types: readonly string[] } & HitFilterParams,
  HitRow
>(
  'search.tsCandidates',
  CANDIDATES_VARIANTS,
  (q, variant) => {
    const [engine, types, level] = variant.split('.') as [TsEngine, TypeScope, VisibilityLevel];
    const column = sql.ref(`d.${engine}`);
    const config = sql.lit(CONFIG[engine]);
    const matches = (tsquery: unknown) =>
      sql`FROM search_documents d WHERE ${column} @@ to_tsquery(${config}, ${tsquery})${types === 'typed' ? sql` AND d.type IN ${q.keyList('types', 'text')}` : sql``}`;
    return sql<HitRow>`WITH probe AS (SELECT count(*) AS n FROM (SELECT 1 ${matches(q.p.tsquery)} LIMIT ${sql.lit(RANKED_LIMIT + 1)}) m),
       ranked AS (SELECT d.id AS doc, -ts_rank(${column}, to_tsquery(${config}, ${q.p.tsquery}), 1) AS bm ${matches(q.p.tsquery)} AND (SELECT n FROM probe) <= ${sql.lit(RANKED_LIMIT)}),
       recent AS (
         SELECT m.doc, -1.0 / (1 + row_number() OVER (ORDER BY m.doc DESC)) AS bm
         FROM (SELECT d.id AS doc ${matches(q.p.tsquery)} AND (SELECT n FROM probe) > ${sql.lit(RANKED_LIMIT)} ORDER BY d.id DESC LIMIT ${sql.lit(RECENT_SCAN_LIMIT)}) m
       )
       ${visibleHits(q, 'ranked', level)}
       UNION ALL
       (${visibleHits(q, 'recent', level)} ORDER BY h.doc DESC LIMIT ${sql.lit(RECENT_LIMIT)})`;
  },
  POSTGRES,
);

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

export interface TsSnippetRow {
  id: number;
  /** The snippet of search_words(text), its matches marked. */
  s: string;
  /** The same stretch of the stored text, unmarked. */
  original: string;
  /** What stands before and after the stretch: the text itself when it holds no word, else an ellipsis. */
  head: string;
  tail: string;
}

/**
 * ts_headline marks the matches in search_words(text), the words as indexed (migration
 * PostgresSearch) at the same character offsets as the text, so the marks can go on the
 * stored text itself: the snippet keeps its spelling and punctuation (café, example.org). As
 * SQLite's snippet(), the text before and after the stretch is kept when it holds no word,
 * and is an ellipsis when it does.
 */
export const tsSnippets = statementVariants<TsEngine, { tsquery: string; ids: readonly number[] }, TsSnippetRow>(
  'search.tsSnippets',
  TS_ENGINES,
  (q, engine) => {
    const config = sql.lit(CONFIG[engine]);
    const open = sql.lit(MARK_OPEN);
    const close = sql.lit(MARK_CLOSE);
    return sql<TsSnippetRow>`WITH docs AS (SELECT d.id, d.text, search_words(d.text) AS words FROM search_documents d WHERE d.id IN ${q.keyList('ids')}),
       marked AS (
         SELECT id, text, words, ts_headline(${config}, words, to_tsquery(${config}, ${q.p.tsquery}),
           CASE WHEN length(words) <= ${sql.lit(SNIPPET_WORDS * 20)} AND cardinality(string_to_array(words, ' ')) <= ${sql.lit(SNIPPET_WORDS)} THEN ${sql.lit(WHOLE_OPTIONS)} ELSE ${sql.lit(STRETCH_OPTIONS)} END) AS s
         FROM docs
       ),
       plain AS (SELECT id, text, words, s, replace(replace(s, ${open}, ''), ${close}, '') AS p FROM marked),
       placed AS (SELECT id, text, s, p, strpos(words, p) AS at FROM plain)
       SELECT id, s,
         CASE WHEN at = 0 THEN p ELSE substr(text, at, length(p)) END AS original,
         CASE WHEN at = 0 THEN '' WHEN left(text, at - 1) ~ '[[:alnum:]]' THEN '…' ELSE left(text, at - 1) END AS head,
         CASE WHEN at = 0 THEN '' WHEN substr(text, at + length(p)) ~ '[[:alnum:]]' THEN '…' ELSE substr(text, at + length(p)) END AS tail
       FROM placed`;
  },
  POSTGRES,
);
