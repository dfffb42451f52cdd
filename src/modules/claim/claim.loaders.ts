import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Visibility } from '../auth/visibility';
import { claimsByArticleIds, claimsByIds } from './claim.queries';
import { type ClaimantRow, toClaimantRow } from '../claimant/claimant.rows';
import { type ClaimRow, toClaimRow } from './claim.rows';

export interface ClaimLoaders {
  claimById: DataLoader<number, ClaimRow | null>;
  /** Claims of an article in text order. */
  claimsByArticle: DataLoader<number, ClaimRow[]>;
}

/**
 * `onClaimant` receives the claimant of each claim read with an article's claims: the composition
 * root primes the claimant loader with it, so `Claim.claimant` costs no statement of its own.
 */
export function createClaimLoaders(
  reader: SqlReader,
  visibility: Visibility,
  onClaimant: (claimantId: number, claimant: ClaimantRow) => void = () => {},
): ClaimLoaders {
  const claimById = new DataLoader<number, ClaimRow | null>(async (ids) => {
    const rows = await reader.rows(claimsByIds[visibility.level], { ids });
    const byId = new Map(rows.map((row) => [row.id, toClaimRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  // Callers reach an article's claims only through a visible article.
  const claimsByArticle = new DataLoader<number, ClaimRow[]>(async (articleIds) => {
    const rows = await reader.rows(claimsByArticleIds, { ids: articleIds });
    // Fields named one by one: this runs for every claim of every article page.
    const claims = rows.map((row): ClaimRow => {
      const readClaimant =
        row.claimantResolvedId === null
          ? null
          : toClaimantRow({
              id: row.claimantResolvedId,
              slug: row.claimantSlug!,
              name: row.claimantName!,
              aliases: row.claimantAliases!,
              description: row.claimantDescription,
              wikidataId: row.claimantWikidataId,
              kind: row.claimantKind!,
            });
      if (row.claimantId !== null && readClaimant) onClaimant(row.claimantId, readClaimant);
      return {
        __typename: 'Claim',
        id: row.id,
        articleId: row.articleId,
        quote: row.quote,
        prefix: row.prefix,
        suffix: row.suffix,
        startOffset: row.startOffset,
        endOffset: row.endOffset,
        text: row.text,
        language: row.language,
        claimantId: row.claimantId,
        verdict: row.verdict,
        anchorStatus: row.anchorStatus,
        anchorScore: row.anchorScore,
        anchorExact: row.anchorExact,
        checkedRevision: row.checkedRevision,
        readClaimant,
      };
    });
    for (const claim of claims) claimById.prime(claim.id, claim);
    return groupRows(articleIds, claims, (claim) => claim.articleId);
  });

  return { claimById, claimsByArticle };
}
