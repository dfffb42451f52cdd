import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sqliteDataSource } from '../db/database';
import { postgresDataSource } from '../db/postgres';
import { quoteIdentifier } from '../db/identifiers';
import { buildAppSchema } from '../app/schema';
import { printAppSchema } from '../graphql/schema';
import { SCHEMA_FILE, SQL_SNAPSHOT_FOLDER } from '../paths';
import '../app/query-layers';
import { checkSnapshots } from '../db/sql-snapshot';

/**
 * `npm run check`'s drift checks: schema/schema.graphql must equal the SDL the code emits,
 * and the migrations must build exactly the tables the entities describe (what
 * `typeorm migration:generate --check` checks), and the SQL snapshots must be what the query
 * layers compile. `--write` updates schema.graphql and the snapshots instead.
 */
async function schemaDrift(write: boolean): Promise<string | null> {
  const sdl = printAppSchema(await buildAppSchema());
  if (write) {
    fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    return null;
  }
  const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
  return committed === sdl
    ? null
    : 'schema/schema.graphql differs from the schema the code emits: run `npm run schema:emit` and commit it.';
}

/** The committed SQL snapshots (sql/) must be what the query layers compile. */
function sqlSnapshotDrift(write: boolean): string | null {
  const stale = checkSnapshots(SQL_SNAPSHOT_FOLDER, write);
  if (write) console.log('wrote sql/sqlite.sql and sql/postgres.sql');
  return stale.length === 0
    ? null
    : `sql/${stale.join('.sql, sql/')}.sql differ from the statements the code compiles: run \`npm run sql:snapshot\` and commit them.`;
}

async function migrationDrift(): Promise<string | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-drift-'));
  const dataSource = sqliteDataSource(path.join(dir, 'drift.db'), 'write');
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) return null;
    return `the migrations do not match the entities (${upQueries.length} statement(s) missing, e.g. ${upQueries[0].query.slice(0, 160)}): run \`npm run migration:generate -- Name\`.`;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same on PostgreSQL, in a scratch schema, when a test server is named (TEST_DATABASE_URL;
 * CI sets it): its migrations must build what the entities describe there too.
 */
async function postgresMigrationDrift(): Promise<string | null> {
  // Never DATABASE_URL: the check creates a schema and runs DDL, which has no place in production.
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    console.log('drift: PostgreSQL migrations not checked (set TEST_DATABASE_URL to check them)');
    return null;
  }
  const schema = `drift_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  const dataSource = postgresDataSource({ url, poolSize: 2, schema });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) return null;
    return `the PostgreSQL migrations do not match the entities (${upQueries.length} statement(s) missing, e.g. ${upQueries[0].query.slice(0, 160)}).`;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const problems = [
    await schemaDrift(write),
    sqlSnapshotDrift(write),
    write ? null : await migrationDrift(),
    write ? null : await postgresMigrationDrift(),
  ].filter((p): p is string => p !== null);
  for (const problem of problems) console.error(`drift: ${problem}`);
  if (problems.length > 0) process.exit(1);
  if (!write) console.log('drift: schema, SQL snapshots and migrations match the code');
}

void main();
