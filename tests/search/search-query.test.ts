import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hasPrefix,
  MAX_QUERY_LENGTH,
  type ParsedQuery,
  parseSearchQuery,
  positiveWords,
  SearchQueryError,
  toFtsMatch,
} from '../../src/modules/search/search-query';
import { onPostgres } from '../helpers/test-app';

// The same tokenizer as the unstemmed production index, so the expressions are judged by real FTS5.
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')`);
const ROWS = [
  'Putin and Trump hold a summit in Helsinki',
  'Putin will act firmly in Ukraine',
  'They firmly act on Ukrainian grain',
  'Le café est fermé le dimanche',
  'Russia denies the claim',
  'Putin visits Russia',
];
const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
ROWS.forEach((text, index) => insert.run(index + 1, text));
const countStatement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM t WHERE t MATCH ?');
const rowsStatement = db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid');

afterAll(() => db.close());

function rowsFor(input: string, column?: string): number[] {
  return rowsStatement.all(toFtsMatch(parseSearchQuery(input), column)).map((row) => row.rowid);
}

function reasonOf(input: string): string | undefined {
  try {
    parseSearchQuery(input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(SearchQueryError);
    return (error as SearchQueryError).reason;
  }
}

/** The guarantee: a query is refused with SearchQueryError, or SQLite runs it. */
function refusedOrRuns(input: string, column?: string): void {
  let parsed: ParsedQuery;
  try {
    parsed = parseSearchQuery(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SearchQueryError);
    return;
  }
  countStatement.get(toFtsMatch(parsed, column));
}

describe('parseSearchQuery', () => {
  it('reads words, phrases, prefixes and exclusions', () => {
    expect(parseSearchQuery('putin "act firmly" ukrain* -russia -"grain deal" -ab*')).toEqual({
      include: [
        { kind: 'word', text: 'putin' },
        { kind: 'phrase', words: ['act', 'firmly'] },
        { kind: 'prefix', text: 'ukrain' },
      ],
      exclude: [
        { kind: 'word', text: 'russia' },
        { kind: 'phrase', words: ['grain', 'deal'] },
        { kind: 'prefix', text: 'ab' },
      ],
    });
  });

  it('reads FTS5 syntax typed by users as plain words', () => {
    expect(
      parseSearchQuery('NEAR(a b) text:foo ^start +x {y}').include.map((term) =>
        term.kind === 'phrase' ? term.words : term.text,
      ),
    ).toEqual(['NEAR', 'a', 'b', 'text', 'foo', 'start', 'x', 'y']);
  });

  it('prefixes only words of two characters or more', () => {
    expect(parseSearchQuery('a* x').include).toEqual([
      { kind: 'word', text: 'a' },
      { kind: 'word', text: 'x' },
    ]);
    expect(parseSearchQuery('ab** * x').include).toEqual([
      { kind: 'prefix', text: 'ab' },
      { kind: 'word', text: 'x' },
    ]);
  });

  it('quotes an unbalanced " to the end and reads a one-word phrase as the word', () => {
    expect(parseSearchQuery('x "act firmly now').include).toEqual([
      { kind: 'word', text: 'x' },
      { kind: 'phrase', words: ['act', 'firmly', 'now'] },
    ]);
    expect(parseSearchQuery('"putin"').include).toEqual([{ kind: 'word', text: 'putin' }]);
  });

  it('splits on hyphens inside words and apostrophes instead of excluding', () => {
    expect(
      parseSearchQuery("well-known don't").include.map((term) => (term.kind === 'phrase' ? '' : term.text)),
    ).toEqual(['well', 'known', 'don', 't']);
    expect(parseSearchQuery('well-known').exclude).toEqual([]);
  });

  it('NFC-normalises and keeps combining marks inside words', () => {
    expect(parseSearchQuery('cafe\u0301').include).toEqual([{ kind: 'word', text: 'caf\u00e9' }]);
    expect(parseSearchQuery('\u0915\u093f\u0924\u093e\u092c').include).toEqual([
      { kind: 'word', text: '\u0915\u093f\u0924\u093e\u092c' },
    ]);
  });

  it('deduplicates terms regardless of case', () => {
    expect(parseSearchQuery('Putin putin "PUTIN" -x -X')).toEqual({
      include: [{ kind: 'word', text: 'Putin' }],
      exclude: [{ kind: 'word', text: 'x' }],
    });
  });

  it('refuses empty, blank, punctuation-only and exclusion-only queries', () => {
    for (const input of ['', '   \t\n', '-', '*', '***', '!!! ?', '""', '- -', '\u0301'])
      expect(reasonOf(input), JSON.stringify(input)).toBe('EMPTY');
    for (const input of ['-russia', '-"a phrase"', '-ab* !!']) expect(reasonOf(input), input).toBe('ONLY_EXCLUSIONS');
  });

  it('accepts 500 characters and refuses 501', () => {
    expect(reasonOf('a'.repeat(MAX_QUERY_LENGTH))).toBeUndefined();
    expect(reasonOf('a'.repeat(MAX_QUERY_LENGTH + 1))).toBe('TOO_LONG');
    // Characters, not UTF-16 units: 500 astral letters are allowed.
    expect(reasonOf('\u{1D400}'.repeat(MAX_QUERY_LENGTH))).toBeUndefined();
    expect(reasonOf('\u{1D400}'.repeat(MAX_QUERY_LENGTH + 1))).toBe('TOO_LONG');
  });
});

// FTS5 syntax, judged by an in-memory SQLite: nothing of PostgreSQL's (ts-query.test.ts is).
describe.skipIf(onPostgres)('toFtsMatch', () => {
  it('quotes every term, joins with AND and appends exclusions as NOT', () => {
    expect(toFtsMatch(parseSearchQuery('putin "act firmly" ukrain*'))).toBe('"putin" AND "act firmly" AND "ukrain"*');
    expect(toFtsMatch(parseSearchQuery('putin -summit -"a b"'))).toBe('("putin") NOT ("summit" OR "a b")');
    expect(toFtsMatch(parseSearchQuery('putin -summit'), 'text')).toBe('text : (("putin") NOT ("summit"))');
    expect(toFtsMatch(parseSearchQuery('Putin AND')), 'no lower-casing').toBe('"Putin" AND "AND"');
  });

  it('caps the terms at 16, keeping positive terms first', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const match = toFtsMatch(parseSearchQuery(`${words.join(' ')} -nope`));
    expect(match).toBe(
      words
        .slice(0, 16)
        .map((word) => `"${word}"`)
        .join(' AND '),
    );
    expect(toFtsMatch(parseSearchQuery(`${words.slice(0, 14).join(' ')} -x -y -z`))).toContain('NOT ("x" OR "y")');
  });

  it('cleans and deduplicates hand-built queries', () => {
    const query: ParsedQuery = {
      include: [
        { kind: 'word', text: 'say "hi"\0 ()' },
        { kind: 'phrase', words: ['SAY', 'hi'] },
        { kind: 'prefix', text: '' },
      ],
      exclude: [{ kind: 'word', text: 'a"b' }],
    };
    const match = toFtsMatch(query, 'text');
    expect(match).toBe('text : (("say hi") NOT ("a b"))');
    expect(() => countStatement.get(match)).not.toThrow();
    expect(() => toFtsMatch({ include: [], exclude: [{ kind: 'word', text: 'x' }] })).toThrow(SearchQueryError);
  });
});

