import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Visibility } from '../auth/visibility';
import { claimsByArticleIds, claimsByIds } from './claim.queries';
import { type ClaimRow, toClaimRow } from './claim.rows';

export interface ClaimLoaders {
  claimById: DataLoader<number, ClaimRow | null>;
  /** Claims of an article in text order. */
  claimsByArticle: DataLoader<number, ClaimRow[]>;
}

export function createClaimLoaders(reader: SqlReader, visibility: Visibility): ClaimLoaders {
  const claimById = new DataLoader<number, ClaimRow | null>(async (ids) => {
    const rows = await reader.rows(claimsByIds[visibility.level], { ids });
    const byId = new Map(rows.map((row) => [row.id, toClaimRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  // Callers reach an article's claims only through a visible article.
  const claimsByArticle = new DataLoader<number, ClaimRow[]>(async (articleIds) => {
    const rows = await reader.rows(claimsByArticleIds, { ids: articleIds });
    const claims = rows.map(toClaimRow);
    for (const claim of claims) claimById.prime(claim.id, claim);
    return groupRows(articleIds, claims, (claim) => claim.articleId);
  });

  return { claimById, claimsByArticle };
}
