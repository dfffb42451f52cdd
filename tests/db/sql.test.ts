import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, executeOne } from '../../src/db/sql';
import { type StatementBuilder, statement } from '../../src/db/statements';
import { createTestDatabase, type TestDatabase } from '../helpers/test-app';

/*
 * Statements of this test only (named `test.…`: no module defines them, and the snapshots, built
 * from src/, never list them), one per shape of result.
 */
const insertReturning = statement('test.sql.insertReturning', (q: StatementBuilder<{ name: string }>) =>
  q.db.insertInto('users').values({ name: q.p.name, role: 'REVIEWER' }).returning('id'),
);
const insertPlain = statement('test.sql.insertPlain', (q: StatementBuilder<{ name: string }>) =>
  q.db.insertInto('users').values({ name: q.p.name, role: 'REVIEWER' }),
);
const rename = statement('test.sql.rename', (q: StatementBuilder<{ id: number; name: string }>) =>
  q.db.updateTable('users').set({ name: q.p.name }).where('id', '=', q.p.id),
);
const renameReturning = statement('test.sql.renameReturning', (q: StatementBuilder<{ id: number; name: string }>) =>
  q.db.updateTable('users').set({ name: q.p.name }).where('id', '=', q.p.id).returning('name'),
);
const nameById = statement('test.sql.nameById', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('users').select('name').where('id', '=', q.p.id),
);
const idByName = statement('test.sql.idByName', (q: StatementBuilder<{ name: string }>) =>
  q.db.selectFrom('users').select('id').where('name', '=', q.p.name),
);
const deleteByName = statement('test.sql.deleteByName', (q: StatementBuilder<{ name: string }>) =>
  q.db.deleteFrom('users').where('name', '=', q.p.name),
);

/**
 * src/db/sql.ts: a statement run in a write transaction gives the same shape on SQLite and
 * PostgreSQL, whatever the statement (TypeORM's own results differ by driver and by statement:
 * an UPDATE on PostgreSQL gives [rows, count], an INSERT on SQLite the new rowid).
 */
describe('execute() in a write transaction', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('resolves to the rows a statement returns, and [] when it returns none', async () => {
    const results = await db.writes.run(async (manager) => {
      const inserted = await execute(manager, insertReturning, { name: 'sql-shape' });
      const id = inserted[0].id;
      return {
        inserted,
        plainInsert: await execute(manager, insertPlain, { name: 'sql-shape-2' }),
        update: await execute(manager, rename, { id, name: 'sql-shape-renamed' }),
        updateReturning: await execute(manager, renameReturning, { id, name: 'sql-shape-again' }),
        select: await execute(manager, nameById, { id }),
        delete: await execute(manager, deleteByName, { name: 'sql-shape-2' }),
        selectNone: await execute(manager, idByName, { name: 'sql-shape-2' }),
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

  it('executeOne() resolves to the first row, or undefined when there is none', async () => {
    const results = await db.writes.run(async (manager) => {
      const inserted = await executeOne(manager, insertReturning, { name: 'sql-one' });
      return {
        inserted,
        select: await executeOne(manager, nameById, { id: inserted!.id }),
        update: await executeOne(manager, rename, { id: inserted!.id, name: 'sql-one-renamed' }),
        selectNone: await executeOne(manager, idByName, { name: 'sql-none' }),
      };
    });
    expect(results).toEqual({
      inserted: { id: expect.any(Number) },
      select: { name: 'sql-one' },
      update: undefined,
      selectNone: undefined,
    });
  });

  it('refuses to run outside a write transaction', async () => {
    await expect(execute(db.write.manager, insertPlain, { name: 'sql-outside' })).rejects.toThrow(
      /inside a write transaction/,
    );
    await expect(executeOne(db.write.manager, nameById, { id: 1 })).rejects.toThrow(/inside a write transaction/);
    const stored = await db.writes.run((manager) => execute(manager, idByName, { name: 'sql-outside' }));
    expect(stored).toEqual([]);
  });
});
