import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineTermsOf, termsOf } from '../../src/modules/matching/normalise';
import { sentenceKey } from '../../src/modules/matching/sentence-key';
import { splitSentences } from '../../src/modules/matching/sentences';
import { matchScore } from '../../src/modules/matching/similarity';

const WORDS = [
  'biden',
  'putin',
  'warned',
  'soldiers',
  'killed',
  'border',
  'summit',
  'Crimea',
  'Ukraine’s',
  'café',
  'stability',
];
const NUMBERS: [string, string][] = [
  ['40,000', 'forty thousand'],
  ['26', 'twenty-six'],
  ['13000', 'thirteen thousand'],
  ['2014', 'two thousand and fourteen'],
  ['205', 'two hundred and five'],
];
// "US" in capitals is the country and "us" the pronoun: the one word whose case matters, so
// the properties about case leave it out.
const sentence = fc.array(
  fc.oneof(
    fc.constantFrom(...WORDS),
    fc.stringMatching(/^[a-z]{2,9}$/).filter((word) => word !== 'us'),
  ),
  {
    minLength: 1,
    maxLength: 12,
  },
);
const text = sentence.map((words) => words.join(' '));

describe('claim matching scores', () => {
  it('are in [0, 1] and symmetric', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const score = matchScore(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(matchScore(b, a)).toBeCloseTo(score, 12);
      }),
    );
  });

  it('score identical texts 1', () => {
    fc.assert(
      fc.property(fc.string(), (a) => {
        expect(matchScore(a, a)).toBe(1);
      }),
    );
  });

  it('do not change with case, punctuation, quotes, word order or accents on unaccented text', () => {
    fc.assert(
      fc.property(sentence, fc.integer(), (words, seed) => {
        const original = words.join(' ');
        const shuffled = [...words].sort((x, y) => ((x.length * 31 + seed) % 7) - ((y.length * 31 + seed) % 7));
        const variant = `“${shuffled.join(', ').toUpperCase()}!”`;
        expect(matchScore(original, variant)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('read numbers the same however they are written', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...NUMBERS), text, (before, [digits, words], after) => {
        expect(matchScore(`${before} ${digits} ${after}`, `${before} ${words} ${after}`)).toBe(1);
        expect(termsOf(`${before} ${words} ${after}`).numbers).toContain(digits.replace(',', ''));
      }),
    );
    expect(termsOf('40 000 troops').numbers).toEqual(['40000']);
    expect(termsOf('1.5 million people').numbers).toEqual(['1500000']);
  });

  it('read no number in words that only share a name with Object.prototype', () => {
    // The number and synonym tables were plain objects: "constructor" read as a number (NaN).
    expect(termsOf('The constructor of the bridge').numbers).toEqual([]);
    expect(matchScore('The constructor of the bridge', 'the bridge constructor')).toBe(1);
  });

  it('meet inflections and spellings', () => {
    expect(matchScore('soldiers were killed', 'a soldier kills')).toBe(1);
    expect(matchScore('he emphasised it', 'he emphasized it')).toBe(1);
    expect(matchScore('in defence of', 'in defense of')).toBe(1);
  });

  it('fall for conflicting numbers and for a negation', () => {
    expect(matchScore('26 deaths since 2014', '13,000 deaths since 2014')).toBeLessThan(0.55);
    expect(matchScore('Biden called for a summit', 'Biden did not call for a summit')).toBeLessThan(0.55);
  });

  it('give the engines only safe tokens', () => {
    fc.assert(
      fc.property(fc.string(), (a) => {
        for (const term of engineTermsOf(a))
          for (const form of term.forms) for (const token of form) expect(token).toMatch(/^[a-z0-9]+$/);
      }),
    );
  });
});

describe('sentences', () => {
  it('cover the body in order, with offsets that give their text back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(text, fc.constantFrom('. ', '! ', '? ', '\n', 'U.S. ', '3.5 ', '“Yes.” ')), {
          maxLength: 20,
        }),
        (parts) => {
          const body = parts.join(' ');
          let last = 0;
          for (const s of splitSentences(body)) {
            expect(body.slice(s.start, s.end)).toBe(s.text);
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.text).toBe(s.text.trim());
            last = s.end;
          }
        },
      ),
    );
    expect(splitSentences('He said “yes.” Then he left. The U.S. agreed.').map((s) => s.text)).toEqual([
      'He said “yes.”',
      'Then he left.',
      'The U.S. agreed.',
    ]);
  });

  it('are remembered by their words, not their punctuation or case', () => {
    expect(sentenceKey('Biden warned Putin.')).toBe(sentenceKey('  biden   WARNED “Putin” '));
    expect(sentenceKey('Biden warned Putin.')).not.toBe(sentenceKey('Biden warned Peskov.'));
  });
});
