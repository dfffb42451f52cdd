import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import { articleStatusVisible, type Visibility } from '../auth/visibility';
import { claimsByArticleIds, claimsByIds } from './claim.queries';
import { type ClaimantRow, toClaimantRow } from '../claimant/claimant.rows';
import { type ClaimRow, placeArticleId, toClaimRow } from './claim.rows';

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
    const byId = new Map(rows.map(({ requestedId, ...row }) => [requestedId, toClaimRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  // Callers reach an article's claims only through a visible article; a further place of a
  // claim whose own article the viewer may not see is left out.
  const claimsByArticle = new DataLoader<number, ClaimRow[]>(async (articleIds) => {
    const rows = await reader.rows(claimsByArticleIds, { ids: articleIds });
    const claims: ClaimRow[] = [];
    // Fields named one by one: this runs for every claim of every article page.
    for (const row of rows) {
      const elsewhere = row.placeOfId !== null;
      if (elsewhere && !articleStatusVisible(visibility.level, row.placeOfArticleStatus)) continue;
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
      const claimantId = elsewhere ? row.placeOfClaimantId : row.claimantId;
      if (claimantId !== null && readClaimant) onClaimant(claimantId, readClaimant);
      const claim: ClaimRow = {
        __typename: 'Claim',
        id: elsewhere ? row.placeOfId! : row.id,
        articleId: elsewhere ? row.placeOfArticleId! : row.articleId,
        quote: row.quote,
        prefix: row.prefix,
        suffix: row.suffix,
        startOffset: row.startOffset,
        endOffset: row.endOffset,
        text: elsewhere ? row.placeOfText : row.text,
        language: elsewhere ? row.placeOfLanguage : row.language,
        claimantId,
        verdict: row.verdict,
        anchorStatus: row.anchorStatus,
        anchorScore: row.anchorScore,
        anchorExact: row.anchorExact,
        checkedRevision: row.checkedRevision,
        readClaimant,
      };
      if (elsewhere) claim.place = { id: row.id, articleId: row.articleId };
      // Only a claim read at its own place is the claim as claimById serves it.
      else claimById.prime(claim.id, claim);
      claims.push(claim);
    }
    return groupRows(articleIds, claims, placeArticleId);
  });

  return { claimById, claimsByArticle };
}
