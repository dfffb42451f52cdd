import { fromSqlDate, type SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
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
 * The outside appearances live at `asOf` (listed by then, not yet removed), or live now. Every
 * reader of a claim's places goes through here, so a removed place is never served as live.
 */
export function liveAt(rows: readonly OutsideAppearanceRow[], asOf?: Date): OutsideAppearanceRow[] {
  if (!asOf) return rows.filter((row) => row.deletedAt === null);
  return rows.filter((row) => {
    const deletedAt = fromSqlDate(row.deletedAt);
    return fromSqlDate(row.createdAt)! <= asOf && (deletedAt === null || deletedAt > asOf);
  });
}

/**
 * A claim's place in a factline article: the claim's own anchor, so the row is the claim's
 * (its id is the claim's), typed for the API as the appearance.
 */
export function toArticleAppearanceRow(claim: ClaimRow): ClaimRow {
  return { ...claim, __typename: 'ArticleAppearance' };
}

/** The claim of an article appearance, typed for the API as the claim. */
export function claimOfArticleAppearance(appearance: ClaimRow): ClaimRow {
  return { ...appearance, __typename: 'Claim' };
}
