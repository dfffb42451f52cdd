/**
 * W3C Web Annotation selectors for a quote inside a plain-text body. Pure functions: no
 * database. Offsets are UTF-16 code units, as JavaScript strings and the W3C
 * TextPositionSelector count them.
 */
export interface TextSelectorValue {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface QuoteHints {
  /** Text that must come right before the quote. */
  prefix?: string | null;
  /** Text that must come right after the quote. */
  suffix?: string | null;
  /** 1-based index among the quote's occurrences in the body. */
  occurrence?: number | null;
}

/** How much context the TextQuoteSelector keeps on each side (Hypothesis uses 32). */
export const CONTEXT_LENGTH = 32;

export type AnchorFailure = 'EMPTY_QUOTE' | 'NOT_FOUND' | 'NO_SUCH_OCCURRENCE' | 'AMBIGUOUS';

export class AnchorError extends Error {
  constructor(
    readonly reason: AnchorFailure,
    message: string,
    /** Start offsets of the candidate occurrences, for AMBIGUOUS and NO_SUCH_OCCURRENCE. */
    readonly occurrences: number[] = [],
  ) {
    super(message);
    this.name = 'AnchorError';
  }
}

/** Every start offset of `quote` in `body`, overlapping occurrences included. */
export function findOccurrences(body: string, quote: string): number[] {
  const starts: number[] = [];
  if (quote.length === 0) return starts;
  for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Context never starts or ends inside a surrogate pair, so it stays valid text. */
export function selectorAt(body: string, start: number, end: number): TextSelectorValue {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(body.charCodeAt(prefixStart))) prefixStart -= 1;
  let suffixEnd = Math.min(body.length, end + CONTEXT_LENGTH);
  if (suffixEnd < body.length && isHighSurrogate(body.charCodeAt(suffixEnd - 1))) suffixEnd += 1;
  return {
    exact: body.slice(start, end),
    prefix: body.slice(prefixStart, start),
    suffix: body.slice(end, suffixEnd),
    start,
    end,
  };
}

/**
 * Locates a quote in a body and returns its selectors. A quote found more than once needs
 * a prefix, a suffix or an occurrence to pick one: the server never guesses.
 */
export function locateQuote(body: string, quote: string, hints: QuoteHints = {}): TextSelectorValue {
  if (quote.length === 0) throw new AnchorError('EMPTY_QUOTE', 'The quote is empty.');
  let starts = findOccurrences(body, quote);
  if (starts.length === 0) throw new AnchorError('NOT_FOUND', 'The quote does not occur in the article body.');
  if (hints.prefix) starts = starts.filter((at) => body.slice(0, at).endsWith(hints.prefix as string));
  if (hints.suffix) starts = starts.filter((at) => body.startsWith(hints.suffix as string, at + quote.length));
  if (starts.length === 0)
    throw new AnchorError('NOT_FOUND', 'The quote does not occur in the article body with that prefix and suffix.');
  if (hints.occurrence != null) {
    const start = starts[hints.occurrence - 1];
    if (!Number.isInteger(hints.occurrence) || hints.occurrence < 1 || start === undefined) {
      throw new AnchorError(
        'NO_SUCH_OCCURRENCE',
        `The quote occurs ${starts.length} time(s); occurrence must be 1 to ${starts.length}.`,
        starts,
      );
    }
    return selectorAt(body, start, start + quote.length);
  }
  if (starts.length > 1) {
    throw new AnchorError(
      'AMBIGUOUS',
      `The quote occurs ${starts.length} times (at offsets ${starts.join(', ')}); pass a prefix, a suffix or an occurrence to pick one.`,
      starts,
    );
  }
  return selectorAt(body, starts[0], starts[0] + quote.length);
}
