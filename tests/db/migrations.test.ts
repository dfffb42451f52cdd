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
      const tables = await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'migrations'");
      expect(tables).toEqual([]);
      // And up again from nothing.
      expect(await dataSource.runMigrations()).toHaveLength(MIGRATIONS.length);
    } finally {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('each migration has a down()', () => {
    for (const Migration of MIGRATIONS) expect(typeof new Migration().down).toBe('function');
  });
});
