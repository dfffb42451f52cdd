import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeConnection } from '../../src/db/database';
import { matchExpressions, parseSearchQuery } from '../../src/modules/search/search-query';
import { foldedWords, wordPairs } from '../../src/modules/search/word-pairs';
import { createTestDatabase, onPostgres } from '../helpers/test-app';

/**
 * The word-pair phrase index (search_phrases) must answer exactly what FTS5's own phrase
 * search on the unstemmed index answers: it is only a faster way to the same rows.
 */
// SQLite's word-pair index (search_phrases); PostgreSQL matches phrases on its tsvector positions.
describe.skipIf(onPostgres)('phrase index', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  // Common words (long posting lists), Latin diacritics, digits, case and joined words.
  const VOCABULARY = [
    'the',
    'The',
    'of',
    'for',
    'there',
    'a',
    'café',
    'cafe',
    'Café',
    'déjà',
    'vu',
    '2024',
    'naïve',
    'well-known',
    "it's",
    'Zürich',
    'zurich',
    'über',
    'œuvre',
    'Straße',
  ];
  const SEPARATORS = [' ', ' ', ' ', ', ', '. ', ' — ', '\n', ' (', ') '];
  const text = fc
    .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 12 })
    .map((parts) =>
      parts
        .map(([w, s]) => w + s)
        .join('')
        .trim(),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  /** Replaces the documents; returns their ids (the FTS5 rowids). */
  function insertDocuments(texts: string[]): number[] {
    const write = nativeConnection(db.write);
    write.exec('DELETE FROM search_documents');
    const insert = write.prepare(
      `INSERT INTO search_documents (type, ref_id, field, text, kind) VALUES ('CLAIM', ?, 'quote', ?, 'claim')`,
    );
    return texts.map((value, index) => Number(insert.run(index + 1, value).lastInsertRowid));
  }

  function sliceOf(words: string[], start: number, length: number): string[] {
    const from = start % Math.max(1, words.length - 1);
    return words.slice(from, from + length);
  }

  function rows(table: string, match: string): number[] {
    return nativeConnection(db.read)
      .prepare<[string], { rowid: number }>(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`)
      .all(match)
      .map((row) => row.rowid);
  }

  it('folds words as unicode61 with remove_diacritics does', () => {
    expect(foldedWords('Café déjà-vu, ZÜRICH 2024')).toEqual(['cafe', 'deja', 'vu', 'zurich', '2024']);
    expect(wordPairs('for the there')).toBe('for\uE000the the\uE000there');
    expect(wordPairs('one')).toBe('');
  });

  it('finds the same rows as an FTS5 phrase search, for any documents and phrase queries', () => {
    // Half the phrases are cut from a stored text (so they match), half made up (mostly not).
    const phrase = fc.oneof(
      fc.record({ doc: fc.nat(), start: fc.nat(), length: fc.integer({ min: 2, max: 4 }) }),
      fc.array(fc.constantFrom(...VOCABULARY), { minLength: 2, maxLength: 4 }),
    );
    const query = fc.tuple(phrase, fc.option(fc.constantFrom(...VOCABULARY), { nil: undefined }), fc.boolean());
    let withHits = 0;
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 15 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        (texts, queries) => {
          insertDocuments(texts);
          for (const [cut, other, exclude] of queries) {
            const words = Array.isArray(cut)
              ? cut
              : sliceOf(texts[cut.doc % texts.length].split(/\s+/), cut.start, cut.length);
            const input = `"${words.join(' ')}"${other === undefined ? '' : ` ${exclude ? '-' : ''}${other}`}`;
            let parsed;
            try {
              parsed = parseSearchQuery(input);
            } catch {
              continue; // nothing searchable left: covered by the query-language tests
            }
            const { match, phraseMatch } = matchExpressions(parsed);
            if (phraseMatch === null) continue; // the "phrase" was a single word after all
            const expected = rows('search_fts', match);
            expect(rows('search_phrases', phraseMatch)).toEqual(expected);
            if (expected.length > 0) withHits += 1;
          }
        },
      ),
      { numRuns: 150 },
    );
    // The property must have compared non-empty answers too, not only agreement on nothing.
    expect(withHits).toBeGreaterThan(50);
  });

  it('stays in step with the documents through update and delete', () => {
    const [first, second] = insertDocuments(['the cat sat for the there', 'for the record']);
    const write = nativeConnection(db.write);
    const phrase = (q: string) => rows('search_phrases', matchExpressions(parseSearchQuery(q)).phraseMatch!);
    expect(phrase('"for the there"')).toEqual([first]);
    expect(phrase('"for the"')).toEqual([first, second]);
    write.prepare(`UPDATE search_documents SET text = 'nothing here' WHERE id = ?`).run(first);
    expect(phrase('"for the there"')).toEqual([]);
    expect(phrase('"for the"')).toEqual([second]);
    write.prepare(`DELETE FROM search_documents WHERE id = ?`).run(second);
    expect(phrase('"for the"')).toEqual([]);
    expect(rows('search_phrases', 'text : nothing')).toEqual([first]);
  });
});
