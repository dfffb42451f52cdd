import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/app/query-layers';
import { nativeConnection, openSqliteDatabase } from '../../src/db/database';
import { snapshotOf } from '../../src/db/sql-snapshot';
import { allStatements, type Dialect } from '../../src/db/statements';
import { PROJECT_ROOT, SQL_SNAPSHOT_FOLDER } from '../../src/paths';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/test-app';

/** Values that let any statement be planned: an empty list for key lists, NULL for the rest. */
function planValues(dialect: Dialect, statement: ReturnType<typeof allStatements>[number]): unknown[] {
  return statement
    .compiled(dialect)
    .slots.map((slot) => ('constant' in slot ? slot.constant : slot.list ? (dialect === 'sqlite' ? '[]' : []) : null));
}

/** The statements written for a dialect (all but the other engine's own), by name. */
function statementsOf(dialect: Dialect) {
  return allStatements()
    .filter((statement) => statement.dialects.includes(dialect))
    .map((statement) => [statement.name, statement] as const);
}

describe('the query layers', () => {
  it('are all registered: every *.queries.ts file is loaded by src/app/query-layers.ts', () => {
    const listed = fs.readFileSync(path.join(PROJECT_ROOT, 'src/app/query-layers.ts'), 'utf8');
    const files = fs
      .readdirSync(path.join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.queries.ts'))
      .map((file) => `'../${file.replace(/\\/g, '/').replace(/\.ts$/, '')}'`);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(listed, `${file} is not imported`).toContain(`import ${file};`);
  });

  it('match the committed snapshots in sql/ (npm run sql:snapshot)', () => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      expect(snapshotOf(dialect), `sql/${dialect}.sql is stale`).toBe(
        fs.readFileSync(path.join(SQL_SNAPSHOT_FOLDER, `${dialect}.sql`), 'utf8'),
      );
    }
  });
});

describe('every statement is valid SQL on SQLite (EXPLAIN)', () => {
  let db: Awaited<ReturnType<typeof openSqliteDatabase>>;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.explain-'));
    db = await openSqliteDatabase({ path: path.join(dir, 'explain.db') });
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(statementsOf('sqlite'))('%s', (_, statement) => {
    const connection = nativeConnection(db.write);
    const plan = connection
      .prepare(`EXPLAIN QUERY PLAN ${statement.compiled('sqlite').sql}`)
      .all(...(planValues('sqlite', statement) as never[]));
    expect(Array.isArray(plan)).toBe(true);
  });
});

describe.runIf(TEST_DATABASE_URL)('every statement is valid SQL on PostgreSQL (EXPLAIN)', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({
      connectionString: TEST_DATABASE_URL!,
      options: `-c search_path=${db.env.DATABASE_SCHEMA}`,
    });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.close();
  });

  it.each(statementsOf('postgres'))('%s', async (_, statement) => {
    const result = await client.query(
      `EXPLAIN ${statement.compiled('postgres').sql}`,
      planValues('postgres', statement),
    );
    expect(result.rows.length).toBeGreaterThan(0);
  });
});