describe('hasPrefix and positiveWords', () => {
  it('reports prefixes in either list', () => {
    expect(hasPrefix(parseSearchQuery('putin summit'))).toBe(false);
    expect(hasPrefix(parseSearchQuery('putin ukrain*'))).toBe(true);
    expect(hasPrefix(parseSearchQuery('putin -ukrain*'))).toBe(true);
  });

  it('lists the lower-cased positive words once', () => {
    expect(positiveWords(parseSearchQuery('Putin "ACT firmly" Ukrain* -russia putin act'))).toEqual([
      'putin',
      'act',
      'firmly',
      'ukrain',
    ]);
  });
});

// FTS5 syntax: SQLite's only.
describe.skipIf(onPostgres)('against a real FTS5 table', () => {
  it('requires all words', () => {
    expect(rowsFor('putin ukraine')).toEqual([2]);
    expect(rowsFor('PUTIN')).toEqual([1, 2, 6]);
  });

  it('matches phrases only in order and adjacent', () => {
    expect(rowsFor('"act firmly"')).toEqual([2]);
    expect(rowsFor('"firmly act"')).toEqual([3]);
    expect(rowsFor('act firmly')).toEqual([2, 3]);
  });

  it('matches prefixes', () => {
    expect(rowsFor('ukrain*')).toEqual([2, 3]);
    expect(rowsFor('ukrain')).toEqual([]);
  });

  it('excludes words and phrases', () => {
    expect(rowsFor('putin -summit')).toEqual([2, 6]);
    expect(rowsFor('putin -"act firmly" -russia')).toEqual([1]);
    expect(rowsFor('putin -ukrain*', 'text')).toEqual([1, 6]);
  });

  it('ignores diacritics', () => {
    expect(rowsFor('cafe')).toEqual([4]);
    expect(rowsFor('CAFÉ ferme')).toEqual([4]);
  });

  it('searches operator words literally', () => {
    expect(rowsFor('putin AND')).toEqual([1]);
    expect(rowsFor('a OR')).toEqual([]);
  });

  it('never hands SQLite a syntax error for user-typed FTS5 syntax', () => {
    const inputs = [
      'putin AND',
      'NEAR(a b)',
      'text:foo',
      'a OR',
      '"unbalanced',
      '^start',
      '(x',
      '-',
      '*',
      '***',
      'NOT',
      'x NOT',
      'OR OR',
      '"',
      '""""',
      'a:b:c',
      '{text}: x',
      '+x',
      'x\0y',
      '-"',
      '--x',
      'NEAR/3',
      'kind : (x)',
    ];
    for (const input of inputs) {
      expect(() => refusedOrRuns(input), input).not.toThrow();
      expect(() => refusedOrRuns(input, 'text'), input).not.toThrow();
    }
  });
});

