import { registerEnumType } from 'type-graphql';

/** The verdict scale: five rated verdicts and three without a number. */
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
}

export const VERDICT_SCALE: Readonly<Record<Verdict, VerdictScale>> = {
  TRUE: { value: 5, label: 'True' },
  MOSTLY_TRUE: { value: 4, label: 'Mostly true' },
  MIXED: { value: 3, label: 'Mixed' },
  MOSTLY_FALSE: { value: 2, label: 'Mostly false' },
  FALSE: { value: 1, label: 'False' },
  MISLEADING: { value: null, label: 'Misleading' },
  NEEDS_CONTEXT: { value: null, label: 'Needs context' },
  UNVERIFIABLE: { value: null, label: 'Unverifiable' },
};

export const VERDICTS = Object.values(Verdict);
