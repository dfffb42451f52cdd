import type { TypedRow } from '../../graphql/relay/node.type';
import type { ClaimantKind } from './claimant.entity';

/** A claimant as served to GraphQL; `aliases` is the stored JSON list. */
export interface ClaimantRow extends TypedRow {
  id: number;
  slug: string;
  name: string;
  aliases: string;
  description: string | null;
  wikidataId: string | null;
  kind: ClaimantKind;
}

export function toClaimantRow(row: Omit<ClaimantRow, '__typename'>): ClaimantRow {
  return {
    __typename: 'Claimant',
    id: row.id,
    slug: row.slug,
    name: row.name,
    aliases: row.aliases,
    description: row.description,
    wikidataId: row.wikidataId,
    kind: row.kind,
  };
}
