import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import type { Verdict } from '../annotation/verdict';
import { sortByScale } from '../article/article.loaders';
import type { VerdictCount } from '../article/article.types';
import type { Visibility } from '../auth/visibility';
import { type ClaimRow, toClaimRow } from '../claim/claim.rows';
import { claimantsByIds, claimantsBySlugs, claimStatsOfClaimants, claimsOfClaimants } from './claimant.queries';
import { type ClaimantRow, toClaimantRow } from './claimant.rows';

export interface ClaimantClaimStats {
  /** Claims the viewer may see, by verdict (null: not yet checked). */
  counts: Map<Verdict | null, number>;
  verdictSummary: VerdictCount[];
}

/** One page of a claimant's claims: those after `afterId`, at most `limit`, of one verdict or all. */
export interface ClaimantClaimsKey {
  claimantId: number;
  verdict: Verdict | null;
  afterId: number;
  limit: number;
}

export interface ClaimantLoaders {
  /** A claimant the viewer may see by id; a merged claimant's id gives the one it was merged into. */
  claimantById: DataLoader<number, ClaimantRow | null>;
  claimantBySlug: DataLoader<string, ClaimantRow | null>;
  /**
   * A claimant as a past reader saw it named on a claim (point-in-time reads), whoever asks
   * and whatever has become of its claims since.
   */
  claimantOnRecordById: DataLoader<number, ClaimantRow | null>;
  claimsOfClaimant: DataLoader<ClaimantClaimsKey, ClaimRow[], string>;
  claimStatsOfClaimant: DataLoader<number, ClaimantClaimStats>;
}

export function createClaimantLoaders(reader: SqlReader, visibility: Visibility): ClaimantLoaders {
  const byIds = (level: Visibility['level']) =>
    new DataLoader<number, ClaimantRow | null>(async (ids) => {
      const rows = await reader.rows(claimantsByIds[level], { ids });
      const byId = new Map(rows.map((row) => [row.requestedId, toClaimantRow(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  const claimantById = byIds(visibility.level);

  const claimantBySlug = new DataLoader<string, ClaimantRow | null>(async (slugs) => {
    const rows = await reader.rows(claimantsBySlugs[visibility.level], { slugs });
    const bySlug = new Map(rows.map((row) => [row.requestedSlug, toClaimantRow(row)]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });

  // Pages asked with the same verdict, cursor and size share one statement.
  const claimsOfClaimant = new DataLoader<ClaimantClaimsKey, ClaimRow[], string>(
    async (keys) => {
      const groups = new Map<string, ClaimantClaimsKey[]>();
      for (const key of keys) {
        const shape = `${key.verdict}:${key.afterId}:${key.limit}`;
        groups.set(shape, [...(groups.get(shape) ?? []), key]);
      }
      const pages = new Map<string, ClaimRow[]>();
      for (const group of groups.values()) {
        const { verdict, afterId, limit } = group[0];
        const variant = `${visibility.level}:${verdict === null ? 'all' : 'verdict'}` as const;
        const ids = group.map((key) => key.claimantId);
        const rows = await reader.rows(claimsOfClaimants[variant], { ids, verdict, afterId, limit });
        for (const key of group) pages.set(cacheKey(key), []);
        for (const { ofClaimant, position: _position, ...row } of rows)
          pages.get(cacheKey({ claimantId: ofClaimant, verdict, afterId, limit }))!.push(toClaimRow(row));
      }
      return keys.map((key) => pages.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );

  const claimStatsOfClaimant = new DataLoader<number, ClaimantClaimStats>(async (ids) => {
    const rows = await reader.rows(claimStatsOfClaimants[visibility.level], { ids });
    const stats = new Map<number, ClaimantClaimStats>();
    for (const row of rows) {
      const entry: ClaimantClaimStats = stats.get(row.claimantId) ?? { counts: new Map(), verdictSummary: [] };
      entry.counts.set(row.verdict, row.n);
      if (row.verdict) entry.verdictSummary.push({ verdict: row.verdict, count: row.n });
      stats.set(row.claimantId, entry);
    }
    for (const entry of stats.values()) sortByScale(entry.verdictSummary);
    return ids.map((id) => stats.get(id) ?? { counts: new Map(), verdictSummary: [] });
  });

  return {
    claimantById,
    claimantBySlug,
    claimantOnRecordById: visibility.level === 'editor' ? claimantById : byIds('editor'),
    claimsOfClaimant,
    claimStatsOfClaimant,
  };
}

function cacheKey(key: ClaimantClaimsKey): string {
  return `${key.claimantId}:${key.verdict}:${key.afterId}:${key.limit}`;
}
