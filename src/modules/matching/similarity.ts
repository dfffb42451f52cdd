import { foldText, type Terms, termsOf } from './normalise';

/**
 * How much two texts say the same thing, 0-1: pure, symmetric, 1 for texts with the same
 * terms (normalise.ts). Each text's terms are weighted (a number counts double: "13,000" and
 * "26" are the point of a claim), and the score is the geometric mean of the share of each
 * text's weight that the other covers, so a sentence that holds a claim and more scores
 * below the claim restated alone, and neither length dominates. Two words meet when their
 * stems are equal, or nearly when one extends the other by a letter or two ("know", "known").
 * Conflicting numbers (each text has one the other lacks: "26 deaths since 2014" against
 * "13,000 deaths since 2014"), or one text negated and not the other, cut the score.
 */

/** At and above this score a claim is taken to restate the text (claimMatches, suggestedClaims). */
export const MATCH_THRESHOLD = 0.55;

const NUMBER_WEIGHT = 2;
const WORD_WEIGHT = 1;
const NEAR_CREDIT = 0.8;
const CONFLICTING_NUMBERS = 0.5;
const NEGATION_MISMATCH = 0.45;

/** A text prepared once for many comparisons. */
export interface PreparedText {
  readonly words: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  readonly negated: boolean;
  readonly weight: number;
  /** The folded text, compared when neither text has a term: empty for a text with terms. */
  readonly bare: string;
}

export function prepareText(text: string): PreparedText {
  return prepareTerms(termsOf(text), text);
}

function prepareTerms(terms: Terms, text: string): PreparedText {
  const words = new Set(terms.words);
  const numbers = new Set(terms.numbers);
  const weight = words.size * WORD_WEIGHT + numbers.size * NUMBER_WEIGHT;
  return {
    words,
    numbers,
    negated: terms.negations % 2 === 1,
    weight,
    bare:
      weight === 0
        ? foldText(text)
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim()
        : '',
  };
}

/** The weight of `a`'s terms that `b` has. */
function covered(a: PreparedText, b: PreparedText): number {
  let weight = 0;
  for (const number of a.numbers) if (b.numbers.has(number)) weight += NUMBER_WEIGHT;
  for (const word of a.words) {
    if (b.words.has(word)) weight += WORD_WEIGHT;
    else if (word.length >= 4 && nearIn(word, b.words)) weight += WORD_WEIGHT * NEAR_CREDIT;
  }
  return weight;
}

function nearIn(word: string, words: ReadonlySet<string>): boolean {
  for (const other of words) {
    if (other.length < 4 || Math.abs(other.length - word.length) > 2) continue;
    if (other.startsWith(word) || word.startsWith(other)) return true;
  }
  return false;
}

export function similarity(a: PreparedText, b: PreparedText): number {
  if (a.weight === 0 || b.weight === 0) return a.weight === 0 && b.weight === 0 && a.bare === b.bare ? 1 : 0;
  let score = Math.sqrt((covered(a, b) / a.weight) * (covered(b, a) / b.weight));
  if (numbersConflict(a, b)) score *= CONFLICTING_NUMBERS;
  if (a.negated !== b.negated) score *= NEGATION_MISMATCH;
  return Math.min(1, Math.max(0, score));
}

function numbersConflict(a: PreparedText, b: PreparedText): boolean {
  const extra = (x: PreparedText, y: PreparedText) => [...x.numbers].some((number) => !y.numbers.has(number));
  return extra(a, b) && extra(b, a);
}

/** similarity() of two texts. */
export function matchScore(a: string, b: string): number {
  return similarity(prepareText(a), prepareText(b));
}
