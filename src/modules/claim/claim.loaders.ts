import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Visibility } from '../auth/visibility';
import { CLAIM_COLUMNS, type ClaimRow, toClaimRow } from './claim.rows';

export interface ClaimLoaders {
  claimById: DataLoader<number, ClaimRow | null>;
  /** Claims of an article in text order. */
  claimsByArticle: DataLoader<number, ClaimRow[]>;
}

export function createClaimLoaders(reader: SqlReader, visibility: Visibility): ClaimLoaders {
  const claimById = new DataLoader<number, ClaimRow | null>(async (ids) => {
    const rows = await reader.all<Omit<ClaimRow, '__typename'>>(
      `SELECT ${CLAIM_COLUMNS} FROM json_each(?) k CROSS JOIN claims c ON c.id = k.value CROSS JOIN articles a ON a.id = c.article_id
       WHERE c.deleted_at IS NULL AND ${visibility.article}`,
      [jsonList(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, toClaimRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  // Callers reach an article's claims only through a visible article.
  const claimsByArticle = new DataLoader<number, ClaimRow[]>(async (articleIds) => {
    const rows = await reader.all<Omit<ClaimRow, '__typename'>>(
      `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.article_id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL
       ORDER BY c.article_id, c.start_offset, c.id`,
      [jsonList(articleIds)],
    );
    const claims = rows.map(toClaimRow);
    for (const claim of claims) claimById.prime(claim.id, claim);
    return groupRows(articleIds, claims, (claim) => claim.articleId);
  });

  return { claimById, claimsByArticle };
}
