import DataLoader from 'dataloader';
import { groupRows } from '../../db/group-rows';
import { toSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import type { CitationSnapshot } from '../annotation/annotation-revision.entity';
import { AnnotationStatus } from '../annotation/annotation.entity';
import type { AnnotationRow } from '../annotation/annotation.rows';
import { type ClaimRow, placeArticleId } from '../claim/claim.rows';
import { userRow } from '../user/user.loaders';
import type { FurtherPlaceRow } from '../appearance/appearance.rows';
import { annotationsAsOf, articleRevisionAsOf, claimsAsOf, furtherPlacesAsOf } from './article.queries';
import type { ArticleRow } from './article.rows';

/**
 * Point-in-time reads: the article as a reader saw it at a moment, rebuilt from the
 * append-only history (article revisions, claim anchors, fact-check revisions). As readers
 * saw it means public content only, whoever asks.
 */
export interface PointInTimeLoaders {
  claimsByArticle: DataLoader<number, ClaimRow[]>;
  annotationsByClaim: DataLoader<number, AnnotationRow[]>;
  /** A claim's further places in published articles as its history had them then (removed ones included). */
  furtherPlacesOfClaim: DataLoader<number, FurtherPlaceRow[]>;
}

/** A fact-check as of a moment carries the citations of its revision then. */
export type AnnotationAsOf = AnnotationRow & { asOf: Date; citationsAsOf: CitationSnapshot[] };

/**
 * The article's text at `asOf`, or null if readers could not see it then: it was not
 * published at that moment (a draft, whatever its publication time says, or archived).
 */
export async function articleAsOf(reader: SqlReader, current: ArticleRow, asOf: Date): Promise<ArticleRow | null> {
  const revision = await reader.row(articleRevisionAsOf, { articleId: current.id, at: toSqlDate(asOf) });
  if (!revision) return null;
  return {
    ...current,
    headline: revision.headline,
    standfirst: revision.standfirst,
    body: revision.body,
    revision: revision.number,
    asOf,
  };
}

export function createPointInTimeLoaders(reader: SqlReader, asOf: Date): PointInTimeLoaders {
  const at = toSqlDate(asOf);

  const annotationsByClaim = new DataLoader<number, AnnotationRow[]>(async (claimIds) => {
    const rows = await reader.rows(annotationsAsOf, { claimIds, at });
    const annotations: AnnotationAsOf[] = rows.map(({ authorId, authorName, authorRole, citations, ...row }) => ({
      __typename: 'Annotation',
      ...row,
      authorId,
      author: userRow(authorId, authorName, authorRole),
      retractedAt: row.status === AnnotationStatus.RETRACTED ? row.retractedAt : null,
      retractionReason: row.status === AnnotationStatus.RETRACTED ? row.retractionReason : null,
      asOf,
      citationsAsOf: JSON.parse(citations) as CitationSnapshot[],
    }));
    return groupRows(claimIds, annotations, (annotation) => annotation.claimId);
  });

  const furtherPlacesOfClaim = new DataLoader<number, FurtherPlaceRow[]>(async (claimIds) => {
    const rows = await reader.rows(furtherPlacesAsOf, { claimIds, at });
    return groupRows(claimIds, rows, (row) => row.claimId!);
  });

  const claimsByArticle = new DataLoader<number, ClaimRow[]>(async (articleIds) => {
    const rows = await reader.rows(claimsAsOf, { articleIds, at });
    // A claim's verdict then: that of its newest fact-check published then.
    const annotations = await annotationsByClaim.loadMany(rows.map((row) => row.id));
    const claims: ClaimRow[] = rows.map((row, index) => {
      const notes = annotations[index];
      const newest = Array.isArray(notes)
        ? notes.find((note) => note.status === AnnotationStatus.PUBLISHED)
        : undefined;
      const { placeOfId, placeId, placeArticleId: placeArticle, ...claim } = row;
      return {
        __typename: 'Claim',
        ...claim,
        verdict: newest?.verdict ?? null,
        asOf,
        ...(placeOfId === null ? {} : { place: { id: placeId, articleId: placeArticle } }),
      };
    });
    return groupRows(articleIds, claims, placeArticleId);
  });

  return { claimsByArticle, annotationsByClaim, furtherPlacesOfClaim };
}
