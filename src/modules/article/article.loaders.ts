import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import type { Visibility } from '../auth/visibility';
import { jsonList } from '../../db/sql-reader';
import { Verdict, VERDICTS } from '../annotation/verdict';
import { ARTICLE_COLUMNS, type ArticleRow, type ArticleSqlRow, toArticleRow } from './article.rows';

export interface VerdictCount {
  verdict: Verdict;
  count: number;
}

export interface ClaimStats {
  claimCount: number;
  verdictSummary: VerdictCount[];
}

/*
 * Lookups by key start from the keys (json_each CROSS JOIN ...): without statistics SQLite
 * may otherwise drive from the visibility predicate and scan every published article.
 */

export interface ArticleLoaders {
  articleById: DataLoader<number, ArticleRow | null>;
  articleBySlug: DataLoader<string, ArticleRow | null>;
  /** The current body of articles already loaded (and so already visible). */
  articleBodyById: DataLoader<number, string>;
  claimStatsByArticle: DataLoader<number, ClaimStats>;
}

export function createArticleLoaders(reader: SqlReader, visibility: Visibility): ArticleLoaders {
  const articleById = new DataLoader<number, ArticleRow | null>(async (ids) => {
    const rows = await reader.all<ArticleSqlRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM json_each(?) k CROSS JOIN articles a ON a.id = k.value WHERE ${visibility.article}`,
      [jsonList(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, toArticleRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const articleBySlug = new DataLoader<string, ArticleRow | null>(async (slugs) => {
    const rows = await reader.all<ArticleSqlRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM json_each(?) k CROSS JOIN articles a ON a.slug = k.value WHERE ${visibility.article}`,
      [jsonList(slugs)],
    );
    const bySlug = new Map(rows.map((row) => [row.slug, toArticleRow(row)]));
    for (const article of bySlug.values()) articleById.prime(article.id, article);
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });

  const articleBodyById = new DataLoader<number, string>(async (ids) => {
    const rows = await reader.all<{ id: number; body: string }>(`SELECT a.id, a.body FROM json_each(?) k CROSS JOIN articles a ON a.id = k.value`, [jsonList(ids)]);
    const byId = new Map(rows.map((row) => [row.id, row.body]));
    return ids.map((id) => byId.get(id) ?? new Error(`article ${id} has gone`));
  });

  // claimCount and verdictSummary come from one grouped statement.
  const claimStatsByArticle = new DataLoader<number, ClaimStats>(async (ids) => {
    const rows = await reader.all<{ articleId: number; verdict: Verdict | null; n: number }>(
      `SELECT article_id AS articleId, verdict, COUNT(*) AS n FROM claims
       WHERE article_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL GROUP BY article_id, verdict`,
      [jsonList(ids)],
    );
    const stats = new Map<number, ClaimStats>();
    for (const row of rows) {
      const entry = stats.get(row.articleId) ?? { claimCount: 0, verdictSummary: [] };
      entry.claimCount += row.n;
      if (row.verdict) entry.verdictSummary.push({ verdict: row.verdict, count: row.n });
      stats.set(row.articleId, entry);
    }
    for (const entry of stats.values()) sortByScale(entry.verdictSummary);
    return ids.map((id) => stats.get(id) ?? { claimCount: 0, verdictSummary: [] });
  });

  return { articleById, articleBySlug, articleBodyById, claimStatsByArticle };
}

/** Verdict counts in the order of the scale (TRUE first). */
export function sortByScale(counts: VerdictCount[]): VerdictCount[] {
  return counts.sort((x, y) => VERDICTS.indexOf(x.verdict) - VERDICTS.indexOf(y.verdict));
}

/** Claim count and verdict summary of a list of claims (point-in-time reads). */
export function claimStatsOf(verdicts: (Verdict | null)[]): ClaimStats {
  const counts = new Map<Verdict, number>();
  for (const verdict of verdicts) if (verdict) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  return { claimCount: verdicts.length, verdictSummary: sortByScale([...counts].map(([verdict, count]) => ({ verdict, count }))) };
}
