import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteReader } from '../../src/db/sql-reader';
import type { Statement } from '../../src/db/statements';

/**
 * The reader fetches rows as arrays and builds each object itself: its rows must be the ones
 * better-sqlite3 would have made (same properties, same order, same values, same prototype),
 * whatever the column names, repeated ones and `__proto__` included, on every Node.js line.
 */
describe('rows read as arrays', () => {
  const db = new Database(':memory:');
  const reader = new SqliteReader(db);
  afterAll(() => db.close());

  /** A query-layer statement of fixed SQL, its parameters given as they are bound. */
  const fixed = (sql: string) =>
    ({
      name: 'test.fixed',
      dialects: ['sqlite'],
      compiled: () => ({ sql }),
      bind: (_dialect: string, params: unknown[]) => params,
    }) as unknown as Statement<unknown[], Record<string, unknown>>;

  const name = fc.oneof(
    fc.constantFrom('id', 'name', '__proto__', 'constructor', 'toString', '0', '1', 'a b', 'é', '"q"', "it's"),
    fc.string({ minLength: 1, maxLength: 8 }).filter((text) => !text.includes('\0')),
  );
  const value = fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), fc.double({ noNaN: true }));

  it('builds the objects better-sqlite3 builds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 8 }), async (columns) => {
        const sql = `SELECT ${columns.map(([column]) => `? AS "${column.replaceAll('"', '""')}"`).join(', ')}`;
        const params = columns.map(([, v]) => v);
        const expected = db.prepare(sql).all(...params) as Record<string, unknown>[];
        for (const actual of [await reader.rows(fixed(sql), params), [await reader.row(fixed(sql), params)]]) {
          expect(actual).toHaveLength(1);
          expect(Object.getPrototypeOf(actual[0])).toBe(Object.getPrototypeOf(expected[0]));
          expect(Object.entries(actual[0]!)).toEqual(Object.entries(expected[0]!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers no row as better-sqlite3 does', async () => {
    expect(await reader.rows(fixed('SELECT 1 AS one WHERE 0'), [])).toEqual([]);
    expect(await reader.row(fixed('SELECT 1 AS one WHERE 0'), [])).toBeUndefined();
  });
});
