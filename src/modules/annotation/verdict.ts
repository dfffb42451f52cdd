import { registerEnumType } from 'type-graphql';

/**
 * The normalised verdicts: five rated and three without a number. The organisation's own
 * scale (ratings, src/modules/rating) maps each of its ratings to one of these; VERDICT_SCALE
 * is the default scale it starts as (migration RatingScale).
 */
export enum Verdict {
  TRUE = 'TRUE',
  MOSTLY_TRUE = 'MOSTLY_TRUE',
  MIXED = 'MIXED',
  MOSTLY_FALSE = 'MOSTLY_FALSE',
  FALSE = 'FALSE',
  MISLEADING = 'MISLEADING',
  NEEDS_CONTEXT = 'NEEDS_CONTEXT',
  UNVERIFIABLE = 'UNVERIFIABLE',
}

registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'A fact-check verdict. TRUE..FALSE map to ratings 5..1; the others carry no number.',
});

export const BEST_RATING = 5;
export const WORST_RATING = 1;

interface VerdictScale {
  /** ClaimReview ratingValue, null where the verdict is not on the numeric scale. */
  value: number | null;
  /** ClaimReview alternateName. */
  label: string;
  /** Its colour on the default scale (reader.css). */
  colour: string;
}

export const VERDICT_SCALE: Readonly<Record<Verdict, VerdictScale>> = {
  TRUE: { value: 5, label: 'True', colour: '#1a7f37' },
  MOSTLY_TRUE: { value: 4, label: 'Mostly true', colour: '#7cb342' },
  MIXED: { value: 3, label: 'Mixed', colour: '#e8a80c' },
  MOSTLY_FALSE: { value: 2, label: 'Mostly false', colour: '#ee7a1c' },
  FALSE: { value: 1, label: 'False', colour: '#c92a2a' },
  MISLEADING: { value: null, label: 'Misleading', colour: '#7d3fc4' },
  NEEDS_CONTEXT: { value: null, label: 'Needs context', colour: '#1a66c9' },
  UNVERIFIABLE: { value: null, label: 'Unverifiable', colour: '#66707a' },
};

export const VERDICTS = Object.values(Verdict);
