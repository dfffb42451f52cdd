import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isWikidataId,
  MAX_SLUG,
  nameKeyOf,
  slugCandidate,
  slugOf,
  wikidataUrl,
} from '../../src/modules/claimant/claimant-name';

const spaces = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', ' \t ');
const word = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((w) => !/\s/u.test(w));

describe('claimant name keys', () => {
  it('ignore case and runs of white space, and are stable', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.array(spaces, { minLength: 6, maxLength: 6 }),
        (words, gaps) => {
          const spaced = `${gaps[0]}${words.map((w, i) => `${w}${gaps[(i + 1) % gaps.length]}`).join('')}`;
          const key = nameKeyOf(words.join(' '));
          expect(nameKeyOf(spaced)).toBe(key);
          expect(nameKeyOf(words.join(' ').toUpperCase())).toBe(nameKeyOf(words.join(' ').toUpperCase().toLowerCase()));
          expect(nameKeyOf(key)).toBe(key);
          expect(key).toBe(key.trim());
          expect(key).not.toMatch(/\s\s/u);
        },
      ),
    );
    expect(nameKeyOf('  Joe   BIDEN ')).toBe(nameKeyOf('joe biden'));
    // Lower-casing writes a capital sigma as final or not by what follows: one key either way.
    expect(nameKeyOf('Ϲ\u00a0!')).toBe(nameKeyOf('Ϲ !'));
    expect(nameKeyOf('ΟΔΥΣΣΕΥΣ')).toBe(nameKeyOf('Οδυσσευς'));
    expect(nameKeyOf('J. Biden')).not.toBe(nameKeyOf('Joe Biden'));
  });
});

describe('claimant slugs', () => {
  it('are lower-case ASCII words joined by single hyphens, at most the maximum length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.integer({ min: 1, max: 10_000 }), (name, n) => {
        for (const slug of [slugOf(name), slugCandidate(slugOf(name), n)]) {
          expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
        }
        expect(slugOf(name)).toBe(slugOf(nameKeyOf(name)));
      }),
    );
    expect(slugOf('Élysée Palace')).toBe('elysee-palace');
    expect(slugOf('Jen Psaki, White House press secretary')).toBe('jen-psaki-white-house-press-secretary');
    expect(slugOf('“…”')).toBe('claimant');
    expect(slugCandidate('joe-biden', 1)).toBe('joe-biden');
    expect(slugCandidate('joe-biden', 2)).toBe('joe-biden-2');
  });
});

describe('Wikidata ids', () => {
  it('are Q and a number without leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(isWikidataId(`Q${n}`)).toBe(String(n).length <= 12);
        expect(isWikidataId(`q${n}`)).toBe(false);
        expect(isWikidataId(`Q0${n}`)).toBe(false);
        expect(isWikidataId(`Q${n} `)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(isWikidataId(text)).toBe(/^Q[1-9][0-9]{0,11}$/.test(text));
      }),
    );
    expect(isWikidataId('Q6279')).toBe(true);
    expect(isWikidataId('P31')).toBe(false);
    expect(wikidataUrl('Q6279')).toBe('https://www.wikidata.org/wiki/Q6279');
  });
});
