import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../src/db/sql';
import { createTestDatabase, type TestDatabase } from '../helpers/test-app';

/**
 * src/db/sql.ts: the write path's raw SQL gives the same shape on SQLite and PostgreSQL,
 * whatever the statement (TypeORM's own results differ by driver and by statement).
 */
describe('query() in a write transaction', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('resolves to the rows a statement returns, and [] when it returns none', async () => {
    const results = await db.writes.run(async (manager) => {
      const inserted = await query<{ id: number }>(manager, "INSERT INTO users (name, role) VALUES ('sql-shape', 'REVIEWER') RETURNING id");
      const id = inserted[0].id;
      return {
        inserted,
        plainInsert: await query(manager, "INSERT INTO users (name, role) VALUES ('sql-shape-2', 'REVIEWER')"),
        update: await query(manager, 'UPDATE users SET name = ? WHERE id = ?', ['sql-shape-renamed', id]),
        updateReturning: await query(manager, 'UPDATE users SET name = ? WHERE id = ? RETURNING name', ['sql-shape-again', id]),
        select: await query(manager, 'SELECT name FROM users WHERE id = ?', [id]),
        delete: await query(manager, "DELETE FROM users WHERE name = 'sql-shape-2'"),
        selectNone: await query(manager, "SELECT id FROM users WHERE name = 'sql-shape-2'"),
      };
    });
    expect(results).toEqual({
      inserted: [{ id: expect.any(Number) }],
      plainInsert: [],
      update: [],
      updateReturning: [{ name: 'sql-shape-again' }],
      select: [{ name: 'sql-shape-again' }],
      delete: [],
      selectNone: [],
    });
  });
});
