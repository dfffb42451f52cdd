import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rowFactory } from '../../src/db/sql-reader';

/**
 * The reader fetches rows as arrays and builds each object with rowFactory: the objects must be
 * the ones better-sqlite3 would have made (same properties, same order, same values), whatever
 * the column names, repeated ones and `__proto__` included.
 */
describe('rows read as arrays', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());

  const name = fc.oneof(
    fc.constantFrom('id', 'name', '__proto__', 'constructor', 'toString', '0', '1', 'a b', 'é', '"q"', "it's"),
    fc.string({ minLength: 1, maxLength: 8 }).filter((text) => !text.includes('\0')),
  );
  const value = fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), fc.double({ noNaN: true }));

  it('builds the objects better-sqlite3 builds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 8 }), (columns) => {
        const sql = `SELECT ${columns.map((_, index) => `? AS "${columns[index]![0].replaceAll('"', '""')}"`).join(', ')}`;
        const params = columns.map(([, v]) => v);
        const statement = db.prepare(sql);
        const expected = statement.get(...params) as Record<string, unknown>;
        const toRow = rowFactory(statement.columns().map((column) => column.name));
        const actual = toRow(statement.raw(true).get(...params) as unknown[]);
        expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
        expect(Object.entries(actual)).toEqual(Object.entries(expected));
      }),
      { numRuns: 300 },
    );
  });
});
