import type { SearchCandidate, SearchType } from './search-index';

/**
 * Ranking must score every match before it can sort them: for a common word, SQLite's bm25
 * reads a posting list that grows with the collection (README, Search), and PostgreSQL's
 * ts_rank reads the tsvector of each match alike. So both engines count the matches up to
 * RANKED_LIMIT; below it, rank them all; above it (a very common term), take the RECENT_LIMIT
 * newest visible matches, ranked by field weight and recency.
 */
export const RANKED_LIMIT = 300;
export const RECENT_LIMIT = 200;
/**
 * How far back the recent path looks for visible matches when filters or drafts leave fewer
 * than RECENT_LIMIT among the newest: the cost stays bounded for a very common word under a
 * filter that almost nothing passes, which then finds what passes among the newest 20,000.
 */
export const RECENT_SCAN_LIMIT = 20_000;

/** A visible match: `bm` is the engine's relevance, lower is better (as SQLite's bm25). */
export interface HitRow {
  documentId: number;
  type: SearchType;
  refId: number;
  field: string;
  bm: number;
}

/**
 * A match in a headline or a claim says more than the same words deep in a body. A claim is
 * found by its own words (`text`, when it has them) as by its quote.
 */
const FIELD_WEIGHTS: Record<string, number> = {
  headline: 4,
  quote: 3,
  text: 3,
  title: 3,
  summary: 2.5,
  standfirst: 2,
  claimant: 2,
  publisher: 1.5,
  body: 1,
};

/** One hit per object, its best field standing for it; best first, ties by document id. */
export function bestPerObject(rows: readonly HitRow[]): SearchCandidate[] {
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
