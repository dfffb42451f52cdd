import { BEST_RATING, Verdict, VERDICT_SCALE, VERDICTS, WORST_RATING } from '../annotation/verdict';

/**
 * A ClaimReview rating (`textualRating`, `reviewRating.alternateName` and its numbers) as the
 * fact-check keeps it: the publisher's own words and numbers (`annotations.imported_rating*`),
 * and the normalised verdict it stands for. Nothing here guesses: a verdict comes from the
 * ADMIN's table (`imported_rating_mappings`), else from an exact rule (`exactVerdictOf`), else
 * the rating is unmapped and its fact-check UNVERIFIABLE until an ADMIN maps it.
 * README: "Importing ClaimReview".
 */

/** What a ClaimReview says about its rating; every part may be missing or malformed. */
export interface RatingInput {
  textualRating?: unknown;
  ratingValue?: unknown;
  bestRating?: unknown;
  worstRating?: unknown;
}

/** A publisher's rating as stored with its fact-check: words, and a number on its range or none. */
export interface ImportedRating {
  /** The publisher's words; for a rating given only as a number, that number on its range. */
  name: string;
  /** ratingValue on worst..best; all three null unless the number is inside its range. */
  value: number | null;
  best: number | null;
  worst: number | null;
}

/** What the scale's exact rules look at: its ratings, in order. */
export interface ScaleEntry {
  label: string;
  value: number | null;
  best: number | null;
  worst: number | null;
  verdict: Verdict;
}

/** The scale the service starts with (migration RatingScale): what a line is rated by without a database. */
export const DEFAULT_SCALE_ENTRIES: readonly ScaleEntry[] = VERDICTS.map((verdict) => {
  const { label, value } = VERDICT_SCALE[verdict];
  return {
    label,
    value,
    best: value === null ? null : BEST_RATING,
    worst: value === null ? null : WORST_RATING,
    verdict,
  };
});

/** `annotations.imported_rating` and `imported_rating_mappings.alternate_name` hold 200 characters. */
export const MAX_IMPORTED_RATING = 200;

/**
 * The key rating texts are compared by (the table's `rating_key`): lower case, accents dropped,
 * every run of punctuation and spaces one space ("Pants on Fire!" -> "pants on fire",
 * "Half-True" -> "half true").
 */
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
  return Number.isFinite(number) && Math.abs(number) <= 1e9 ? number : null;
}

function cutName(text: string): string {
  return text.length <= MAX_IMPORTED_RATING ? text : `${text.slice(0, MAX_IMPORTED_RATING - 1).trimEnd()}…`;
}

/**
 * The publisher's rating as given, or null when the review gives none (no words, no number).
 * Numbers follow schema.org: best 5 and worst 1 unless given; a value outside its range (or a
 * range of one point) keeps the words and drops the numbers. Never throws, whatever the input.
 */
export function importedRatingOf(rating: RatingInput): ImportedRating | null {
  const text = typeof rating.textualRating === 'string' ? rating.textualRating.replace(/\s+/g, ' ').trim() : '';
  const value = toNumber(rating.ratingValue);
  const best =
    rating.bestRating === undefined || rating.bestRating === null ? BEST_RATING : toNumber(rating.bestRating);
  const worst =
    rating.worstRating === undefined || rating.worstRating === null ? WORST_RATING : toNumber(rating.worstRating);
  const ranged =
    value !== null &&
    best !== null &&
    worst !== null &&
    best !== worst &&
    value >= Math.min(best, worst) &&
    value <= Math.max(best, worst);
  const numbers = ranged ? { value, best, worst } : { value: null, best: null, worst: null };
  if (text) return { name: cutName(text), ...numbers };
  if (!ranged) return null;
  return { name: numberName(numbers), ...numbers };
}

/** A rating given only as a number, named: "2 (best 7, worst 1)". */
function numberName(rating: Pick<ImportedRating, 'value' | 'best' | 'worst'>): string {
  return `${rating.value} (best ${rating.best}, worst ${rating.worst})`;
}

/** The key of a rating text in the ADMIN's table; '' when the text has no letter or digit. */
export function importedRatingKey(name: string): string {
  return normalizeRating(name).slice(0, MAX_IMPORTED_RATING);
}

/** Each verdict's name in words: the enum ("MOSTLY_TRUE") and its default label ("Mostly true") fold alike. */
const VERDICT_BY_NAME = new Map(VERDICTS.map((verdict) => [normalizeRating(VERDICT_SCALE[verdict].label), verdict]));

/** The one verdict all these ratings stand for; null when there are none, or they disagree. */
function oneVerdict(ratings: readonly ScaleEntry[]): Verdict | null {
  const verdicts = new Set(ratings.map((rating) => rating.verdict));
  return verdicts.size === 1 ? [...verdicts][0] : null;
}

/**
 * The verdict an imported rating stands for by an exact, unambiguous rule, or null:
 * - words that are exactly a label of the organisation's scale (compared as rating keys): that
 *   rating's verdict (when two labels fold alike and stand for different verdicts, none);
 * - else words that are exactly a verdict's name ("False", "mostly-true", "NEEDS_CONTEXT");
 * - a rating given only as a number: the scale's rating with exactly that number on exactly
 *   that range (on the default scale 5..1 on 1..5, so 2 of best 5, worst 1 is MOSTLY_FALSE;
 *   2 on 1..7 is no rating of it). A number is never rounded onto the scale, and words the
 *   publisher gave are never overruled by their number.
 * Anything else ("Four Pinocchios", "Pants on Fire!", "Fehlender Kontext") is the ADMIN's to map.
 */
export function exactVerdictOf(rating: ImportedRating, scale: readonly ScaleEntry[]): Verdict | null {
  if (rating.value !== null && rating.name === numberName(rating))
    return oneVerdict(
      scale.filter(
        (entry) => entry.value === rating.value && entry.best === rating.best && entry.worst === rating.worst,
      ),
    );
  const key = normalizeRating(rating.name);
  if (!key) return null;
  const labelled = scale.filter((entry) => normalizeRating(entry.label) === key);
  if (labelled.length > 0) return oneVerdict(labelled);
  return VERDICT_BY_NAME.get(key) ?? null;
}

/** Where an imported rating's verdict came from: the ADMIN's table, an exact rule, or neither (UNVERIFIABLE meanwhile). */
export type VerdictSource = 'mapping' | 'exact' | 'unmapped';

/**
 * The verdict of an imported rating: the ADMIN's mapping when the table has one, else the exact
 * rule's, else UNVERIFIABLE (shown with the publisher's words, and listed as unmapped).
 */
export function importedVerdict(
  rating: ImportedRating | null,
  mapped: Verdict | null,
  scale: readonly ScaleEntry[],
): { verdict: Verdict; from: VerdictSource } {
  if (rating === null) return { verdict: Verdict.UNVERIFIABLE, from: 'unmapped' };
  if (mapped !== null) return { verdict: mapped, from: 'mapping' };
  const exact = exactVerdictOf(rating, scale);
  return exact === null ? { verdict: Verdict.UNVERIFIABLE, from: 'unmapped' } : { verdict: exact, from: 'exact' };
}
