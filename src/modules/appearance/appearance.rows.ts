import { fromSqlDate, type SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { Verdict } from '../annotation/verdict';
import type { ClaimAnchorStatus } from '../claim/anchor-status';
import type { ClaimRow } from '../claim/claim.rows';

/** A place outside factline where a claim was made, as served to GraphQL. */
export interface OutsideAppearanceRow extends TypedRow {
  id: number;
  claimId: number;
  url: string;
  title: string | null;
  publisher: string | null;
  appearedAt: SqlTimestamp | null;
  startSeconds: number | null;
  endSeconds: number | null;
  createdAt: SqlTimestamp;
  deletedAt: SqlTimestamp | null;
}

export function toOutsideAppearanceRow(row: Omit<OutsideAppearanceRow, '__typename'>): OutsideAppearanceRow {
  return {
    __typename: 'OutsideAppearance',
    id: row.id,
    claimId: row.claimId,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    appearedAt: row.appearedAt,
    startSeconds: row.startSeconds,
    endSeconds: row.endSeconds,
    createdAt: row.createdAt,
    deletedAt: row.deletedAt,
  };
}

/**
 * The appearances (outside ones, further places) live at `asOf` (listed by then, not yet removed), or live now. Every
 * reader of a claim's places goes through here, so a removed place is never served as live.
 */
export function liveAt<Row extends Pick<OutsideAppearanceRow, 'createdAt' | 'deletedAt'>>(
  rows: readonly Row[],
  asOf?: Date,
): Row[] {
  if (!asOf) return rows.filter((row) => row.deletedAt === null);
  return rows.filter((row) => {
    const deletedAt = fromSqlDate(row.deletedAt);
    return fromSqlDate(row.createdAt)! <= asOf && (deletedAt === null || deletedAt > asOf);
  });
}

/** A claim's further place in another factline article than its own, as stored. */
export interface FurtherPlaceRow {
  id: number;
  articleId: number;
  claimId: number | null;
  quote: string;
  prefix: string;
  suffix: string;
  startOffset: number;
  endOffset: number;
  anchorStatus: ClaimAnchorStatus;
  anchorScore: number | null;
  anchorExact: string | null;
  checkedRevision: number;
  verdict: Verdict | null;
  createdAt: SqlTimestamp;
  deletedAt: SqlTimestamp | null;
}

/**
 * A claim's place in a factline article, typed for the API as the appearance: the claim's own
 * anchor (the row is the claim's, its id the claim's), or a further place (`place` names it).
 */
export function toArticleAppearanceRow(claim: ClaimRow): ClaimRow {
  return { ...claim, __typename: 'ArticleAppearance' };
}

/** The claim as read at one of its further places: the place's anchor, the claim's words. */
export function claimAtPlace(claim: ClaimRow, place: FurtherPlaceRow): ClaimRow {
  return {
    ...claim,
    quote: place.quote,
    prefix: place.prefix,
    suffix: place.suffix,
    startOffset: place.startOffset,
    endOffset: place.endOffset,
    anchorStatus: place.anchorStatus,
    anchorScore: place.anchorScore,
    anchorExact: place.anchorExact,
    checkedRevision: place.checkedRevision,
    place: { id: place.id, articleId: place.articleId },
  };
}
