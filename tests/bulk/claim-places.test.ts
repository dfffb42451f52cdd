import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeHttpUrl } from '../../src/graphql/http-url';
import type { DatasetAppearance, DatasetLine, DatasetPlace } from '../../src/modules/dataset/dataset.types';
import { createTestDatabase, type TestDatabase } from '../helpers/test-app';
import { exportedLines, importLines, oneClaimDraftLine } from './bulk-helpers';

/* eslint-disable no-control-regex -- text with control characters is refused: the generators leave it out */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/* eslint-enable no-control-regex */

const text = (maxLength: number) =>
  fc
    .string({ minLength: 1, maxLength, unit: 'grapheme' })
    .filter((value) => value.trim() !== '' && !CONTROL.test(value));
const language = fc.constantFrom('en', 'fr', 'pt-BR', 'zh-Hant-TW', 'sgn-BE-FR', 'ru');
const second = fc.integer({ min: 0, max: 7 * 24 * 3600 });
/** Urls as a file might spell them: tracking parameters and fragments are dropped when stored. */
const url = fc
  .record({
    host: fc.constantFrom('example.org', 'NEWS.example.com', 'radio.example.net'),
    path: fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { maxLength: 3 }),
    tracked: fc.boolean(),
    fragment: fc.boolean(),
  })
  .map(
    ({ host, path, tracked, fragment }) =>
      `https://${host}/${path.join('/')}${tracked ? '?utm_source=feed' : ''}${fragment ? '#at' : ''}`,
  );
const place = fc
  .record({
    url,
    title: fc.option(text(60), { nil: null }),
    publisher: fc.option(text(30), { nil: null }),
    appearedAt: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), {
      nil: null,
    }),
    seconds: fc.option(fc.tuple(second, second), { nil: null }),
    endOnly: fc.option(second, { nil: null }),
  })
  .map(({ seconds, endOnly, appearedAt, ...rest }): DatasetPlace => ({
    ...rest,
    appearedAt: appearedAt?.toISOString() ?? null,
    startSeconds: seconds ? Math.min(...seconds) : null,
    endSeconds: seconds ? Math.max(...seconds) : endOnly,
  }));
const claim = fc.record({
  text: fc.option(text(80), { nil: undefined }),
  language: fc.option(language, { nil: undefined }),
  places: fc.uniqueArray(place, { maxLength: 4, selector: (one) => normalizeHttpUrl(one.url) }),
});

/**
 * Further places of the claims in the articles: which article (`in`) quotes which claim (`of`),
 * as indices taken modulo the number of lines; a line may quote a claim of a line before or after
 * it, and the same claim more than once.
 */
const quoting = fc.array(fc.record({ in: fc.nat(), of: fc.nat() }), { maxLength: 6 });

describe("a claim's words, language and places through ndjson", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let run = 0;

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('arbitrary valid claims keep their words, language, places and further places in other articles, and the same bytes again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claim, { minLength: 1, maxLength: 3 }), quoting, async (claims, quotes) => {
        run += 1;
        const prefix = `places-${run}-`;
        const lines: DatasetLine[] = claims.map((spec, index) => {
          const body = `Claim ${index} of run ${run}.`;
          return oneClaimDraftLine(
            `${prefix}${index}`,
            body,
            {
              ...(spec.text === undefined ? {} : { text: spec.text }),
              ...(spec.language === undefined ? {} : { language: spec.language }),
              claimant: null,
              annotations: [],
              places: spec.places.map((one) => ({ ...one, addedBy: 'lister' })),
            },
            { claimants: [], sources: [], users: [{ key: 'lister', name: `Lister ${run}`, role: 'REVIEWER' }] },
          );
        });
        // Each article quotes the other claims after its own sentence, in the order given, each
        // once; an article never quotes its own claim (a claim has one place per article).
        const expected: DatasetAppearance[][] = lines.map(() => []);
        for (const quote of quotes) {
          const [into, of] = [quote.in % lines.length, quote.of % lines.length];
          // One place of a claim per article.
          if (into === of || expected[into].some((one) => one.placeOf === `${prefix}${of}-claim`)) continue;
          const article = lines[into].article;
          const words = `Claim ${of} of run ${run}.`;
          article.body = `${article.body} ${words}`;
          const occurrence = article.body.split(words).length - 1;
          const appearance = { placeOf: `${prefix}${of}-claim`, quote: words, occurrence };
          article.appearances = [...(article.appearances ?? []), appearance];
          expected[into].push(appearance);
        }
        // The export names an occurrence only when the words repeat in the body.
        for (const [index, appearances] of expected.entries())
          expected[index] = appearances.map(({ occurrence, ...rest }) =>
            appearances.filter((other) => other.quote === rest.quote).length > 1 ? { ...rest, occurrence } : rest,
          );
        await importLines(source, lines);

        const first = await exportedLines(source, prefix);
        const written = first.map((line) => JSON.parse(line) as DatasetLine);
        for (const [index, line] of written.entries()) {
          const spec = claims[index];
          const [exportedClaim] = line.article.claims;
          expect(exportedClaim.text).toBe(spec.text?.trim());
          expect(exportedClaim.language).toBe(spec.language);
          expect(exportedClaim.places).toEqual(
            spec.places.length === 0
              ? undefined
              : spec.places.map((one) => ({
                  url: normalizeHttpUrl(one.url),
                  title: one.title?.trim() ?? null,
                  publisher: one.publisher?.trim() ?? null,
                  appearedAt: one.appearedAt,
                  startSeconds: one.startSeconds,
                  endSeconds: one.endSeconds,
                  addedBy: `Lister ${run}`,
                })),
          );
          expect(line.article.appearances).toEqual(expected[index].length === 0 ? undefined : expected[index]);
          expect(line.users).toEqual(
            spec.places.length === 0 ? [] : [{ key: `Lister ${run}`, name: `Lister ${run}`, role: 'REVIEWER' }],
          );
        }

        // Read back into another database (lines in the file's order: a place may come before
        // its claim), the export gives the same bytes.
        await importLines(
          target,
          first.map((line) => JSON.parse(line)),
        );
        expect(await exportedLines(target, prefix)).toEqual(first);
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
