import type { Database } from '../../db/database';
import { execute } from '../../db/sql';
import type { SqlReader } from '../../db/sql-reader';
import type { SearchCandidate, SearchIndex, SearchRequest } from './search-index';
import { deleteSearchDocuments, hitFilterParams, SEARCHABLE, touchSearchable } from './search.queries';
import { type TsEngine, tsCandidates, tsSnippets } from './search-postgres.queries';
import { bestPerObject } from './search-ranking';
import { MARK_CLOSE, MARK_OPEN, parseMarkedSnippet, type Snippet } from './snippet';
import { toTsHighlightQuery, toTsQuery } from './ts-query';

/** The tsvector of search_documents a request runs on (migration PostgresSearch). */
function engineOf(request: SearchRequest): TsEngine {
  return request.unstemmed ? 'unstemmed' : 'stemmed';
}

/**
 * Search on PostgreSQL: the tsvectors of search_documents in GIN indexes, ranked by ts_rank
 * (normalised by document length, as bm25 is) times the field weight. Each call is one
 * statement (search-postgres.queries.ts).
 */
export class PostgresSearchIndex implements SearchIndex {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /** Both paths of search-ranking.ts in one statement (tsCandidates). */
  async candidates(request: SearchRequest): Promise<SearchCandidate[]> {
    const types = request.filters.types?.length ? request.filters.types : null;
    const variant = `${engineOf(request)}.${types ? 'typed' : 'all'}.${request.visibility.level}` as const;
    const rows = await this.reader.rows(tsCandidates[variant], {
      tsquery: toTsQuery(request.query),
      types: types ?? [],
      ...hitFilterParams(request),
    });
    return bestPerObject(rows);
  }

  /** The snippets, their marks put on the stored text (tsSnippets). */
  async snippets(request: SearchRequest, documentIds: readonly number[]): Promise<Snippet[]> {
    const rows = await this.reader.rows(tsSnippets[engineOf(request)], {
      tsquery: toTsHighlightQuery(request.query),
      ids: documentIds,
    });
    const byId = new Map(rows.map((row) => [row.id, row.head + marksOn(row.s, row.original) + row.tail]));
    return documentIds.map((id) => parseMarkedSnippet(byId.get(id) ?? ''));
  }

  /** Re-derives every document from the data through the triggers that keep it in step (a no-op UPDATE of each row fires them). */
  async rebuild(): Promise<void> {
    await this.db.writes.run(async (manager) => {
      await execute(manager, deleteSearchDocuments, {});
      for (const table of SEARCHABLE) await execute(manager, touchSearchable[table], {});
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
