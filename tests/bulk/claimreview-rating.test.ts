import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Verdict, VERDICTS } from '../../src/modules/annotation/verdict';
import { mapRating, normalizeRating, RATING_TABLE, scaleRating } from '../../src/modules/dataset/claimreview-rating';

describe('the ClaimReview rating table', () => {
  it('maps the usual ratings, whatever their case and punctuation', () => {
    const cases: [string, Verdict][] = [
      ['True', Verdict.TRUE],
      ['CORRECT', Verdict.TRUE],
      ['Mostly True', Verdict.MOSTLY_TRUE],
      ['Half-True', Verdict.MIXED],
      ['Mixed', Verdict.MIXED],
      ['Mostly false.', Verdict.MOSTLY_FALSE],
      ['False', Verdict.FALSE],
      ['Pants on Fire!', Verdict.FALSE],
      ['Fake', Verdict.FALSE],
      ['Misleading', Verdict.MISLEADING],
      ['Missing context', Verdict.NEEDS_CONTEXT],
      ['Needs Context', Verdict.NEEDS_CONTEXT],
      ['Unproven', Verdict.UNVERIFIABLE],
      ['Unverifiable', Verdict.UNVERIFIABLE],
    ];
    for (const [rating, verdict] of cases)
      expect(mapRating({ textualRating: rating })).toEqual({ verdict, from: 'text', original: rating });
  });

  it('keeps an unknown rating as the original and calls it UNVERIFIABLE', () => {
    expect(mapRating({ textualRating: 'Four Pinocchios' })).toEqual({
      verdict: Verdict.UNVERIFIABLE,
      from: 'unknown',
      original: 'Four Pinocchios',
    });
    expect(mapRating({ textualRating: 'constructor' })).toEqual({
      verdict: Verdict.UNVERIFIABLE,
      from: 'unknown',
      original: 'constructor',
    });
    expect(mapRating({})).toEqual({ verdict: Verdict.UNVERIFIABLE, from: 'unknown', original: null });
  });

  it('scales numeric ratings to 1..5 when the text does not say', () => {
    expect(scaleRating({ ratingValue: 5 })).toBe(Verdict.TRUE);
    expect(scaleRating({ ratingValue: '1', bestRating: '5', worstRating: '1' })).toBe(Verdict.FALSE);
    expect(scaleRating({ ratingValue: 3, bestRating: 3, worstRating: 1 })).toBe(Verdict.TRUE);
    expect(scaleRating({ ratingValue: 2, bestRating: 3, worstRating: 1 })).toBe(Verdict.MIXED);
    expect(scaleRating({ ratingValue: 0, bestRating: 10, worstRating: 0 })).toBe(Verdict.FALSE);
    expect(scaleRating({ ratingValue: 1, bestRating: 1, worstRating: 5 })).toBe(Verdict.TRUE);
    expect(scaleRating({ ratingValue: 9, bestRating: 5, worstRating: 1 })).toBeNull();
    expect(scaleRating({ ratingValue: 3, bestRating: 3, worstRating: 3 })).toBeNull();
    expect(mapRating({ textualRating: 'Four Pinocchios', ratingValue: 2 })).toEqual({
      verdict: Verdict.MOSTLY_FALSE,
      from: 'number',
      original: 'Four Pinocchios',
    });
    expect(mapRating({ ratingValue: 4, bestRating: 5, worstRating: 1 })).toEqual({
      verdict: Verdict.MOSTLY_TRUE,
      from: 'number',
      original: '4 (best 5, worst 1)',
    });
    // The text wins over the number when the table knows it.
    expect(mapRating({ textualRating: 'False', ratingValue: 5 }).verdict).toBe(Verdict.FALSE);
  });

  it('any string becomes a verdict, never an error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const mapped = mapRating({ textualRating: text });
        expect(VERDICTS).toContain(mapped.verdict);
        expect(mapped.original).toBe(text.trim() || null);
      }),
      { numRuns: 2000 },
    );
  });

  it('any JSON a ClaimReview could hold as its rating becomes a verdict, never an error', () => {
    const anything = fc.oneof(fc.anything(), fc.double(), fc.integer(), fc.string());
    fc.assert(
      fc.property(anything, anything, anything, anything, (textualRating, ratingValue, bestRating, worstRating) => {
        expect(VERDICTS).toContain(mapRating({ textualRating, ratingValue, bestRating, worstRating }).verdict);
      }),
      { numRuns: 2000 },
    );
  });

  it('every table entry is found again under any casing and punctuation', () => {
    const entries = Object.entries(RATING_TABLE);
    const noise = fc.constantFrom('', ' ', '!', '.', '-', '  ', '?!', '"', '…');
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        noise,
        noise,
        noise,
        ([key, verdict], upper, before, between, after) => {
          const cased = [...key].map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char)).join('');
          const written = `${before}${cased.replace(/ /g, between === '' ? ' ' : ` ${between}`)}${after}`;
          expect(normalizeRating(written)).toBe(key);
          expect(mapRating({ textualRating: written }).verdict).toBe(verdict);
        },
      ),
    );
  });
});
