import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreQuoteMatches } from '../../src/anchoring/match-quote';
import {
  AMBIGUITY_MARGIN,
  FUZZY_THRESHOLD,
  describeBodyChange,
  reanchor,
  type StoredAnchor,
} from '../../src/anchoring/reanchor';
import { findOccurrences, locateQuote, selectorAt } from '../../src/anchoring/text-selector';

// Filler is lowercase or another script only, so it can never spell the quote's uppercase
// markers: the quote stays unique and no edit can duplicate its full context. Each token is a
// whole character (emoji, accent + combining mark, RTL words), so edits never split one.
const FILLER = [
  'a',
  'e',
  'n',
  's',
  't',
  'the',
  'of',
  ' ',
  ' ',
  ', ',
  '. ',
  '😀',
  '🇺🇦',
  '’',
  '“',
  '”',
  'e\u0301',
  'שלום',
  'مرحبا',
  '7',
  '\n\n',
];
const token = fc.constantFrom(...FILLER);
const tokens = (maxLength: number) => fc.array(token, { maxLength });

/** A quote that starts and ends with markers found nowhere else: Q…Z can occur only once. */
const quoteArb = tokens(30).map((middle) => `Q${middle.join('')}Z`);

interface Edit {
  kind: 'insert' | 'delete';
  at: number;
  count: number;
  text: string[];
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom<'insert' | 'delete'>('insert', 'delete'),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 8 }),
  text: fc.array(token, { minLength: 1, maxLength: 8 }),
});

function applyEdits(side: string[], edits: Edit[]): string[] {
  const out = [...side];
  for (const edit of edits) {
    const at = edit.at % (out.length + 1);
    if (edit.kind === 'insert') out.splice(at, 0, ...edit.text);
    else out.splice(at, edit.count);
  }
  return out;
}

function storedAnchor(body: string, start: number, end: number): StoredAnchor {
  const { exact, prefix, suffix } = selectorAt(body, start, end);
  return { quote: exact, prefix, suffix, start, end };
}

