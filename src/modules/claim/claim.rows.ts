import type { TypedRow } from '../../graphql/relay/node.type';
import type { Verdict } from '../annotation/verdict';
import type { ClaimAnchorStatus } from './anchor-status';

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
  anchorStatus: ClaimAnchorStatus;
  anchorScore: number | null;
  /** The words now at the anchor when they differ from `quote` (FUZZY). */
  anchorExact: string | null;
  checkedRevision: number;
  /** Set on rows of a point-in-time read: fields then resolve as of this moment. */
  asOf?: Date;
}

export const CLAIM_COLUMNS = `c.id, c.article_id AS articleId, c.quote, c.prefix, c.suffix,
  c.start_offset AS startOffset, c.end_offset AS endOffset, c.claimant, c.verdict,
  c.anchor_status AS anchorStatus, c.anchor_score AS anchorScore, c.anchor_exact AS anchorExact, c.checked_revision AS checkedRevision`;

export function toClaimRow(row: Omit<ClaimRow, '__typename'>): ClaimRow {
  return { __typename: 'Claim', ...row };
}
