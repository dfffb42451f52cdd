import type { TypedRow } from '../../graphql/relay/node.type';
import type { Verdict } from '../annotation/verdict';
import type { ClaimantRow } from '../claimant/claimant.rows';
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
  /** What was claimed in neutral words; null when nobody has written them (the quote stands in). */
  text: string | null;
  /** The language the claim was made in; null: its article's. */
  language: string | null;
  /** Who made the claim (a claimant record); null when nobody is named. */
  claimantId: number | null;
  verdict: Verdict | null;
  anchorStatus: ClaimAnchorStatus;
  anchorScore: number | null;
  /** The words now at the anchor when they differ from `quote` (FUZZY). */
  anchorExact: string | null;
  checkedRevision: number;
  /** Set on rows of a point-in-time read: fields then resolve as of this moment. */
  asOf?: Date;
  /**
   * The article of the place the claim was reached from, when its place fields are no longer
   * that place's (a past moment's appearance in another article, answering its claim).
   */
  readAtArticleId?: number;
  /** On rows of a point-in-time read: the claimant's name as readers read it then. */
  claimantAsOf?: string | null;
  /** The claimant, when read with the claim (an article's claims): served without a lookup. */
  readClaimant?: ClaimantRow | null;
  /**
   * Set when the row was read as the claim's place in another article than its own: the
   * place's row id and article. The place fields (quote, selectors, anchor state, checked
   * revision) are then that place's; the rest is the claim's.
   */
  place?: ClaimPlace;
}

/** A further place of a claim, in another article than the claim's own. */
export interface ClaimPlace {
  id: number;
  articleId: number;
}

/** The article a row's place fields are in: the place's, or the claim's own. */
export function placeArticleId(row: Pick<ClaimRow, 'articleId' | 'place'>): number {
  return row.place?.articleId ?? row.articleId;
}

/** The article the claim was read in: where its place fields are, or the place it was reached from. */
export function readInArticleId(row: Pick<ClaimRow, 'articleId' | 'place' | 'readAtArticleId'>): number {
  return row.readAtArticleId ?? placeArticleId(row);
}

export function toClaimRow(row: Omit<ClaimRow, '__typename'>): ClaimRow {
  return { __typename: 'Claim', ...row };
}
