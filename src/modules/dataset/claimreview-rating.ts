import { BEST_RATING, Verdict, VERDICT_SCALE, WORST_RATING } from '../annotation/verdict';

/**
 * Textual ClaimReview ratings (`textualRating`, `reviewRating.alternateName`) and the verdict
 * each becomes. Keys are normalised: lower case, accents dropped, every run of punctuation
 * and spaces one space ("Pants on Fire!" -> "pants on fire", "Half-True" -> "half true").
 * README: "Importing ClaimReview".
 */
export const RATING_TABLE: Readonly<Record<string, Verdict>> = {
  true: Verdict.TRUE,
  correct: Verdict.TRUE,
  accurate: Verdict.TRUE,
  'mostly true': Verdict.MOSTLY_TRUE,
  'mostly correct': Verdict.MOSTLY_TRUE,
  'mostly accurate': Verdict.MOSTLY_TRUE,
  'half true': Verdict.MIXED,
  'half truth': Verdict.MIXED,
  mixed: Verdict.MIXED,
  mixture: Verdict.MIXED,
  'partly true': Verdict.MIXED,
  'partly false': Verdict.MIXED,
  'mostly false': Verdict.MOSTLY_FALSE,
  'barely true': Verdict.MOSTLY_FALSE,
  false: Verdict.FALSE,
  incorrect: Verdict.FALSE,
  inaccurate: Verdict.FALSE,
  wrong: Verdict.FALSE,
  'pants on fire': Verdict.FALSE,
  fake: Verdict.FALSE,
  fabricated: Verdict.FALSE,
  hoax: Verdict.FALSE,
  misleading: Verdict.MISLEADING,
  'missing context': Verdict.NEEDS_CONTEXT,
  'needs context': Verdict.NEEDS_CONTEXT,
  'lacks context': Verdict.NEEDS_CONTEXT,
  'out of context': Verdict.NEEDS_CONTEXT,
  unproven: Verdict.UNVERIFIABLE,
  unverifiable: Verdict.UNVERIFIABLE,
  unverified: Verdict.UNVERIFIABLE,
  unsupported: Verdict.UNVERIFIABLE,
  'no evidence': Verdict.UNVERIFIABLE,
};

/** What a ClaimReview says about its rating; every part may be missing or malformed. */
export interface RatingInput {
  textualRating?: unknown;
  ratingValue?: unknown;
  bestRating?: unknown;
  worstRating?: unknown;
}

export interface MappedRating {
  verdict: Verdict;
  /** How it was found: the table, the number, or neither (then UNVERIFIABLE). */
  from: 'text' | 'number' | 'unknown';
  /** The rating as the publisher gave it, kept with the fact-check; null when there was none. */
  original: string | null;
}

export function normalizeRating(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function toNumber(value: unknown): number | null {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
}

const BY_VALUE = new Map(
  Object.entries(VERDICT_SCALE).flatMap(([verdict, { value }]) =>
    value === null ? [] : [[value, verdict as Verdict]],
  ),
);

/**
 * `ratingValue` on the publisher's scale (`worstRating`..`bestRating`, schema.org's defaults
 * 1..5) scaled to ours, 1..5, rounded; null when it is not a number inside its scale.
 */
export function scaleRating(rating: RatingInput): Verdict | null {
  const value = toNumber(rating.ratingValue);
  const best =
    rating.bestRating === undefined || rating.bestRating === null ? BEST_RATING : toNumber(rating.bestRating);
  const worst =
    rating.worstRating === undefined || rating.worstRating === null ? WORST_RATING : toNumber(rating.worstRating);
  if (value === null || best === null || worst === null || best === worst) return null;
  const position = (value - worst) / (best - worst);
  if (!(position >= 0 && position <= 1)) return null;
  return BY_VALUE.get(Math.round(WORST_RATING + position * (BEST_RATING - WORST_RATING))) ?? null;
}

/**
 * A ClaimReview rating as one of our verdicts: the textual rating through RATING_TABLE, else
 * a numeric rating scaled to 1..5, else UNVERIFIABLE. Never throws, whatever the input.
 */
export function mapRating(rating: RatingInput): MappedRating {
  const text = typeof rating.textualRating === 'string' ? rating.textualRating.trim() : '';
  const numeric = toNumber(rating.ratingValue);
  const original = text || (numeric === null ? null : describeNumber(rating, numeric));
  const key = normalizeRating(text);
  // hasOwn: a rating such as "constructor" must not find Object's prototype.
  if (key && Object.hasOwn(RATING_TABLE, key)) return { verdict: RATING_TABLE[key], from: 'text', original };
  const fromNumber = scaleRating(rating);
  if (fromNumber) return { verdict: fromNumber, from: 'number', original };
  return { verdict: Verdict.UNVERIFIABLE, from: 'unknown', original };
}

function describeNumber(rating: RatingInput, value: number): string {
  const best = toNumber(rating.bestRating) ?? BEST_RATING;
  const worst = toNumber(rating.worstRating) ?? WORST_RATING;
  return `${value} (best ${best}, worst ${worst})`;
}
