import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, POSTGRES_MIGRATIONS } from '../../migrations';
import { ArticlePublicationHistory1796100000001 } from '../../migrations/1796100000001-ArticlePublicationHistory';
import { sqliteDataSource } from '../../src/db/database';
import { quoteIdentifier } from '../../src/db/identifiers';
import { postgresDataSource } from '../../src/db/postgres';
import { fromSqlDate } from '../../src/db/sql-dates';
import { TEST_DATABASE_URL } from '../helpers/test-app';

type MigrationClass = new () => MigrationInterface;

/** A database of this run's dialect with the migrations before `upTo` applied; `close` removes it. */
async function databaseBefore(
  upTo: MigrationClass,
): Promise<{ dataSource: DataSource; runner: QueryRunner; rest: MigrationClass[]; close(): Promise<void> }> {
  if (TEST_DATABASE_URL) {
    const schema = `upgrade_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
    const dataSource = postgresDataSource({ url: TEST_DATABASE_URL, poolSize: 2, schema });
    return prepare(dataSource, POSTGRES_MIGRATIONS, upTo, () =>
      admin(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`),
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-upgrade-'));
  return prepare(sqliteDataSource(path.join(dir, 'u.db'), 'write'), MIGRATIONS, upTo, async () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
}

async function prepare(
  dataSource: DataSource,
  migrations: MigrationClass[],
  upTo: MigrationClass,
  remove: () => Promise<void>,
) {
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  const index = migrations.indexOf(upTo);
  for (const Migration of migrations.slice(0, index)) await new Migration().up(runner);
  return {
    dataSource,
    runner,
    rest: migrations.slice(index),
    async close() {
      await runner.release();
      await dataSource.destroy();
      await remove();
    },
  };
}

const iso = (value: unknown) =>
  value === null ? null : value instanceof Date ? value.toISOString() : fromSqlDate(String(value))!.toISOString();
const snapshot = (...ids: number[]) =>
  JSON.stringify(ids.map((sourceId) => ({ sourceId, stance: 'SUPPORTS', excerpt: 'e' })));

describe('upgrading existing data to the record of what readers saw', () => {
  it("dates each article's first publication and stamps the revisions, fact-check versions and sources readers saw", async () => {
    const db = await databaseBefore(ArticlePublicationHistory1796100000001);
    const sql = (text: string) => db.runner.query(text);
    try {
      await sql(`INSERT INTO users (id, name, role) VALUES (1, 'R', 'REVIEWER'), (2, 'E', 'EDITOR')`);
      // 1: published, back-dated; 2: drafted in January, published 1 March; 3: a draft.
      await sql(`INSERT INTO articles (id, slug, headline, body, authors, language, status, published_at, created_at, updated_at) VALUES
        (1, 'back-dated', 'H', 'B', '[]', 'en', 'PUBLISHED', '2021-01-01 00:00:00.000', '2024-01-01 00:00:00.000', '2024-02-01 00:00:00.000'),
        (2, 'embargoed', 'H', 'B', '[]', 'en', 'PUBLISHED', '2024-03-01 00:00:00.000', '2024-01-01 00:00:00.000', '2024-04-01 00:00:00.000'),
        (3, 'draft', 'H', 'B', '[]', 'en', 'DRAFT', NULL, '2024-01-01 00:00:00.000', '2024-01-01 00:00:00.000')`);
      await sql(`INSERT INTO article_revisions (article_id, number, headline, body, created_at) VALUES
        (1, 1, 'H', 'B', '2024-01-01 00:00:00.000'), (1, 2, 'H', 'B', '2024-02-01 00:00:00.000'),
        (2, 1, 'H', 'B', '2024-01-01 00:00:00.000'), (2, 2, 'H', 'B', '2024-02-01 00:00:00.000'), (2, 3, 'H', 'B', '2024-04-01 00:00:00.000'),
        (3, 1, 'H', 'B', '2024-01-01 00:00:00.000')`);
      await sql(
        `INSERT INTO claims (id, article_id, quote, prefix, suffix, start_offset, end_offset) VALUES (1, 2, 'B', '', '', 0, 1)`,
      );
      await sql(`INSERT INTO sources (id, url, title, kind) VALUES (1, 'https://example.org/1', 'S1', 'OTHER'), (2, 'https://example.org/2', 'S2', 'OTHER'),
        (3, 'https://example.org/3', 'S3', 'OTHER'), (4, 'https://example.org/4', 'S4', 'OTHER')`);
      await sql(
        `INSERT INTO annotations (id, claim_id, author_id, verdict, summary, body, status, version, published_at) VALUES (1, 1, 1, 'TRUE', 's', 'b', 'PUBLISHED', 5, '2024-01-07 00:00:00.000')`,
      );
      await sql(
        `INSERT INTO citations (annotation_id, source_id, stance, excerpt, position) VALUES (1, 3, 'SUPPORTS', 'e', 0)`,
      );
      // Published on the draft citing S1, changed to S2 before the article went out, then to S3.
      await sql(`INSERT INTO annotation_revisions (annotation_id, version, change, verdict, summary, body, status, citations, actor_id, created_at) VALUES
        (1, 1, 'CREATED', 'TRUE', 's', 'b', 'DRAFT', '${snapshot(1)}', 1, '2024-01-05 00:00:00.000'),
        (1, 2, 'SUBMITTED', 'TRUE', 's', 'b', 'IN_REVIEW', '${snapshot(1)}', 1, '2024-01-06 00:00:00.000'),
        (1, 3, 'PUBLISHED', 'TRUE', 's', 'b', 'PUBLISHED', '${snapshot(1)}', 2, '2024-01-07 00:00:00.000'),
        (1, 4, 'UPDATED', 'TRUE', 's', 'b', 'PUBLISHED', '${snapshot(2)}', 2, '2024-02-15 00:00:00.000'),
        (1, 5, 'UPDATED', 'TRUE', 's', 'b', 'PUBLISHED', '${snapshot(3)}', 2, '2024-05-01 00:00:00.000')`);
      for (const Migration of db.rest) await new Migration().up(db.runner);

      const changes = (await sql(
        'SELECT article_id, status, created_at FROM article_status_changes ORDER BY article_id',
      )) as { article_id: number; status: string; created_at: unknown }[];
      expect(changes.map((row) => [row.article_id, row.status, iso(row.created_at)])).toEqual([
        [1, 'PUBLISHED', '2024-01-01T00:00:00.000Z'],
        [2, 'PUBLISHED', '2024-03-01T00:00:00.000Z'],
      ]);
      const revisions = (await sql(
        'SELECT article_id, number, public_at FROM article_revisions ORDER BY article_id, number',
      )) as { article_id: number; number: number; public_at: unknown }[];
      expect(revisions.map((row) => [row.article_id, row.number, iso(row.public_at)])).toEqual([
        [1, 1, '2024-01-01T00:00:00.000Z'],
        [1, 2, '2024-02-01T00:00:00.000Z'],
        [2, 1, null],
        [2, 2, '2024-03-01T00:00:00.000Z'],
        [2, 3, '2024-04-01T00:00:00.000Z'],
        [3, 1, null],
      ]);
      const versions = (await sql('SELECT version, public_at FROM annotation_revisions ORDER BY version')) as {
        version: number;
        public_at: unknown;
      }[];
      expect(versions.map((row) => iso(row.public_at))).toEqual([
        null,
        null,
        null,
        '2024-03-01T00:00:00.000Z',
        '2024-05-01T00:00:00.000Z',
      ]);
      const sources = (await sql('SELECT id, public_at FROM sources ORDER BY id')) as {
        id: number;
        public_at: unknown;
      }[];
      expect(sources.map((row) => iso(row.public_at))).toEqual([
        null,
        '2024-03-01T00:00:00.000Z',
        '2024-05-01T00:00:00.000Z',
        null,
      ]);
    } finally {
      await db.close();
    }
  });
});
