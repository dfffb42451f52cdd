import type { Verdict } from '../annotation/verdict';
import type { Visibility } from '../auth/visibility';
import type { ParsedQuery } from './search-query';
import type { Snippet } from './snippet';

export type SearchType = 'ARTICLE' | 'CLAIM' | 'ANNOTATION' | 'SOURCE';

export interface SearchFilters {
  types?: SearchType[] | null;
  verdict?: Verdict | null;
  language?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  /** A topic's slug. */
  topic?: string | null;
}

/** One matching object: its best-scoring field stands for it. */
export interface SearchCandidate {
  type: SearchType;
  refId: number;
  /** The search_documents row that matched best (for its snippet). */
  documentId: number;
  field: string;
  /** Higher is better. */
  score: number;
}

export interface SearchRequest {
  /** The parsed query, for engines that translate it themselves (PostgreSQL: ts-query.ts). */
  query: ParsedQuery;
  /** An FTS MATCH expression built by search-query.ts; never raw user input. */
  match: string;
  /** Prefixes and exact phrases need the unstemmed index (on both engines). */
  unstemmed: boolean;
  /** The query for the word-pair phrase index, when it has a phrase (SQLite; see word-pairs.ts). */
  phraseMatch: string | null;
  /** What the snippet highlights (search-query.ts). */
  snippetMatch: string;
  filters: SearchFilters;
  visibility: Visibility;
}

/**
 * The search engine behind the API: SQLite FTS5 (sqlite-search-index.ts) or PostgreSQL
 * tsvector (postgres-search-index.ts), chosen by the database (searchIndexFor); both pass the
 * same tests (tests/search).
 */
export interface SearchIndex {
  /** Visible matches, best first (capped: see the implementation), ties broken by document id. */
  candidates(request: SearchRequest): Promise<SearchCandidate[]>;
  /** The snippets of these documents, in their order (one statement for a page of hits). */
  snippets(request: SearchRequest, documentIds: readonly number[]): Promise<Snippet[]>;
  /** Re-derives the index from the data (npm run search:rebuild). */
  rebuild(): Promise<void>;
}