describe('reanchor properties', () => {
  it('edits outside the quoted span always keep it, at its exact new offsets', () => {
    fc.assert(
      fc.property(
        tokens(80),
        quoteArb,
        tokens(80),
        fc.array(editArb, { maxLength: 5 }),
        fc.array(editArb, { maxLength: 5 }),
        (before, quote, after, editsBefore, editsAfter) => {
          fc.pre(editsBefore.length + editsAfter.length > 0);
          const oldBody = before.join('') + quote + after.join('');
          const newBefore = applyEdits(before, editsBefore).join('');
          const newBody = newBefore + quote + applyEdits(after, editsAfter).join('');
          const anchor = storedAnchor(oldBody, before.join('').length, before.join('').length + quote.length);
          const result = reanchor(describeBodyChange(oldBody, newBody), anchor);
          const start = newBefore.length;
          expect(result.status).toBe(start === anchor.start ? 'ANCHORED' : 'MOVED');
          expect(result.selector).toEqual(selectorAt(newBody, start, start + quote.length));
          expect(result.score).toBeGreaterThan(0);
          expect(result.score).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('edits inside the quoted span never pass for the exact quote', () => {
    let fuzzy = 0;
    const insideEdit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'replace'),
      at: fc.nat(),
      count: fc.integer({ min: 1, max: 4 }),
      text: token,
    });
    fc.assert(
      fc.property(tokens(80), quoteArb, tokens(80), insideEdit, (before, quote, after, edit) => {
        const chars = Array.from(quote);
        const at = edit.kind === 'insert' ? 1 + (edit.at % (chars.length - 1)) : edit.at % chars.length;
        if (edit.kind === 'insert') chars.splice(at, 0, edit.text);
        else if (edit.kind === 'delete') chars.splice(at, Math.min(edit.count, chars.length - at));
        else chars.splice(at, 1, edit.text === chars[at] ? 'x' : edit.text);
        const edited = chars.join('');
        const oldBody = before.join('') + quote + after.join('');
        const newBody = before.join('') + edited + after.join('');
        const start = before.join('').length;
        const result = reanchor(
          describeBodyChange(oldBody, newBody),
          storedAnchor(oldBody, start, start + quote.length),
        );
        expect(['FUZZY', 'ORPHANED', 'AMBIGUOUS']).toContain(result.status);
        if (result.status === 'FUZZY') {
          fuzzy += 1;
          const selector = result.selector!;
          expect(selector.exact).toBe(newBody.slice(selector.start, selector.end));
          expect(selector.exact).not.toBe(quote);
          expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
          // It found the edited quote, not some other stretch of filler.
          expect(selector.start < start + edited.length && start < selector.end).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
    // Most small edits leave the quote recognisable: the FUZZY branch above did run.
    expect(fuzzy).toBeGreaterThan(0);
  });
});

interface DemoArticle {
  body: string;
  claims: { key: string; quote: string }[];
}
const demo = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/demo-dataset.json'), 'utf8')) as {
    articles: DemoArticle[];
  }
).articles[0];

function demoAnchors(): Map<string, StoredAnchor> {
  return new Map(
    demo.claims.map((claim) => {
      const { exact, prefix, suffix, start, end } = locateQuote(demo.body, claim.quote);
      return [claim.key, { quote: exact, prefix, suffix, start, end }];
    }),
  );
}

/** Re-anchors every demo claim; those not in `except` must keep their exact quote, where it now is. */
function reanchorDemo(newBody: string, except: string[]) {
  const change = describeBodyChange(demo.body, newBody);
  const anchors = demoAnchors();
  const results = new Map([...anchors].map(([key, anchor]) => [key, reanchor(change, anchor)]));
  for (const [key, anchor] of anchors) {
    if (except.includes(key)) continue;
    const expected = locateQuote(newBody, anchor.quote);
    expect(results.get(key)?.status, key).toBe(expected.start === anchor.start ? 'ANCHORED' : 'MOVED');
    expect(results.get(key)?.selector, key).toEqual(expected);
  }
  return results;
}

describe('reanchor on the demo article', () => {
  const paragraphs = demo.body.split('\n\n');

  it('a corrected date inside one quote makes that claim FUZZY and leaves the others in place', () => {
    const newBody = demo.body.replace('Tuesday April 14', 'Tuesday April 13');
    const result = reanchorDemo(newBody, ['call-date']).get('call-date')!;
    expect(result.status).toBe('FUZZY');
    expect(result.selector?.exact).toBe('during a phone call on Tuesday April 13');
    expect(result.selector?.start).toBe(newBody.indexOf('during a phone call'));
    expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
  });

  it('deleting the paragraph of a claim orphans it; claims before and after it are unaffected', () => {
    const index = paragraphs.findIndex((p) => p.includes('40,000 Russian soldiers'));
    const newBody = paragraphs.filter((_, i) => i !== index).join('\n\n');
    const results = reanchorDemo(newBody, ['troop-numbers']);
    expect(results.get('troop-numbers')).toEqual({ status: 'ORPHANED', selector: null, score: null });
    expect(results.get('call-date')?.status).toBe('ANCHORED');
    expect(results.get('psaki-quote')?.status).toBe('MOVED');
  });

  it('a duplicated look-alike paragraph makes its claims AMBIGUOUS, even at a paragraph edge', () => {
    const index = paragraphs.findIndex((p) => p.includes('Tuesday April 14'));
    const newBody = [...paragraphs.slice(0, index + 1), paragraphs[index], ...paragraphs.slice(index + 1)].join('\n\n');
    const change = describeBodyChange(demo.body, newBody);
    const anchors = demoAnchors();
    // Mid-paragraph: the full quote-with-context now occurs twice.
    expect(reanchor(change, anchors.get('act-firmly')!)).toMatchObject({ status: 'AMBIGUOUS', selector: null });
    // Its suffix runs into the next paragraph, so only the copy keeps that context intact.
    expect(reanchor(change, anchors.get('sovereignty-commitment')!)).toMatchObject({
      status: 'AMBIGUOUS',
      selector: null,
    });
    expect(reanchor(change, anchors.get('psaki-quote')!).status).toBe('MOVED');
    // The same, with the copy inserted before the original.
    const copyFirst = [...paragraphs.slice(0, index), paragraphs[index], ...paragraphs.slice(index)].join('\n\n');
    expect(reanchor(describeBodyChange(demo.body, copyFirst), anchors.get('act-firmly')!).status).toBe('AMBIGUOUS');
  });

  it('a correction far from a repeated quote keeps it on its own occurrence', () => {
    const putins = findOccurrences(demo.body, 'Putin');
    expect(putins.length).toBeGreaterThanOrEqual(2);
    const anchor = storedAnchor(demo.body, putins[1], putins[1] + 'Putin'.length); // "Biden warned Putin"
    // Far after it: the misspelt reply is fixed. Far before it: a comma is dropped.
    const fixed = demo.body.replace('take’s one to known one', 'it takes one to know one');
    expect(reanchor(describeBodyChange(demo.body, fixed), anchor)).toMatchObject({
      status: 'ANCHORED',
      selector: { start: putins[1] },
    });
    const both = fixed.replace('US President, Joe Biden,', 'US President Joe Biden');
    expect(reanchor(describeBodyChange(demo.body, both), anchor)).toMatchObject({
      status: 'MOVED',
      selector: { start: putins[1] - 2 },
    });
    // A new sentence naming Putin adds an occurrence, but not a look-alike: its context differs.
    const added = demo.body.replace('Clearly, relations', 'Putin has not commented. Clearly, relations');
    expect(reanchor(describeBodyChange(demo.body, added), anchor)).toMatchObject({
      status: 'ANCHORED',
      selector: { start: putins[1] },
    });
  });
});

describe('reanchor edge cases', () => {
  const body = 'Alpha beta gamma. The QUICK brown fox jumps. Delta epsilon.';
  const anchor = storedAnchor(body, body.indexOf('QUICK'), body.indexOf('QUICK') + 'QUICK brown fox'.length);

  it('orphans every claim of an emptied body', () => {
    expect(reanchor(describeBodyChange(body, ''), anchor)).toEqual({ status: 'ORPHANED', selector: null, score: null });
  });

  it('clamps stored offsets that lie outside the old body', () => {
    for (const start of [-50, 10_000, Number.NaN]) {
      const result = reanchor(describeBodyChange(body, `Intro. ${body}`), { ...anchor, start, end: start + 15 });
      expect(result.status).toBe('MOVED');
      expect(result.selector?.start).toBe(anchor.start + 7);
    }
  });

  it('handles quotes longer than a block (32) and longer than the new body', () => {
    const long = 'The ministry SAID on Monday that the figures, first published in March, were revised twice.';
    const oldBody = `Intro. ${long} Outro.`;
    const stored = storedAnchor(oldBody, 7, 7 + long.length);
    const fuzzy = reanchor(
      describeBodyChange(oldBody, oldBody.replace('revised twice', 'revised three times')),
      stored,
    );
    expect(fuzzy.status).toBe('FUZZY');
    expect(fuzzy.selector?.exact).toBe(long.replace('revised twice', 'revised three times'));
    const shorter = reanchor(describeBodyChange(oldBody, long.slice(0, 60)), stored);
    expect(shorter.status).toBe('ORPHANED');
    expect(reanchor(describeBodyChange(oldBody, 'Short.'), stored).status).toBe('ORPHANED');
  });

  it('never cuts an emoji or an accent in half in a fuzzy match', () => {
    // 😀 is \uD83D\uDE00 and 🈀 is \uD83C\uDE00: the search could start the match at the shared
    // low surrogate, as it could end it before a changed combining mark.
    const oldBody = 'some text before it, then 😀 QUICK brown fox e\u0301 and more text after it';
    const quote = '😀 QUICK brown fox e\u0301';
    const stored = storedAnchor(oldBody, oldBody.indexOf(quote), oldBody.indexOf(quote) + quote.length);
    const result = reanchor(
      describeBodyChange(oldBody, oldBody.replace('😀', '🈀').replace('e\u0301', 'e\u0300')),
      stored,
    );
    expect(result.status).toBe('FUZZY');
    expect(result.selector?.exact).toBe('🈀 QUICK brown fox e\u0300');
  });
});

describe('scoreQuoteMatches', () => {
  it('ranks distinct places by quote and context, best first', () => {
    const text = 'the cat sat. A dog ran. the cat sat on the mat. the cat sat.';
    const candidates = scoreQuoteMatches(text, 'the cat sat', { prefix: 'A dog ran. ', suffix: ' on the mat' });
    expect(candidates.map((c) => c.start).sort((a, b) => a - b)).toEqual([0, 24, 48]);
    expect(candidates[0].start).toBe(24);
    expect(candidates[0]).toMatchObject({ errors: 0, score: 1 });
    expect(candidates[0].score - candidates[1].score).toBeGreaterThan(AMBIGUITY_MARGIN);
    expect(scoreQuoteMatches(text, '', {})).toEqual([]);
  });

  it('finds approximate matches within half the quote length, without overlaps', () => {
    const candidates = scoreQuoteMatches('xx the bat sat xx', 'the cat sat', {});
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ start: 3, end: 14, errors: 1 });
    expect(scoreQuoteMatches('nothing alike here', 'the cat sat', {})).toEqual([]);
  });
});
