import type { Database } from '../../db/database';
import { execute } from '../../db/sql';
import type { SqlReader } from '../../db/sql-reader';
import type { SearchCandidate, SearchIndex, SearchRequest, SearchType } from './search-index';
import { deleteSearchDocuments, hitFilterParams, SEARCHABLE, touchSearchable } from './search.queries';
import { bestPerObject, type HitRow, RANKED_LIMIT, RECENT_LIMIT, RECENT_SCAN_LIMIT } from './search-ranking';
import {
  type FtsTable,
  ftsCommand,
  ftsProbe,
  ftsRankedHits,
  ftsRecentHits,
  ftsSnippets,
  ftsWindow,
  lastSearchDocument,
  type MatchProbe,
} from './search-sqlite.queries';
import { parseMarkedSnippet, type Snippet } from './snippet';

const KIND_TOKENS: Record<SearchType, string> = {
  ARTICLE: 'article',
  CLAIM: 'claim',
  ANNOTATION: 'annotation',
  SOURCE: 'source',
};

/**
 * Search on SQLite FTS5 (migrations FullTextSearch and PhraseIndex). bm25 reads every match of
 * each term even under a LIMIT, so a very common term takes the recent path
 * (search-ranking.ts), walking the matches newest first without bm25 (newestFirst).
 */
export class SqliteSearchIndex implements SearchIndex {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  async candidates(request: SearchRequest): Promise<SearchCandidate[]> {
    // Phrases run on the word-pair index: a phrase of common words is a phrase of rare pairs there.
    const table: FtsTable = request.phraseMatch
      ? 'search_phrases'
      : request.unstemmed
        ? 'search_fts'
        : 'search_fts_stem';
    const match = withTypes(request, request.phraseMatch ?? request.match);
    const { level } = request.visibility;
    const filters = hitFilterParams(request);
    const probe = await probeMatches(this.reader, table, match);
    let rows: HitRow[];
    if (probe.n <= RANKED_LIMIT) {
      rows = await this.reader.rows(ftsRankedHits[`${table}.${level}`], { match, ...filters });
    } else {
      // Recent path: newest first, a chunk at a time, until RECENT_LIMIT of them are visible and
      // pass the filters (the newest matches may all be drafts, or of another language). Only as
      // many matches are checked as should hold the hits still missing, at the pass rate so far
      // (all, at first): the check joins each match to its object, the costly step. A
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
        rows.push(...(await this.reader.rows(ftsRecentHits[level], { docs, seen, ...filters })));
        seen += docs.length;
      }
    }
    return bestPerObject(rows);
  }

  async snippets(request: SearchRequest, documentIds: readonly number[]): Promise<Snippet[]> {
    const rows = await this.reader.rows(ftsSnippets[request.unstemmed ? 'search_fts' : 'search_fts_stem'], {
      match: withTypes(request, request.snippetMatch),
      ids: documentIds,
    });
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
      await execute(manager, deleteSearchDocuments, {});
      // Contentless: nothing to rebuild it from but the documents the updates below re-derive.
      await execute(manager, ftsCommand.search_phrases, { command: 'delete-all' });
      for (const table of SEARCHABLE) await execute(manager, touchSearchable[table], {});
      for (const table of ['search_fts', 'search_fts_stem'] as const)
        await execute(manager, ftsCommand[table], { command: 'rebuild' });
      for (const table of ['search_fts', 'search_fts_stem', 'search_phrases'] as const)
        await execute(manager, ftsCommand[table], { command: 'optimize' });
    });
  }
}

/** The type filter is part of the MATCH: FTS5 intersects the lists instead of filtering after. */
function withTypes(request: SearchRequest, match: string): string {
  const types = request.filters.types;
  if (!types || types.length === 0) return match;
  return `kind : (${types.map((type) => KIND_TOKENS[type]).join(' OR ')}) AND (${match})`;
}

export type { MatchProbe };

/** The first RANKED_LIMIT + 1 matches in rowid order: FTS5 stops there, however common the terms. */
export async function probeMatches(reader: SqlReader, table: FtsTable, match: string): Promise<MatchProbe> {
  const probe = await reader.row(ftsProbe[table], { match });
  return probe ?? { n: 0, first: 0, last: 0 };
}

/**
 * Every match, newest (highest rowid) first, in chunks. Not `ORDER BY rowid DESC`: FTS5 walks
 * a segment's doclist backwards by first reading all of it, the whole of a common word's long
 * list even when only its newest entries are wanted. Forwards from a rowid, it seeks through
 * the doclist index and reads only what it returns. So each chunk is a window of rowids read
 * forwards, sized from the density of the first matches (the probe) to hold about RECENT_LIMIT
 * matches, and the next window below it is sized from what the last one held.
 */
export async function* newestFirst(
  reader: SqlReader,
  table: FtsTable,
  match: string,
  probe: MatchProbe,
): AsyncGenerator<number[], void, number | undefined> {
  if (probe.n === 0) return;
  let upto = (await reader.row(lastSearchDocument, {}))?.top ?? probe.last;
  let window = Math.ceil((RECENT_LIMIT / (probe.n / (probe.last - probe.first + 1))) * 1.5);
  while (upto >= probe.first) {
    const from = Math.max(probe.first, upto - window + 1);
    const rows = await reader.rows(ftsWindow[table], { match, from, upto });
    // The caller says how many more matches it wants (RECENT_LIMIT unless told).
    const wanted = rows.length > 0 ? ((yield rows.map((row) => row.id).reverse()) ?? RECENT_LIMIT) : RECENT_LIMIT;
    // Sized from the density of the window just read: sparser here than where the probe looked, or denser.
    window =
      rows.length === 0 ? window * 8 : Math.ceil(window * Math.min(64, Math.max(1, (wanted / rows.length) * 1.5)));
    upto = from - 1;
  }
}

/** The RECENT_LIMIT newest matches, newest first. */
export async function newestMatches(
  reader: SqlReader,
  table: FtsTable,
  match: string,
  probe: MatchProbe,
): Promise<number[]> {
  const newest: number[] = [];
  for await (const chunk of newestFirst(reader, table, match, probe)) {
    newest.push(...chunk);
    if (newest.length >= RECENT_LIMIT) break;
  }
  return newest.slice(0, RECENT_LIMIT);
}
