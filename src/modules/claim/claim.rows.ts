import type { TypedRow } from '../../graphql/relay/node.type';
import type { Verdict } from '../annotation/verdict';

/** A claim as served to GraphQL. */
export interface ClaimRow extends TypedRow {
  id: number;
  articleId: number;
  quote: string;
  prefix: string;
  suffix: string;
  startOffset: number;
  endOffset: number;
  claimant: string | null;
  verdict: Verdict | null;
}

export const CLAIM_COLUMNS = `c.id, c.article_id AS articleId, c.quote, c.prefix, c.suffix,
  c.start_offset AS startOffset, c.end_offset AS endOffset, c.claimant, c.verdict`;

export function toClaimRow(row: Omit<ClaimRow, '__typename'>): ClaimRow {
  return { __typename: 'Claim', ...row };
}