const DANGEROUS = [
  '"',
  '*',
  '-',
  '(',
  ')',
  ':',
  '^',
  'NEAR',
  'AND',
  'OR',
  'NOT',
  '+',
  '{',
  '}',
  '\0',
  ' ',
  ' ',
  '\t',
  'a',
  'ab',
  'text',
  'café',
  'e\u0301',
  '\u0301',
  "'",
  ',',
  '😀',
  '👩‍👩‍👧',
  'שלום',
  'مرحبا',
  '\u202e',
  '\ud800',
  '\uffff',
  '日本',
];

const ARBITRARIES: [string, fc.Arbitrary<string>][] = [
  ['fc.string', fc.string({ maxLength: 200 })],
  ['binary', fc.string({ unit: 'binary', maxLength: 200 })],
  ['grapheme', fc.string({ unit: 'grapheme', maxLength: 200 })],
  ['fragments', fc.array(fc.constantFrom(...DANGEROUS), { maxLength: 60 }).map((parts) => parts.join(''))],
  ['long', fc.string({ unit: 'grapheme-ascii', minLength: 480, maxLength: 520 })],
];

// FTS5 syntax: SQLite's only.
describe.skipIf(onPostgres)('any input is refused or runs in SQLite', () => {
  for (const [name, arbitrary] of ARBITRARIES) {
    for (const column of [undefined, 'text']) {
      it(`${name}, column ${column ?? 'none'}`, () => {
        fc.assert(
          fc.property(arbitrary, (input) => refusedOrRuns(input, column)),
          { numRuns: 500 },
        );
      });
    }
  }
});
