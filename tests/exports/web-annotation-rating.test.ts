import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingText, toWebAnnotation } from '../../src/exports/web-annotation';

const base = {
  id: 'urn:factline:annotation:x',
  articleIri: 'urn:factline:article:a',
  selector: null,
  summary: 'Summary.',
  body: 'Body.',
  creatorNames: ['Rita'],
  created: new Date('2024-01-01T00:00:00Z'),
  modified: new Date('2024-01-02T00:00:00Z'),
  language: 'en',
};

describe("the Web Annotation's assessing body", () => {
  it('says the rating in words, with its number on its own range, whatever the range', () => {
    expect(ratingText({ label: 'False', value: 1, best: 5, worst: 1 })).toBe('False (1; best 5, worst 1)');
    // A scale whose best is its lowest number, and one that is not 1..5.
    expect(ratingText({ label: 'Four Pinocchios', value: 4, best: 1, worst: 4 })).toBe(
      'Four Pinocchios (4; best 1, worst 4)',
    );
    expect(ratingText({ label: 'Mostly false', value: 2, best: 7, worst: 1 })).toBe(
      'Mostly false (2; best 7, worst 1)',
    );
    expect(ratingText({ label: 'Needs context', value: null, best: null, worst: null })).toBe('Needs context');
    const [assessing] = toWebAnnotation({ ...base, rating: { label: 'Half true', value: 0.5, best: 1, worst: 0 } })
      .body as { purpose: string; value: string }[];
    expect(assessing).toMatchObject({ purpose: 'assessing', value: 'Half true (0.5; best 1, worst 0)' });
  });

  it('never claims a range it was not given', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.double({ noNaN: true })),
        fc.option(fc.double({ noNaN: true })),
        fc.option(fc.double({ noNaN: true })),
        (label, value, best, worst) => {
          const text = ratingText({ label, value, best, worst });
          expect(text.startsWith(label)).toBe(true);
          expect(text.includes('/5')).toBe(label.includes('/5'));
          if (value === null || best === null || worst === null) expect(text).toBe(label);
        },
      ),
    );
  });
});
