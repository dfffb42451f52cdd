import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { sqliteDataSource } from '../../src/db/database';

describe('migrations', () => {
  it('build exactly the tables the entities describe, and every down() undoes its up()', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-migrations-'));
    const dataSource = sqliteDataSource(path.join(dir, 'm.db'), 'write');
    await dataSource.initialize();
    try {
      expect(await dataSource.runMigrations()).toHaveLength(MIGRATIONS.length);
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
      for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration();
      const tables = await dataSource.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'migrations'",
      );
      expect(tables).toEqual([]);
      // And up again from nothing.
      expect(await dataSource.runMigrations()).toHaveLength(MIGRATIONS.length);
    } finally {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('upgrading a database with data keeps every row (no table rebuild cascades)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-upgrade-'));
    const dataSource = sqliteDataSource(path.join(dir, 'u.db'), 'write');
    await dataSource.initialize();
    try {
      const runner = dataSource.createQueryRunner();
      // The first migration only, then data, then the rest.
      await new MIGRATIONS[0]().up(runner);
      await runner.query(`INSERT INTO users (name, role) VALUES ('R', 'REVIEWER')`);
      await runner.query(
        `INSERT INTO articles (slug, headline, body, authors, language, status) VALUES ('a', 'H', 'Body text', '[]', 'en', 'PUBLISHED')`,
      );
      await runner.query(
        `INSERT INTO claims (article_id, quote, prefix, suffix, start_offset, end_offset) VALUES (1, 'Body', '', ' text', 0, 4)`,
      );
      await runner.query(`INSERT INTO sources (url, title, kind) VALUES ('https://example.org/', 'S', 'OTHER')`);
      await runner.query(
        `INSERT INTO annotations (claim_id, author_id, verdict, summary, body, status) VALUES (1, 1, 'TRUE', 's', 'b', 'PUBLISHED')`,
      );
      await runner.query(
        `INSERT INTO citations (annotation_id, source_id, stance, excerpt, position) VALUES (1, 1, 'SUPPORTS', 'e', 0)`,
      );
      for (const Migration of MIGRATIONS.slice(1)) await new Migration().up(runner);
      const counts = await runner.query(
        `SELECT (SELECT COUNT(*) FROM citations) AS citations, (SELECT COUNT(*) FROM annotations) AS annotations`,
      );
      expect(counts).toEqual([{ citations: 1, annotations: 1 }]);
      await runner.release();
    } finally {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('each migration has a down()', () => {
    for (const Migration of MIGRATIONS) expect(typeof new Migration().down).toBe('function');
  });
});
