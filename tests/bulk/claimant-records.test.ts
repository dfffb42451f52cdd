import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClaimantSlug, nameKeyOf } from '../../src/modules/claimant/claimant-name';
import { aliasesOf } from '../../src/modules/claimant/claimant-writes';
import type { DatasetClaimant, DatasetLine } from '../../src/modules/dataset/dataset.types';
import { inspectRows } from '../helpers/inspect';
import { createTestDatabase, type TestDatabase } from '../helpers/test-app';
import { exportedLines, importLines, oneClaimDraftLine } from './bulk-helpers';

/* eslint-disable no-control-regex -- text with control characters is refused: the generators leave it out */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/* eslint-enable no-control-regex */

const word = fc
  .string({ minLength: 1, maxLength: 8, unit: 'grapheme' })
  .filter((text) => !/\s/u.test(text) && !CONTROL.test(text));
/** Words whose keys meet other spellings: final sigma, ß, compatibility forms (the ﬁ ligature, the Kelvin sign). */
const tricky = fc.constantFrom(
  'Élysée',
  'ΟΔΥΣΣΕΥΣ',
  'Οδυσσευς',
  'Straße',
  'STRASSE',
  'İstanbul',
  '東京都',
  '\uFB01nance',
  'Finance',
  '\u212Aelvin',
  'kelvin',
);
const base = fc.array(fc.oneof(word, tricky), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
/** Spellings of one name that may share its key: as is, upper or lower case, other spaces around and between. */
const spelling = fc.constantFrom(
  (name: string) => name,
  (name: string) => name.toUpperCase(),
  (name: string) => name.toLowerCase(),
  (name: string) => ` ${name.replace(/ /g, ' \u00a0 ')}  `,
);
const text = fc
  .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
  .filter((value) => value.trim() !== '' && !CONTROL.test(value));

/** A claimant record and the claim of its line; both name one of the bases, each spelled its own way. */
const entry = fc.record({
  base: fc.nat(),
  spelling,
  claimSpelling: spelling,
  kind: fc.constantFrom('PERSON' as const, 'ORGANIZATION' as const),
  description: fc.option(text, { nil: null }),
  wikidataId: fc.option(
    fc.integer({ min: 1, max: 999_999_999 }).map((n) => `Q${n}`),
    { nil: null },
  ),
  // Other names: free text, or a spelling of one of the bases, the claimant's own among them.
  aliases: fc.array(
    fc.oneof(
      text.map((alias) => ({ alias })),
      fc.record({ base: fc.nat(), spelling }),
    ),
    {
      maxLength: 4,
    },
  ),
  asksSlug: fc.boolean(),
});

interface Expected {
  name: string;
  kind: DatasetClaimant['kind'];
  description: string | null;
  wikidataId: string | null;
  aliases: string[];
}

describe('claimant records through ndjson', () => {
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

  it('arbitrary valid records survive export and import: one claimant a name key, the first record of it, the same bytes again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(base, { minLength: 1, maxLength: 3 }),
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        async (bases, entries) => {
          // Each run has names, slugs and articles of its own: the databases are shared by the runs.
          run += 1;
          const suffix = ` #r${run}`;
          const prefix = `prop-${run}-`;
          const spelled = (at: number, spell: (name: string) => string) =>
            `${spell(bases[at % bases.length])}${suffix}`;
          const lines: DatasetLine[] = entries.map((spec, index) => {
            const name = spelled(spec.base, spec.spelling);
            const body = `Claim ${index} of run ${run}.`;
            return oneClaimDraftLine(
              `${prefix}${index}`,
              body,
              { claimant: spelled(spec.base, spec.claimSpelling), annotations: [] },
              {
                claimants: [
                  {
                    name,
                    ...(spec.asksSlug ? { slug: `asked-${run}` } : {}),
                    kind: spec.kind,
                    description: spec.description,
                    wikidataId: spec.wikidataId,
                    aliases: spec.aliases.map((alias) =>
                      'alias' in alias ? alias.alias : spelled(alias.base, alias.spelling),
                    ),
                  },
                ],
                sources: [],
                users: [],
              },
            );
          });

          // The model: the first record of a name key is the claimant; a claim naming a key no
          // record gave is a person with just that name.
          const stored = new Map<string, Expected>();
          let askedFor: string | null = null;
          const named = lines.map((line) => {
            const [record] = line.claimants;
            const name = record.name.trim();
            if (!stored.has(nameKeyOf(name))) {
              // The slug asked for goes to the first claimant stored that asks for it.
              if (record.slug !== undefined) askedFor ??= name;
              stored.set(nameKeyOf(name), {
                name,
                kind: record.kind,
                description: record.description?.trim() ?? null,
                wikidataId: record.wikidataId,
                aliases: aliasesOf(name, record.aliases),
              });
            }
            const claimName = line.article.claims[0].claimant!.trim();
            if (!stored.has(nameKeyOf(claimName)))
              stored.set(nameKeyOf(claimName), {
                name: claimName,
                kind: 'PERSON',
                description: null,
                wikidataId: null,
                aliases: [],
              });
            return stored.get(nameKeyOf(claimName))!;
          });

          await importLines(source, lines);
          const rows = await inspectRows(
            source,
            sql<{
              name: string;
              slug: string;
              kind: DatasetClaimant['kind'];
              description: string | null;
              wikidataId: string | null;
              aliases: string;
            }>`SELECT name, slug, kind, description, wikidata_id AS "wikidataId", aliases FROM claimants ORDER BY id`,
          );
          const ofRun = rows.filter((row) => row.name.endsWith(suffix));
          expect(
            ofRun.map(({ slug: _slug, ...row }) => ({ ...row, aliases: JSON.parse(row.aliases) as string[] })),
          ).toEqual([...stored.values()]);
          expect(ofRun.filter((row) => row.slug === `asked-${run}`).map((row) => row.name)).toEqual(
            askedFor === null ? [] : [askedFor],
          );

          const first = await exportedLines(source, prefix);
          const written = first.map((line) => JSON.parse(line) as DatasetLine);
          expect(written.map((line) => line.article.claims[0].claimant)).toEqual(
            named.map((claimant) => claimant.name),
          );
          for (const [index, line] of written.entries()) {
            const [{ slug, ...record }, ...more] = line.claimants;
            expect(more).toEqual([]);
            expect(record).toEqual(named[index]);
            expect(isClaimantSlug(slug!)).toBe(true);
          }
          const slugs = new Map(written.map((line) => [line.claimants[0].name, line.claimants[0].slug]));
          expect(new Set(slugs.values()).size).toBe(slugs.size);

          // Read back into another database, the export gives the same bytes.
          await importLines(
            target,
            first.map((line) => JSON.parse(line)),
          );
          expect(await exportedLines(target, prefix)).toEqual(first);
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});
