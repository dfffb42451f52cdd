import { type StatementOptions, statement, statementVariants, sql } from '../../db/statements';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { type HitFilterParams, visibleHits } from './search.queries';
import { type HitRow, RANKED_LIMIT } from './search-ranking';
import { MARK_CLOSE, MARK_OPEN } from './snippet';

/**
 * The statements of the SQLite engine (sqlite-search-index.ts), on the FTS5 tables of the
 * migrations FullTextSearch and PhraseIndex: SQLite's own machinery, so written for SQLite only.
 */
const SQLITE: StatementOptions = { dialects: ['sqlite'] };

/** The FTS5 indexes: unstemmed (with prefix indexes), stemmed, and word pairs for phrases. */
export type FtsTable = 'search_fts' | 'search_fts_stem' | 'search_phrases';
const FTS_TABLES: readonly FtsTable[] = ['search_fts', 'search_fts_stem', 'search_phrases'];
/** The indexes with content (search_documents' text), which snippet() can read. */
export type ContentFtsTable = Exclude<FtsTable, 'search_phrases'>;
const CONTENT_FTS_TABLES: readonly ContentFtsTable[] = ['search_fts', 'search_fts_stem'];

export interface MatchProbe {
  /** Matches counted, at most RANKED_LIMIT + 1. */
  n: number;
  /** The first and last of those matches' rowids (null when none). */
  first: number;
  last: number;
}

/** The first RANKED_LIMIT + 1 matches in rowid order: FTS5 stops there, however common the terms. */
export const ftsProbe = statementVariants<FtsTable, { match: string }, MatchProbe>(
  'search.ftsProbe',
  FTS_TABLES,
  (q, table) => {
    const t = sql.table(table);
    return sql<MatchProbe>`SELECT count(*) AS n, min(rowid) AS first, max(rowid) AS last FROM (SELECT rowid FROM ${t} WHERE ${t} MATCH ${q.p.match} LIMIT ${sql.lit(RANKED_LIMIT + 1)})`;
  },
  SQLITE,
);

type RankedVariant = `${FtsTable}.${VisibilityLevel}`;
const RANKED_VARIANTS = FTS_TABLES.flatMap((table) =>
  VISIBILITY_LEVELS.map((level): RankedVariant => `${table}.${level}`),
);

/** The RANKED_LIMIT best matches by bm25 that the viewer may see and that pass the filters. */
export const ftsRankedHits = statementVariants<RankedVariant, { match: string } & HitFilterParams, HitRow>(
  'search.ftsRanked',
  RANKED_VARIANTS,
  (q, variant) => {
    const [table, level] = variant.split('.') as [FtsTable, VisibilityLevel];
    const t = sql.table(table);
    return sql<HitRow>`WITH hits AS (SELECT rowid AS doc, bm25(${t}) AS bm FROM ${t} WHERE ${t} MATCH ${q.p.match} ORDER BY bm25(${t}) LIMIT ${sql.lit(RANKED_LIMIT)})
       ${visibleHits(q, 'hits', level)}`;
  },
  SQLITE,
);

/**
 * Matches among a window of rowids, read forwards (FTS5 seeks through its doclist index
 * forwards; backwards it reads the whole doclist first). CAST: a JS number is bound as REAL,
 * and FTS5 ignores a rowid bound that is not an INTEGER.
 */
export const ftsWindow = statementVariants<FtsTable, { match: string; from: number; upto: number }, { id: number }>(
  'search.ftsWindow',
  FTS_TABLES,
  (q, table) => {
    const t = sql.table(table);
    return sql<{
      id: number;
    }>`SELECT rowid AS id FROM ${t} WHERE ${t} MATCH ${q.p.match} AND rowid BETWEEN CAST(${q.p.from} AS INTEGER) AND CAST(${q.p.upto} AS INTEGER)`;
  },
  SQLITE,
);

/** The newest document's id: where the recent path starts reading windows. */
export const lastSearchDocument = statement<Record<never, never>, { top: number | null }>(
  'search.lastDocument',
  (q) => q.db.selectFrom('search_documents').select((eb) => eb.fn.max('id').as('top')),
  SQLITE,
);

/**
 * The recent path's hits: these documents (newest first) that the viewer may see and that
 * pass the filters, with a stand-in bm25 that decreases with age, -1 / (2 + age rank), where
 * the age rank is `seen` plus the position in `docs` (json_each's key).
 */
export const ftsRecentHits = statementVariants<
  VisibilityLevel,
  { docs: readonly number[]; seen: number } & HitFilterParams,
  HitRow
>(
  'search.ftsRecent',
  VISIBILITY_LEVELS,
  (q, level) =>
    sql<HitRow>`WITH hits AS (SELECT k.value AS doc, -1.0 / (2 + ${q.p.seen} + k.key) AS bm FROM ${q.keys('docs')})
       ${visibleHits(q, 'hits', level)}`,
  SQLITE,
);

/**
 * The snippets of these documents, the matches marked. json_each's values are INTEGERs: FTS5
 * ignores a rowid constraint that is not (a JS number bound directly arrives as REAL), and
 * would then answer for every matching row.
 */
export const ftsSnippets = statementVariants<
  ContentFtsTable,
  { match: string; ids: readonly number[] },
  { id: number; s: string }
>(
  'search.ftsSnippets',
  CONTENT_FTS_TABLES,
  (q, table) => {
    const t = sql.table(table);
    return sql<{
      id: number;
      s: string;
    }>`SELECT rowid AS id, snippet(${t}, 0, ${sql.lit(MARK_OPEN)}, ${sql.lit(MARK_CLOSE)}, '…', 24) AS s FROM ${t} WHERE ${t} MATCH ${q.p.match} AND rowid IN ${q.keyList('ids')}`;
  },
  SQLITE,
);

/** An FTS5 command ('rebuild', 'optimize', 'delete-all'), written as FTS5 takes them: an insert into the table's own column. */
export const ftsCommand = statementVariants<FtsTable, { command: 'rebuild' | 'optimize' | 'delete-all' }>(
  'search.ftsCommand',
  FTS_TABLES,
  (q, table) => sql`INSERT INTO ${sql.table(table)} (${sql.id(table)}) VALUES (${q.p.command})`,
  SQLITE,
);
