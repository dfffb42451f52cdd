import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPostgres } from '../../src/db/postgres-sql';
import { jsonList } from '../../src/db/sql-reader';

describe('SQLite-dialect SQL translated for PostgreSQL', () => {
  it('numbers placeholders, leaving string literals and quoted names alone', () => {
    expect(toPostgres("SELECT id FROM t WHERE a = ? AND b = '?' AND \"c?\" = ? AND d = 'it''s ?'", [1, 2])).toEqual({
      text: "SELECT id FROM t WHERE a = $1 AND b = '?' AND \"c?\" = $2 AND d = 'it''s ?'",
      values: [1, 2],
    });
  });

  it('turns json_each key lists into typed unnest with an array parameter, aliased or not', () => {
    expect(toPostgres('SELECT a.id FROM json_each(?) k CROSS JOIN articles a ON a.id = k.value WHERE a.status = ?', [jsonList([3, 1]), 'PUBLISHED'])).toEqual({
      text: 'SELECT a.id FROM unnest($1::bigint[]) AS k(value) JOIN articles a ON a.id = k.value WHERE a.status = $2',
      values: [[3, 1], 'PUBLISHED'],
    });
    expect(toPostgres('SELECT id FROM articles WHERE slug IN (SELECT value FROM json_each(?)) AND id > ?', [jsonList(['a', 'b']), 0])).toEqual({
      text: 'SELECT id FROM articles WHERE slug IN (SELECT value FROM unnest($1::text[]) AS keys(value)) AND id > $2',
      values: [['a', 'b'], 0],
    });
    // The same text with a list of the other kind gets its own translation.
    expect(toPostgres('SELECT id FROM articles WHERE slug IN (SELECT value FROM json_each(?)) AND id > ?', [jsonList([1]), 0]).text).toContain('$1::bigint[]');
    expect(toPostgres('SELECT 1 FROM json_each(?) AS k WHERE k.value = ?', [jsonList([1]), 1]).text).toBe('SELECT 1 FROM unnest($1::bigint[]) AS k(value) WHERE k.value = $2');
  });

  it('quotes camelCase aliases wherever they appear, never qualified or quoted names', () => {
    expect(toPostgres('SELECT c.article_id AS articleId, c.created_at AS createdAt FROM claims c ORDER BY articleId, createdAt', []).text).toBe(
      'SELECT c.article_id AS "articleId", c.created_at AS "createdAt" FROM claims c ORDER BY "articleId", "createdAt"',
    );
    expect(toPostgres('SELECT x."someName", \'camelCase\' FROM t x', []).text).toBe('SELECT x."someName", \'camelCase\' FROM t x');
  });

  it('makes COLLATE NOCASE comparisons case-insensitive with lower()', () => {
    expect(toPostgres('SELECT 1 FROM claims c WHERE c.claimant = ? COLLATE NOCASE AND c.id > ?', ['Ana', 1]).text).toBe('SELECT 1 FROM claims c WHERE lower(c.claimant) = lower($1) AND c.id > $2');
  });

  it("orders the nullable published_at with NULLs where SQLite puts them", () => {
    expect(toPostgres('SELECT 1 FROM articles a ORDER BY a.published_at DESC, a.id DESC', []).text).toBe('SELECT 1 FROM articles a ORDER BY a.published_at DESC NULLS LAST, a.id DESC');
    expect(toPostgres('SELECT 1 FROM articles ORDER BY published_at ASC, id ASC', []).text).toBe('SELECT 1 FROM articles ORDER BY published_at ASC NULLS FIRST, id ASC');
  });

  it('gives as many numbered placeholders as there are parameters, whatever literals surround them (property)', () => {
    const piece = fc.oneof(
      fc.constant('?'),
      fc.string({ unit: fc.constantFrom('a', '?', "''", ' ', '"') }).map((text) => `'${text.replace(/'/g, "''")}'`),
      fc.constantFrom(' AND ', 'x = ', ', ', 'col'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const sql = `SELECT 1 WHERE ${pieces.join(' ')}`;
        const params = pieces.filter((p) => p === '?').map((_, i) => i);
        const { text, values } = toPostgres(sql, params);
        const numbers = [...text.replace(/'(?:[^']|'')*'/g, '').matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
        expect(numbers).toEqual(params.map((_, i) => i + 1));
        expect(values).toEqual(params);
      }),
    );
  });
});
