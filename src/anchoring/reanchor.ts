/**
 * Re-locates a claim's quote after the article body changed. Pure functions: no database.
 *
 * The rule is "never guess": a claim is only re-attached where the evidence points to one
 * place. The diff of the two bodies is the strongest evidence (it says where the quoted text
 * went), then uniqueness of the exact quote, then a scored fuzzy search whose winner must be
 * good enough (FUZZY_THRESHOLD) and clearly better than any other place (AMBIGUITY_MARGIN).
 */
import DiffMatchPatch from 'diff-match-patch';
import { editDistance, scoreCandidate, scoreQuoteMatches, type QuoteCandidate } from './match-quote';
import { findOccurrences, selectorAt, type TextSelectorValue } from './text-selector';

export type AnchorStatus = 'ANCHORED' | 'MOVED' | 'FUZZY' | 'AMBIGUOUS' | 'ORPHANED';

/** A claim's anchor as stored before the change; offsets in UTF-16 code units of the old body. */
export interface StoredAnchor {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Reanchoring {
  status: AnchorStatus;
  /**
   * The new anchor in the new body; null for AMBIGUOUS and ORPHANED. For ANCHORED/MOVED,
   * selector.exact === quote; for FUZZY, selector.exact is the new text at that place (!== quote).
   */
  selector: TextSelectorValue | null;
  /** Normalised match score in [0,1] (1 = quote and context intact); null for ORPHANED. */
  score: number | null;
}

/** One body change, diffed once and shared by every claim of the article. */
export interface BodyChange {
  readonly oldBody: string;
  readonly newBody: string;
}

/**
 * Minimum normalised score for a fuzzy (or a searched exact) match. The score is
 * (50 quote + 20 prefix + 20 suffix + 2 position) / 92 with each part in [0, 1], so 0.75 needs
 * 69 points: never reached by the context alone (42) nor by the quote alone (52). With the
 * context intact, the quote may differ by up to 46% of its length (the search allows 50%); with
 * one side of the context rewritten, by at most 6% (a corrected date or name, not a new claim);
 * an exact quote needs over 40% of its context to still match.
 */
export const FUZZY_THRESHOLD = 0.75;

/**
 * How much the best candidate must beat the second-best distinct place. Position can move a
 * score by at most 2/92 = 0.022, so 0.1 (over four times that) means the winner must also be
 * better on the words themselves: roughly 7 of the 40 context points, e.g. a dozen of the 64
 * context characters, or 15% of the quote.
 */
export const AMBIGUITY_MARGIN = 0.1;

// The diff is private to this module: callers only see the two bodies.
const diffs = new WeakMap<BodyChange, DiffMatchPatch.Diff[]>();
const dmp = new DiffMatchPatch();

function computeDiff(change: BodyChange): DiffMatchPatch.Diff[] {
  // No semantic cleanup: a minimal character diff maps offsets most precisely.
  const result = dmp.diff_main(change.oldBody, change.newBody);
  diffs.set(change, result);
  return result;
}

/** Computes the diff once per body change; pass the result to reanchor for every claim. */
export function describeBodyChange(oldBody: string, newBody: string): BodyChange {
  const change: BodyChange = Object.freeze({ oldBody, newBody });
  computeDiff(change);
  return change;
}

function diffOf(change: BodyChange): DiffMatchPatch.Diff[] {
  // A BodyChange built by hand (not by describeBodyChange) gets its diff on first use.
  return diffs.get(change) ?? computeDiff(change);
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}

const ORPHANED: Reanchoring = Object.freeze({ status: 'ORPHANED', selector: null, score: null });

function ambiguous(score: number): Reanchoring {
  return { status: 'AMBIGUOUS', selector: null, score };
}

/** ANCHORED means nothing to update: same quote at the same offsets. */
function exact(change: BodyChange, anchor: StoredAnchor, start: number, score: number): Reanchoring {
  const status: AnchorStatus = start === anchor.start ? 'ANCHORED' : 'MOVED';
  return { status, selector: selectorAt(change.newBody, start, start + anchor.quote.length), score };
}

/** The result must describe the new body truthfully; a broken promise here is a bug, not data. */
function checked(change: BodyChange, anchor: StoredAnchor, result: Reanchoring): Reanchoring {
  const { status, selector, score } = result;
  const holds = (s: TextSelectorValue) => change.newBody.slice(s.start, s.end) === s.exact;
  let ok: boolean;
  if (status === 'ANCHORED' || status === 'MOVED') {
    ok = selector !== null && holds(selector) && selector.exact === anchor.quote && score !== null;
  } else if (status === 'FUZZY') {
    ok =
      selector !== null &&
      holds(selector) &&
      selector.exact !== anchor.quote &&
      score !== null &&
      score >= FUZZY_THRESHOLD;
  } else {
    ok = selector === null && (status === 'AMBIGUOUS') === (score !== null);
  }
  if (!ok)
    throw new Error(
      `reanchor invariant broken for ${status} at ${selector?.start ?? '-'}: ${JSON.stringify(anchor.quote)}`,
    );
  return result;
}

/**
 * The diff kept the quote at `mapped`. That settles it, unless the edit also made a copy of
 * the quote (a duplicated paragraph): then which copy was reviewed is a guess, and the diff's
 * choice between identical texts is arbitrary. So the mapped place must also be clearly the
 * best fit by quote and context.
 */
function followDiff(change: BodyChange, anchor: StoredAnchor, mapped: number): Reanchoring {
  const { oldBody, newBody } = change;
  const { quote } = anchor;
  const context = { prefix: anchor.prefix, suffix: anchor.suffix, hint: mapped };
  const score = scoreCandidate(newBody, quote, { start: mapped, end: mapped + quote.length, errors: 0 }, context);
  const quoteAfter = findOccurrences(newBody, quote).length;
  // A single occurrence has no look-alike: the usual case, settled with one scan of the body.
  if (quoteAfter > 1) {
    // The whole quote-with-context now appears more often than before, and more than once.
    const full = anchor.prefix + quote + anchor.suffix;
    const fullAfter = findOccurrences(newBody, full).length;
    if (fullAfter > 1 && fullAfter > findOccurrences(oldBody, full).length) return ambiguous(score);
    // A new copy with its context cut at a paragraph edge escapes that count: compare scores.
    if (quoteAfter > findOccurrences(oldBody, quote).length) {
      const span = { start: mapped, end: mapped + quote.length };
      const rival = scoreQuoteMatches(newBody, quote, context).find((c) => c.start >= span.end || c.end <= span.start);
      if (rival && rival.score > score - AMBIGUITY_MARGIN) return ambiguous(score);
    }
  }
  return exact(change, anchor, mapped, score);
}

// A low surrogate or a combining mark belongs to the character before it.
const CONTINUATION = /^(?:[\uDC00-\uDFFF]|\p{M})/u;

/**
 * The approximate search counts UTF-16 code units, so a fuzzy span may cut an emoji in half
 * or strand an accent: widen it to whole characters so the new quote is valid, readable text.
 */
function wholeCharacters(body: string, start: number, end: number): [number, number] {
  while (start > 0 && CONTINUATION.test(body.slice(start, start + 2))) start -= 1;
  while (end < body.length && CONTINUATION.test(body.slice(end, end + 2))) end += 1;
  return [start, end];
}

/**
 * The search reports the span with the fewest quote errors, which can cut a rewritten word
 * ("revised twice." -> "revised thre"). Where the stored prefix or suffix survives intact next
 * to the diff-mapped boundary, that boundary is where the quoted text really starts or ends now;
 * it is used when the whole span then scores at least as well.
 */
function fuzzy(
  change: BodyChange,
  anchor: StoredAnchor,
  best: QuoteCandidate,
  mappedStart: number,
  mappedEnd: number,
): Reanchoring {
  const { newBody } = change;
  const prefixIntact = newBody.slice(Math.max(0, mappedStart - anchor.prefix.length), mappedStart) === anchor.prefix;
  const suffixIntact = newBody.startsWith(anchor.suffix, mappedEnd);
  let [start, end] = wholeCharacters(newBody, best.start, best.end);
  let score = best.score;
  const [bracketStart, bracketEnd] = wholeCharacters(
    newBody,
    prefixIntact ? mappedStart : start,
    suffixIntact ? mappedEnd : end,
  );
  const bracketed = { start: bracketStart, end: bracketEnd };
  if (bracketed.start < bracketed.end && bracketed.start < best.end && best.start < bracketed.end) {
    const errors = editDistance(anchor.quote, newBody.slice(bracketed.start, bracketed.end));
    const context = { prefix: anchor.prefix, suffix: anchor.suffix, hint: mappedStart };
    const bracketedScore = scoreCandidate(newBody, anchor.quote, { ...bracketed, errors }, context);
    if (errors > 0 && bracketedScore >= score) [start, end, score] = [bracketed.start, bracketed.end, bracketedScore];
  }
  return { status: 'FUZZY', selector: selectorAt(newBody, start, end), score };
}

/** Re-locates one stored anchor in the new body of `change`. */
export function reanchor(change: BodyChange, anchor: StoredAnchor): Reanchoring {
  const { oldBody, newBody } = change;
  const { quote } = anchor;
  if (quote.length === 0 || newBody.length === 0) return ORPHANED;
  const context = { prefix: anchor.prefix, suffix: anchor.suffix };

  // 1. Follow the diff: where did the quoted text's first character go?
  const oldStart = clamp(anchor.start, 0, oldBody.length);
  const oldEnd = clamp(anchor.end, oldStart, oldBody.length);
  const mapped = clamp(dmp.diff_xIndex(diffOf(change), oldStart), 0, newBody.length);
  if (newBody.startsWith(quote, mapped)) return checked(change, anchor, followDiff(change, anchor, mapped));

  // 2. The exact words exist exactly once now, and did before: the quote was moved.
  //    (Were they there twice before, the survivor may be the other one: scored below.)
  const newStarts = findOccurrences(newBody, quote);
  if (newStarts.length === 1 && findOccurrences(oldBody, quote).length === 1) {
    const start = newStarts[0];
    const score = scoreCandidate(
      newBody,
      quote,
      { start, end: start + quote.length, errors: 0 },
      { ...context, hint: mapped },
    );
    return checked(change, anchor, exact(change, anchor, start, score));
  }

  // 3. Scored search, exact or approximate, anchored to where the diff says the quote went.
  const [best, second] = scoreQuoteMatches(newBody, quote, { ...context, hint: mapped });
  // Even an exact hit needs its context to vouch for it, or it may be another sentence's words;
  // and when no place is good enough, the quote is lost, not ambiguous.
  if (!best || best.score < FUZZY_THRESHOLD) return ORPHANED;
  // A runner-up close to the best means two places fit about as well: refuse to pick one.
  if (second && best.score - second.score < AMBIGUITY_MARGIN) return checked(change, anchor, ambiguous(best.score));
  if (best.errors === 0) return checked(change, anchor, exact(change, anchor, best.start, best.score));
  return checked(change, anchor, fuzzy(change, anchor, best, mapped, dmp.diff_xIndex(diffOf(change), oldEnd)));
}
