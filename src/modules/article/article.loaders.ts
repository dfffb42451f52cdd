import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import type { Visibility } from '../auth/visibility';
import { Verdict, VERDICTS } from '../annotation/verdict';
import { articleBodiesByIds, articlesByIds, articlesBySlugs, claimStatsByArticleIds } from './article.queries';
import { type ArticleRow, toArticleRow } from './article.rows';
import type { VerdictCount } from './article.types';

export interface ClaimStats {
  claimCount: number;
  verdictSummary: VerdictCount[];
}

export interface ArticleLoaders {
  articleById: DataLoader<number, ArticleRow | null>;
  articleBySlug: DataLoader<string, ArticleRow | null>;
  /** The current body of articles already loaded (and so already visible). */
  articleBodyById: DataLoader<number, string>;
  claimStatsByArticle: DataLoader<number, ClaimStats>;
}

export function createArticleLoaders(reader: SqlReader, visibility: Visibility): ArticleLoaders {
  const articleById = new DataLoader<number, ArticleRow | null>(async (ids) => {
    const rows = await reader.rows(articlesByIds[visibility.level], { ids });
    const byId = new Map(rows.map((row) => [row.id, toArticleRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const articleBySlug = new DataLoader<string, ArticleRow | null>(async (slugs) => {
    const rows = await reader.rows(articlesBySlugs[visibility.level], { slugs });
    const bySlug = new Map(rows.map((row) => [row.slug, toArticleRow(row)]));
    for (const article of bySlug.values()) articleById.prime(article.id, article);
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });

  const articleBodyById = new DataLoader<number, string>(async (ids) => {
    const rows = await reader.rows(articleBodiesByIds, { ids });
    const byId = new Map(rows.map((row) => [row.id, row.body]));
    return ids.map((id) => byId.get(id) ?? new Error(`article ${id} has gone`));
  });

  // claimCount and verdictSummary come from one grouped statement.
  const claimStatsByArticle = new DataLoader<number, ClaimStats>(async (ids) => {
    const rows = await reader.rows(claimStatsByArticleIds, { ids });
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
  return {
    claimCount: verdicts.length,
    verdictSummary: sortByScale([...counts].map(([verdict, count]) => ({ verdict, count }))),
  };
}
