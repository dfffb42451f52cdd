import type { AnnotationRatingColumns } from '../annotation/annotation.rows';
import { BEST_RATING, type Verdict, VERDICT_SCALE, WORST_RATING } from '../annotation/verdict';

/** A fact-check's rating as it is shown: the GraphQL `Rating`, ClaimReview's reviewRating, the reader's badge. */
export interface RatingView {
  label: string;
  value: number | null;
  best: number | null;
  worst: number | null;
  colour: string;
  description: string | null;
  imported: boolean;
}

/**
 * The rating of a fact-check read with annotationRatingColumns: an imported one's publisher's
 * words and numbers (in the colour of the scale's rating it was mapped to), else the
 * organisation's rating; a row without either (none after the RatingScale migration) shows
 * its verdict on the default scale.
 */
export function ratingOf(row: AnnotationRatingColumns & { verdict: Verdict }): RatingView {
  const fallback = VERDICT_SCALE[row.verdict];
  const colour = row.ratingColour ?? fallback.colour;
  if (row.importedRating !== null)
    return {
      label: row.importedRating,
      value: row.importedRatingValue,
      best: row.importedRatingValue === null ? null : row.importedRatingBest,
      worst: row.importedRatingValue === null ? null : row.importedRatingWorst,
      colour,
      description: null,
      imported: true,
    };
  if (row.ratingLabel !== null)
    return {
      label: row.ratingLabel,
      value: row.ratingValue,
      best: row.ratingBest,
      worst: row.ratingWorst,
      colour,
      description: row.ratingDescription,
      imported: false,
    };
  const numbered = fallback.value !== null;
  return {
    label: fallback.label,
    value: fallback.value,
    best: numbered ? BEST_RATING : null,
    worst: numbered ? WORST_RATING : null,
    colour,
    description: null,
    imported: false,
  };
}
