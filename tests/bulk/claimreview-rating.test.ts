import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Verdict, VERDICTS } from '../../src/modules/annotation/verdict';
import {
  DEFAULT_SCALE_ENTRIES,
  exactVerdictOf,
  importedRatingOf,
  importedVerdict,
  normalizeRating,
  type ScaleEntry,
} from '../../src/modules/dataset/claimreview-rating';

const rated = (textualRating: unknown, numbers: Record<string, unknown> = {}) =>
  importedVerdict(importedRatingOf({ textualRating, ...numbers }), null, DEFAULT_SCALE_ENTRIES);

describe('a ClaimReview rating as its fact-check keeps it', () => {
  it("keeps the publisher's words and numbers (numbers only inside their range)", () => {
    expect(importedRatingOf({ textualRating: '  Four   Pinocchios ' })).toEqual({
      name: 'Four Pinocchios',
      value: null,
      best: null,
      worst: null,
    });
    expect(
      importedRatingOf({ textualRating: 'Mostly False', ratingValue: '2', bestRating: 7, worstRating: 1 }),
    ).toEqual({ name: 'Mostly False', value: 2, best: 7, worst: 1 });
    // schema.org's defaults: best 5, worst 1.
    expect(importedRatingOf({ ratingValue: 4 })).toEqual({ name: '4 (best 5, worst 1)', value: 4, best: 5, worst: 1 });
    expect(importedRatingOf({ textualRating: 'False', ratingValue: 9 })).toEqual({
      name: 'False',
      value: null,
      best: null,
      worst: null,
    });
    expect(importedRatingOf({ ratingValue: 3, bestRating: 3, worstRating: 3 })).toBeNull();
    expect(importedRatingOf({})).toBeNull();
    expect(importedRatingOf({ textualRating: 'x'.repeat(300) })!.name).toHaveLength(200);
  });

  it('maps exactly a verdict’s name or a label of the scale, whatever the case and punctuation', () => {
    const cases: [string, Verdict][] = [
      ['True', Verdict.TRUE],
      ['MOSTLY_TRUE', Verdict.MOSTLY_TRUE],
      ['mostly-true', Verdict.MOSTLY_TRUE],
      ['Mixed', Verdict.MIXED],
      ['Mostly false.', Verdict.MOSTLY_FALSE],
      ['FALSE.', Verdict.FALSE],
      ['Misleading', Verdict.MISLEADING],
      ['Needs Context', Verdict.NEEDS_CONTEXT],
      ['Unverifiable', Verdict.UNVERIFIABLE],
    ];
    for (const [text, verdict] of cases) expect(rated(text)).toEqual({ verdict, from: 'exact' });
  });

  it('guesses nothing else: synonyms, other scales and other languages are the ADMIN’s to map', () => {
    for (const text of [
      'Four Pinocchios',
      'Pants on Fire!',
      'Half True',
      'Correct',
      'Fehlender Kontext',
      'constructor',
    ])
      expect(rated(text)).toEqual({ verdict: Verdict.UNVERIFIABLE, from: 'unmapped' });
    // The publisher's words are never overruled by a number.
    expect(rated('Four Pinocchios', { ratingValue: 2 })).toEqual({ verdict: Verdict.UNVERIFIABLE, from: 'unmapped' });
    // A number alone maps only onto the scale's own number on the same range, never rounded.
    expect(rated(undefined, { ratingValue: 2 })).toEqual({ verdict: Verdict.MOSTLY_FALSE, from: 'exact' });
    expect(rated(undefined, { ratingValue: 1, bestRating: 5, worstRating: 1 })).toEqual({
      verdict: Verdict.FALSE,
      from: 'exact',
    });
    expect(rated(undefined, { ratingValue: 2, bestRating: 7, worstRating: 1 })).toEqual({
      verdict: Verdict.UNVERIFIABLE,
      from: 'unmapped',
    });
    expect(rated(undefined, { ratingValue: 2.5 })).toEqual({ verdict: Verdict.UNVERIFIABLE, from: 'unmapped' });
  });

  it("the ADMIN's mapping comes first; the organisation's own labels are exact rules; labels that disagree are none", () => {
    const rating = importedRatingOf({ textualRating: 'False' });
    expect(importedVerdict(rating, Verdict.MOSTLY_FALSE, DEFAULT_SCALE_ENTRIES)).toEqual({
      verdict: Verdict.MOSTLY_FALSE,
      from: 'mapping',
    });
    const scale: ScaleEntry[] = [
      ...DEFAULT_SCALE_ENTRIES,
      { label: 'Pants on fire', value: null, best: null, worst: null, verdict: Verdict.FALSE },
      { label: 'Half-true', value: null, best: null, worst: null, verdict: Verdict.MIXED },
      { label: 'Half true', value: null, best: null, worst: null, verdict: Verdict.MOSTLY_TRUE },
    ];
    expect(exactVerdictOf(importedRatingOf({ textualRating: 'Pants on Fire!' })!, scale)).toBe(Verdict.FALSE);
    expect(exactVerdictOf(importedRatingOf({ textualRating: 'HALF TRUE' })!, scale)).toBeNull();
    expect(importedVerdict(null, null, scale)).toEqual({ verdict: Verdict.UNVERIFIABLE, from: 'unmapped' });
  });

  it('any JSON a ClaimReview could hold as its rating becomes a verdict and a kept rating, never an error', () => {
    const anything = fc.oneof(fc.anything(), fc.double(), fc.integer(), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(anything, anything, anything, anything, (textualRating, ratingValue, bestRating, worstRating) => {
        const rating = importedRatingOf({ textualRating, ratingValue, bestRating, worstRating });
        expect(VERDICTS).toContain(importedVerdict(rating, null, DEFAULT_SCALE_ENTRIES).verdict);
        if (rating === null) return;
        expect(rating.name.length).toBeGreaterThan(0);
        expect(rating.name.length).toBeLessThanOrEqual(200);
        const numbers = [rating.value, rating.best, rating.worst];
        expect(numbers.every((n) => n === null) || numbers.every((n) => Number.isFinite(n))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a verdict’s name is found again under any casing and punctuation', () => {
    const noise = fc.constantFrom('', ' ', '!', '.', '-', '  ', '?!', '"', '…', '_');
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_SCALE_ENTRIES),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        noise,
        noise,
        noise,
        (entry, upper, before, between, after) => {
          const cased = [...entry.label]
            .map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char))
            .join('');
          const written = `${before}${cased.replace(/ /g, between === '' ? ' ' : ` ${between}`)}${after}`;
          expect(normalizeRating(written)).toBe(normalizeRating(entry.label));
          expect(rated(written).verdict).toBe(entry.verdict);
        },
      ),
    );
  });
});
