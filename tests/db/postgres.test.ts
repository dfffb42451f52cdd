import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../../migrations';
import { quoteIdentifier } from '../../src/db/identifiers';
import { openPostgresDatabase, postgresDataSource } from '../../src/db/postgres';
import { Role, UserEntity } from '../../src/modules/user/user.entity';
import { inspectRow, inspectWrite } from '../helpers/inspect';
import { MAIN_JS } from '../helpers/service-process';
import { TEST_DATABASE_URL } from '../helpers/test-app';

/** Runs in the suite's PostgreSQL pass (.ci/run sets TEST_DATABASE_URL). */
describe.runIf(TEST_DATABASE_URL)('PostgreSQL', () => {
  const url = TEST_DATABASE_URL!;
  const schemas: string[] = [];

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async function freshSchema(): Promise<string> {
    const schema = `pgtest_${process.pid}_${schemas.length}_${Math.random().toString(36).slice(2, 8)}`;
    schemas.push(schema);
    await admin((client) => client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`));
    return schema;
  }

  afterEach(async () => {
    for (const schema of schemas.splice(0))
      await admin((client) => client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`));
  });

  it('migrations build exactly the tables the entities describe, and every down() undoes its up()', async () => {
    const schema = await freshSchema();
    const dataSource = postgresDataSource({ url, poolSize: 2, schema });
    await dataSource.initialize();
    try {
      expect(await dataSource.runMigrations()).toHaveLength(POSTGRES_MIGRATIONS.length);
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
      for (let i = 0; i < POSTGRES_MIGRATIONS.length; i += 1) await dataSource.undoLastMigration();
      const tables = (await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
        [schema],
      )) as unknown[];
      expect(tables).toEqual([]);
      expect(await dataSource.runMigrations()).toHaveLength(POSTGRES_MIGRATIONS.length);
    } finally {
      await dataSource.destroy();
    }
    for (const Migration of POSTGRES_MIGRATIONS) expect(typeof new Migration().down).toBe('function');
  });

  it('npm run migrate applies the migrations to the configured schema, creating it, and reports them', async () => {
    const schema = `pgtest_${process.pid}_migrate_${Math.random().toString(36).slice(2, 8)}`;
    schemas.push(schema);
    const output = execFileSync(process.execPath, [path.join(path.dirname(MAIN_JS), 'cli', 'migrate.js')], {
      env: { ...process.env, DATABASE_URL: url, DATABASE_SCHEMA: schema },
      encoding: 'utf8',
    });
    expect(output).toContain(
      `migrate: ${POSTGRES_MIGRATIONS.length} migration(s) applied, none pending (PostgreSQL, schema ${schema}).`,
    );
    const applied = await admin((client) =>
      client.query(`SELECT name FROM ${quoteIdentifier(schema)}.migrations ORDER BY id`),
    );
    expect(applied.rows.map((row: { name: string }) => row.name)).toEqual(
      POSTGRES_MIGRATIONS.map((Migration) => new Migration().name),
    );
  });

  it('replicas starting together on an empty schema migrate it once, one after the other', async () => {
    const schema = await freshSchema();
    const replicas = await Promise.all([1, 2, 3].map(() => openPostgresDatabase({ url, poolSize: 2, schema })));
    try {
      const applied = await admin((client) => client.query(`SELECT name FROM ${quoteIdentifier(schema)}.migrations`));
      expect(applied.rows.map((row: { name: string }) => row.name)).toEqual(
        POSTGRES_MIGRATIONS.map((Migration) => new Migration().name),
      );
    } finally {
      for (const db of replicas) await db.close();
    }
  });

  it('sessions run in UTC, whatever the server zone: column defaults agree with the dates the service sends', async () => {
    const schema = await freshSchema();
    const db = await openPostgresDatabase({ url, poolSize: 2, schema });
    try {
      expect(await inspectRow(db, sql`SHOW TimeZone`)).toEqual({ TimeZone: 'UTC' });
      const before = Date.now();
      const user = await db.writes.run((manager) => manager.save(UserEntity, { name: 'utc', role: Role.REVIEWER }));
      const [row] = await db.read.query('SELECT created_at FROM users WHERE id = $1', [user.id]);
      expect(Math.abs(new Date(row.created_at).getTime() - before)).toBeLessThan(60_000);
    } finally {
      await db.close();
    }
  });

  it('a write that cannot run twice fails on a conflict instead of running again', async () => {
    const schema = await freshSchema();
    const db = await openPostgresDatabase({ url, poolSize: 4, schema });
    try {
      let runs = 0;
      const conflict = Object.assign(new Error('could not serialize access'), { code: '40001' });
      await expect(
        db.writes.run(
          async () => {
            runs += 1;
            throw conflict;
          },
          { once: true },
        ),
      ).rejects.toBe(conflict);
      expect(runs).toBe(1);
      let retried = 0;
      await db.writes.run(async () => {
        retried += 1;
        if (retried < 3) throw conflict;
      });
      expect(retried).toBe(3);
    } finally {
      await db.close();
    }
  });

  it('concurrent write transactions that read then write the same row all land: conflicts are retried, never lost', async () => {
    const schema = await freshSchema();
    const db = await openPostgresDatabase({ url, poolSize: 6, schema });
    try {
      const { id } = await db.writes.run((manager) =>
        manager.save(UserEntity, { name: 'counter-0', role: Role.REVIEWER }),
      );
      // Each reads the name, then writes it back one higher: a lost update shows as a short count.
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, () =>
          db.writes.run(async (manager) => {
            const [row] = await inspectWrite(manager, sql<{ name: string }>`SELECT name FROM users WHERE id = ${id}`);
            const next = Number(row.name.split('-')[1]) + 1;
            await inspectWrite(manager, sql`UPDATE users SET name = ${`counter-${next}`} WHERE id = ${id}`);
          }),
        ),
      );
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(await inspectRow(db, sql<{ name: string }>`SELECT name FROM users WHERE id = ${id}`)).toEqual({
        name: 'counter-40',
      });
      expect(db.writes.depth).toBe(0);
    } finally {
      await db.close();
    }
  });
});
