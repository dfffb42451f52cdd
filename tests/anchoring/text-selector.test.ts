import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnchorError, CONTEXT_LENGTH, findOccurrences, locateQuote } from '../../src/anchoring/text-selector';

const BODY = 'The minister said taxes rose. Later the minister said taxes fell. 😀 Emoji end.';

describe('locateQuote', () => {
  it('returns W3C quote and position selectors for a unique quote', () => {
    const selector = locateQuote(BODY, 'taxes rose');
    expect(selector).toEqual({
      exact: 'taxes rose',
      prefix: 'The minister said ',
      suffix: '. Later the minister said taxes ',
      start: 18,
      end: 28,
    });
  });

  it('refuses an ambiguous quote, listing the occurrences', () => {
    let error: unknown;
    try {
      locateQuote(BODY, 'minister said');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnchorError);
    expect((error as AnchorError).reason).toBe('AMBIGUOUS');
    expect((error as AnchorError).occurrences).toEqual([4, 40]);
    expect((error as AnchorError).message).toContain('4, 40');
  });

  it('picks an occurrence by index, prefix or suffix', () => {
    expect(locateQuote(BODY, 'minister said', { occurrence: 2 }).start).toBe(40);
    expect(locateQuote(BODY, 'minister said', { prefix: 'Later the ' }).start).toBe(40);
    expect(locateQuote(BODY, 'minister said', { suffix: ' taxes rose' }).start).toBe(4);
    expect(() => locateQuote(BODY, 'minister said', { occurrence: 3 })).toThrowError(/occurs 2 time/);
  });

  it('refuses a quote that is not in the body', () => {
    expect(() => locateQuote(BODY, 'taxes stayed')).toThrowError(expect.objectContaining({ reason: 'NOT_FOUND' }));
    expect(() => locateQuote(BODY, '')).toThrowError(expect.objectContaining({ reason: 'EMPTY_QUOTE' }));
  });

  it('counts offsets in UTF-16 code units and never splits a surrogate pair in the context', () => {
    const selector = locateQuote(BODY, 'Emoji');
    expect(BODY.slice(selector.start, selector.end)).toBe('Emoji');
    expect(selector.start).toBe(BODY.indexOf('Emoji'));
    const body = `${'😀'.repeat(40)}X${'😀'.repeat(40)}`;
    const around = locateQuote(body, 'X');
    expect(around.prefix.length).toBeGreaterThanOrEqual(CONTEXT_LENGTH);
    expect(around.prefix.endsWith('😀')).toBe(true);
    expect(/^[\uDC00-\uDFFF]/.test(around.prefix)).toBe(false);
    expect(/[\uD800-\uDBFF]$/.test(around.suffix)).toBe(false);
  });
});

describe('locateQuote properties', () => {
  it('any quote cut from any body anchors back onto the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(), fc.nat(), (body, a, b) => {
        fc.pre(body.length > 0);
        const start = a % body.length;
        const end = start + 1 + (b % (body.length - start));
        const quote = body.slice(start, end);
        const occurrences = findOccurrences(body, quote);
        const index = occurrences.indexOf(start);
        expect(index).toBeGreaterThanOrEqual(0);
        const selector = locateQuote(body, quote, { occurrence: index + 1 });
        expect(selector.start).toBe(start);
        expect(body.slice(selector.start, selector.end)).toBe(quote);
        expect(body.slice(0, selector.start).endsWith(selector.prefix)).toBe(true);
        expect(body.slice(selector.end).startsWith(selector.suffix)).toBe(true);
      }),
    );
  });

  it('never guesses: a quote without hints either anchors uniquely or fails', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ minLength: 1, maxLength: 4 }), (body, quote) => {
        const count = findOccurrences(body, quote).length;
        try {
          const selector = locateQuote(body, quote);
          expect(count).toBe(1);
          expect(body.slice(selector.start, selector.end)).toBe(quote);
        } catch (error) {
          expect(error).toBeInstanceOf(AnchorError);
          expect((error as AnchorError).reason).toBe(count === 0 ? 'NOT_FOUND' : 'AMBIGUOUS');
        }
      }),
    );
  });
});
