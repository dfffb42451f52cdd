import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, POSTGRES_MIGRATIONS } from '../../migrations';
import { DEFAULT_SCALE } from '../../migrations/1796400000002-RatingScale';
import { sqliteDataSource } from '../../src/db/database';
import { quoteIdentifier } from '../../src/db/identifiers';
import { postgresDataSource } from '../../src/db/postgres';
import { TEST_DATABASE_URL } from '../helpers/test-app';

/**
 * The RatingScale migration on a database with fact-checks: every fact-check and revision keeps
 * its verdict and takes the rating of that verdict on the seeded scale (the labels, numbers and
 * colours readers saw); down() then up() keeps every row.
 */

const VERDICTS_USED = ['FALSE', 'TRUE', 'NEEDS_CONTEXT', 'MOSTLY_FALSE'];

type Run = (statement: string) => Promise<Record<string, unknown>[]>;

async function seed(run: Run): Promise<void> {
  await run(`INSERT INTO users (name, role) VALUES ('R', 'REVIEWER')`);
  await run(
    `INSERT INTO articles (slug, headline, body, authors, language, status) VALUES ('a', 'H', 'One two three four', '[]', 'en', 'PUBLISHED')`,
  );
  await run(
    `INSERT INTO claims (article_id, quote, prefix, suffix, start_offset, end_offset) VALUES (1, 'One', '', '', 0, 3)`,
  );
  for (const verdict of VERDICTS_USED) {
    await run(
      `INSERT INTO annotations (claim_id, author_id, verdict, summary, body, status) VALUES (1, 1, '${verdict}', 'Summary ${verdict}', 'b', 'PUBLISHED')`,
    );
    await run(
      `INSERT INTO annotation_revisions (annotation_id, version, change, verdict, summary, body, status, citations, actor_id)
       SELECT MAX(id), 1, 'CREATED', '${verdict}', 'Summary ${verdict}', 'b', 'PUBLISHED', '[]', 1 FROM annotations`,
    );
  }
}

/** Each fact-check and revision: its verdict, and the rating it carries in words. */
const RATED = (table: string) =>
  `SELECT t.id, t.verdict, r.label, r.value, r.best, r.worst, r.colour, r.verdict AS "ratingVerdict"
   FROM ${table} t LEFT JOIN ratings r ON r.id = t.rating_id ORDER BY t.id`;

function expectRatedByVerdict(rows: Record<string, unknown>[]): void {
  expect(rows.map((row) => row.verdict)).toEqual(VERDICTS_USED);
  for (const row of rows) {
    const seeded = DEFAULT_SCALE.find((rating) => rating.verdict === row.verdict)!;
    expect(row).toMatchObject({
      ratingVerdict: row.verdict,
      label: seeded.label,
      value: seeded.value,
      best: seeded.value === null ? null : 5,
      worst: seeded.value === null ? null : 1,
      colour: seeded.colour,
    });
  }
}

async function checkMigration(run: Run, runner: QueryRunner, Migration: new () => { up: Up; down: Up }) {
  await new Migration().up(runner);
  expect((await run(`SELECT label, verdict, position FROM ratings ORDER BY position`)).map((r) => r.label)).toEqual(
    DEFAULT_SCALE.map((rating) => rating.label),
  );
  expectRatedByVerdict(await run(RATED('annotations')));
  expectRatedByVerdict(await run(RATED('annotation_revisions')));
  expect(await run(`SELECT imported_rating FROM annotations WHERE imported_rating IS NOT NULL`)).toEqual([]);
  const kept = async () => ({
    annotations: await run(`SELECT id, claim_id, verdict, summary, status FROM annotations ORDER BY id`),
    revisions: await run(`SELECT id, annotation_id, verdict, summary FROM annotation_revisions ORDER BY id`),
  });
  const before = await kept();

  await new Migration().down(runner);
  expect(await kept()).toEqual(before);
  await new Migration().up(runner);
  expect(await kept()).toEqual(before);
  expectRatedByVerdict(await run(RATED('annotations')));
  expectRatedByVerdict(await run(RATED('annotation_revisions')));
}

type Up = (runner: QueryRunner) => Promise<void>;

describe('the RatingScale migration', () => {
  it("gives every fact-check and revision its verdict's rating, and rolls back and forth keeping every row", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-ratings-'));
    const dataSource = sqliteDataSource(path.join(dir, 'r.db'), 'write');
    await dataSource.initialize();
    try {
      const runner = dataSource.createQueryRunner();
      const index = MIGRATIONS.findIndex((migration) => migration.name.startsWith('RatingScale'));
      expect(index).toBeGreaterThan(0);
      for (const Migration of MIGRATIONS.slice(0, index)) await new Migration().up(runner);
      const run: Run = (statement) => runner.query(statement);
      await seed(run);
      await checkMigration(run, runner, MIGRATIONS[index]);
      expect(await run(`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }]);
      await runner.release();
    } finally {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(TEST_DATABASE_URL)('the RatingScale migration on PostgreSQL', () => {
  it("gives every fact-check and revision its verdict's rating, and rolls back and forth keeping every row", async () => {
    const url = TEST_DATABASE_URL!;
    const schema = `pgratings_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
    const dataSource = postgresDataSource({ url, poolSize: 2, schema });
    await dataSource.initialize();
    try {
      const runner = dataSource.createQueryRunner();
      const index = POSTGRES_MIGRATIONS.findIndex((migration) => migration.name.startsWith('RatingScale'));
      for (const Migration of POSTGRES_MIGRATIONS.slice(0, index)) await new Migration().up(runner);
      const run: Run = (statement) => runner.query(statement);
      await seed(run);
      await checkMigration(run, runner, POSTGRES_MIGRATIONS[index]);
      await runner.release();
    } finally {
      await dataSource.destroy();
      await admin(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    }
  });
});
