import type { TypedRow } from '../../graphql/relay/node.type';
import type { ClaimRow } from '../claim/claim.rows';
import { userRow, type UserRow } from '../user/user.loaders';
import type { CitationSnapshot } from './annotation-revision.entity';
import type { AnnotationSqlRow } from './annotation.queries';
import type { Annotation, AnnotationRevision, Citation, Correction } from './annotation.types';

/**
 * The rows the loaders answer: each is its GraphQL type's fields (annotation.types.ts) and
 * what its field resolvers read.
 */

/** A fact-check's rating as its statements read it (annotationRatingColumns). */
export interface AnnotationRatingColumns {
  /** The scale's rating it carries (its colour, `r-<id>` on reader pages); null when none. */
  ratingId: number | null;
  ratingLabel: string | null;
  ratingDescription: string | null;
  ratingValue: number | null;
  ratingBest: number | null;
  ratingWorst: number | null;
  ratingColour: string | null;
  importedRating: string | null;
  importedRatingValue: number | null;
  importedRatingBest: number | null;
  importedRatingWorst: number | null;
}

export interface AnnotationRow extends Annotation, TypedRow, AnnotationRatingColumns {
  id: number;
  claimId: number;
  authorId: number;
  /** Set on a point-in-time read: content and citations are those of the revision current then. */
  asOf?: Date;
  citationsAsOf?: CitationSnapshot[];
  /** On a point-in-time read: the claim it was on then, as read then (a merge may have moved it since). */
  claimAsOf?: ClaimRow;
}

// Fields named one by one: this runs for every fact-check of every article page, and a rest
// pattern copies through V8's slow generic path.
export function toAnnotationRow(row: AnnotationSqlRow): AnnotationRow {
  return {
    __typename: 'Annotation',
    id: row.id,
    claimId: row.claimId,
    verdict: row.verdict,
    ratingId: row.ratingId,
    ratingLabel: row.ratingLabel,
    ratingDescription: row.ratingDescription,
    ratingValue: row.ratingValue,
    ratingBest: row.ratingBest,
    ratingWorst: row.ratingWorst,
    ratingColour: row.ratingColour,
    importedRating: row.importedRating,
    importedRatingValue: row.importedRatingValue,
    importedRatingBest: row.importedRatingBest,
    importedRatingWorst: row.importedRatingWorst,
    summary: row.summary,
    body: row.body,
    status: row.status,
    version: row.version,
    publishedAt: row.publishedAt,
    retractedAt: row.retractedAt,
    retractionReason: row.retractionReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    authorId: row.authorId,
    // Joined in the same statement: author { name role } costs no extra query.
    author: userRow(row.authorId, row.authorName, row.authorRole),
  };
}

export interface CitationRow extends Citation {
  annotationId: number;
}

export interface RevisionRow extends AnnotationRevision, AnnotationRatingColumns {
  annotationId: number;
  /** The sources are resolved per viewer (history.resolver.ts). */
  citations: CitationSnapshot[];
  /** Staff only (history.resolver.ts). */
  actor: UserRow;
}

export interface CorrectionRow extends Correction {
  id: number;
  articleId: number;
  /** Null for body corrections. */
  claimId: number | null;
  annotationId: number | null;
  /** The article revision a body correction made; null for verdict corrections. */
  revision: number | null;
}
