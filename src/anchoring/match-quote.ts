/**
 * Scores the places where a quote may sit in a text, using its W3C TextQuoteSelector context.
 *
 * Adapted from the Hypothesis client's `src/annotator/anchoring/match-quote.ts`
 * (https://github.com/hypothesis/client), Copyright (c) 2013-2019 Hypothes.is Project and
 * contributors, BSD-2-Clause licence. Rewritten for factline; the weights (quote 50, prefix 20,
 * suffix 20, position 2) and the error budget follow Hypothesis. Unlike Hypothesis, which keeps
 * only the single best match, this returns every distinct candidate so the caller can refuse to
 * choose between near ties.
 */
import approxSearch from 'approx-string-match';
import { findOccurrences } from './text-selector';

export interface QuoteCandidate {
  start: number;
  end: number;
  /** Edit distance between the quote and `text.slice(start, end)`. */
  errors: number;
  /** Normalised score in [0, 1]; 1 = quote, prefix and suffix intact at the hinted position. */
  score: number;
}

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected start offset; only breaks near ties, it can never outweigh the text. */
  hint?: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Hypothesis' cap: the bit-parallel search costs O(maxErrors / 32) per text character. */
const MAX_ERRORS_CAP = 256;

interface RawMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Exact occurrences first: indexOf is far cheaper than the approximate search, and when the
 * quote is intact its exact occurrences are the only candidates worth scoring.
 */
function search(text: string, str: string, maxErrors: number): RawMatch[] {
  const exact = findOccurrences(text, str);
  if (exact.length > 0) return exact.map((start) => ({ start, end: start + str.length, errors: 0 }));
  return approxSearch(text, str, maxErrors);
}

/** How well `str` survives inside `window` (1 = intact, 0 = nothing of it left). */
function contextScore(window: string, str: string): number {
  if (window.length === 0) return 0;
  // The common case after an edit elsewhere; skips building the search's bit tables.
  if (window === str) return 1;
  // Budget = whole length, so there is always a match: a fully rewritten context scores 0.
  const matches = approxSearch(window, str, str.length);
  if (matches.length === 0) return 0;
  return Math.max(0, 1 - matches[0].errors / str.length);
}

/** Scores one place for `quote`; exported so exact hits found by other means score alike. */
export function scoreCandidate(text: string, quote: string, match: RawMatch, context: QuoteContext): number {
  const quoteScore = quote.length === 0 ? 0 : Math.max(0, 1 - match.errors / quote.length);
  // An empty stored context carries no evidence either way, as in Hypothesis.
  const prefixScore = context.prefix
    ? contextScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
    : 1;
  const suffixScore = context.suffix
    ? contextScore(text.slice(match.end, match.end + context.suffix.length), context.suffix)
    : 1;
  let positionScore = 1;
  if (typeof context.hint === 'number' && text.length > 0) {
    positionScore = Math.max(0, 1 - Math.abs(match.start - context.hint) / text.length);
  }
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore;
  return raw / MAX_SCORE;
}

/**
 * Levenshtein distance between two whole strings (the search above finds a pattern inside a
 * text, which is not the same). Two rows, O(a * b): only used to score a handful of spans.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current.push(Math.min(substitution, previous[j] + 1, current[j - 1] + 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function overlaps(a: RawMatch, b: RawMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * All distinct (non-overlapping) candidate matches of `quote` in `text`, best first.
 *
 * The approximate search reports only the lowest error count it finds, often as a cluster of
 * overlapping spans around one place; keeping the best of each cluster leaves one candidate per
 * place, so "second best" means a genuinely different place in the text.
 */
export function scoreQuoteMatches(text: string, quote: string, context: QuoteContext): QuoteCandidate[] {
  if (quote.length === 0 || text.length === 0) return [];
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(quote.length / 2));
  const scored = search(text, quote, maxErrors).map((match) => ({
    ...match,
    score: scoreCandidate(text, quote, match, context),
  }));
  // Ties: fewer errors, then nearer the hint, then earlier, so the order is deterministic.
  const hint = context.hint ?? 0;
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.errors - b.errors ||
      Math.abs(a.start - hint) - Math.abs(b.start - hint) ||
      a.start - b.start,
  );
  const distinct: QuoteCandidate[] = [];
  for (const candidate of scored) {
    if (!distinct.some((kept) => overlaps(kept, candidate))) distinct.push(candidate);
  }
  return distinct;
}
