import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery, type ParsedQuery, SearchQueryError } from '../../src/modules/search/search-query';
import { toTsHighlightQuery, toTsQuery } from '../../src/modules/search/ts-query';
import { inspectRow } from '../helpers/inspect';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-app';

const ts = (input: string) => toTsQuery(parseSearchQuery(input));

describe('toTsQuery', () => {
  it('quotes every word, joins terms with &, phrases with <->, prefixes as :*, exclusions as & !(... | ...)', () => {
    expect(ts('putin "act firmly" ukrain*')).toBe("'putin' & ('act' <-> 'firmly') & 'ukrain':*");
    expect(ts('putin -summit -"a b" -ab*')).toBe("('putin') & !('summit' | ('a' <-> 'b') | 'ab':*)");
  });

  it('reads operators typed by users as words, as on SQLite', () => {
    expect(ts('zebra OR okapi')).toBe("'zebra' & 'OR' & 'okapi'");
    expect(ts('a & b | !c <-> d:*')).toBe("'a' & 'b' & 'c' & 'd'");
  });

  it('caps the terms at 16, positive terms first, and cleans hand-built terms', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(ts(`${words.join(' ')} -nope`)).toBe(
      words
        .slice(0, 16)
        .map((word) => `'${word}'`)
        .join(' & '),
    );
    const query: ParsedQuery = {
      include: [
        { kind: 'word', text: "it's \\ 'x'" },
        { kind: 'prefix', text: 'new yor' },
      ],
      exclude: [],
    };
    expect(toTsQuery(query)).toBe("('it' <-> 's' <-> 'x') & ('new' <-> 'yor':*)");
    expect(() => toTsQuery({ include: [], exclude: [{ kind: 'word', text: 'x' }] })).toThrow(SearchQueryError);
  });

  it('highlights the positive terms only', () => {
    expect(toTsHighlightQuery(parseSearchQuery('"checked the figures" inspect* -budget'))).toBe(
      "('checked' <-> 'the' <-> 'figures') | 'inspect':*",
    );
  });
});

// The tsquery text meets PostgreSQL's own parser and the text search configurations of the PostgresSearch migration.
describe.runIf(onPostgres)('toTsQuery in PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  const parsed = async (config: string, input: string) =>
    (await inspectRow(db, sql<{ q: string }>`SELECT to_tsquery(${sql.lit(config)}, ${ts(input)})::text AS q`))!.q;

  it('folds case and diacritics, stems only in the stemmed configuration, keeps stop words', async () => {
    expect(await parsed('search_english', 'CAFÉ Checks the')).toBe("'cafe' & 'check' & 'the'");
    expect(await parsed('search_simple', '"Checked THE" Zürich*')).toBe("'checked' <-> 'the' & 'zurich':*");
  });

  it('any input is refused or runs in PostgreSQL', async () => {
    const fragments = fc.constantFrom(
      '"',
      '*',
      '-',
      '(',
      ')',
      ':',
      "'",
      '\\',
      '&',
      '|',
      '!',
      '<->',
      '<2>',
      'OR',
      'NOT',
      ' ',
      'putin',
      'café',
      'e\u0301',
      '😀',
      'שלום',
      '日本',
      '\0',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.array(fragments, { maxLength: 30 }).map((parts) => parts.join('')),
        ),
        async (input) => {
          let tsquery: string;
          try {
            tsquery = ts(input);
          } catch (error) {
            expect(error).toBeInstanceOf(SearchQueryError);
            return;
          }
          await inspectRow(
            db,
            sql`SELECT to_tsquery('search_english', ${tsquery}) AS e, to_tsquery('search_simple', ${tsquery}) AS s`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
