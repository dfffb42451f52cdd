import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { MIGRATIONS, POSTGRES_MIGRATIONS } from '../../migrations';
import { sqliteDataSource } from '../../src/db/database';
import { quoteIdentifier } from '../../src/db/identifiers';
import { postgresDataSource } from '../../src/db/postgres';
import { TEST_DATABASE_URL } from '../helpers/test-app';

/** Claimants: free-text claimants become records on an upgrade, and down() writes them back as text. */
describe('the Claimants migration', () => {
  it('turns each distinct claimant into a record, links claims and history, keeps every row, and undoes it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-claimants-'));
    const dataSource = sqliteDataSource(path.join(dir, 'c.db'), 'write');
    await dataSource.initialize();
    try {
      const runner = dataSource.createQueryRunner();
      const index = MIGRATIONS.findIndex((migration) => migration.name.startsWith('Claimants'));
      expect(index).toBeGreaterThan(0);
      for (const Migration of MIGRATIONS.slice(0, index)) await new Migration().up(runner);
      await runner.query(`INSERT INTO users (name, role) VALUES ('R', 'REVIEWER')`);
      await runner.query(
        `INSERT INTO articles (slug, headline, body, authors, language, status) VALUES ('a', 'H', 'One two three four', '[]', 'en', 'PUBLISHED')`,
      );
      const claimants = ['Joe Biden', 'joe  BIDEN', 'Joe Biden', 'Kremlin', null];
      for (const claimant of claimants)
        await runner.query(
          `INSERT INTO claims (article_id, quote, prefix, suffix, start_offset, end_offset, claimant) VALUES (1, 'One', '', '', 0, 3, ?)`,
          [claimant],
        );
      await runner.query(
        `INSERT INTO claim_anchors (claim_id, article_revision, status, quote, claimant, prefix, suffix, start_offset, end_offset, checked_revision)
         SELECT id, 1, 'ANCHORED', quote, claimant, '', '', 0, 3, 1 FROM claims`,
      );
      // A name only the history still holds.
      await runner.query(
        `INSERT INTO claim_anchors (claim_id, article_revision, status, quote, claimant, prefix, suffix, start_offset, end_offset, checked_revision) VALUES (4, 1, 'ANCHORED', 'One', 'Dmitry Peskov', '', '', 0, 3, 1)`,
      );
      await runner.query(
        `INSERT INTO annotations (claim_id, author_id, verdict, summary, body, status) VALUES (1, 1, 'FALSE', 's', 'b', 'PUBLISHED')`,
      );
      await new MIGRATIONS[index]().up(runner);
      expect(await dataSource.query(`SELECT name, name_key, slug, search_keys FROM claimants ORDER BY id`)).toEqual([
        { name: 'Joe Biden', name_key: 'joe biden', slug: 'joe-biden', search_keys: 'joe biden' },
        { name: 'Kremlin', name_key: 'kremlin', slug: 'kremlin', search_keys: 'kremlin' },
        { name: 'Dmitry Peskov', name_key: 'dmitry peskov', slug: 'dmitry-peskov', search_keys: 'dmitry peskov' },
      ]);
      expect(
        await dataSource.query(
          `SELECT c.id, cl.name FROM claims c LEFT JOIN claimants cl ON cl.id = c.claimant_id ORDER BY c.id`,
        ),
      ).toEqual([
        { id: 1, name: 'Joe Biden' },
        { id: 2, name: 'Joe Biden' },
        { id: 3, name: 'Joe Biden' },
        { id: 4, name: 'Kremlin' },
        { id: 5, name: null },
      ]);
      // The history keeps the text as written, and names the record.
      expect(
        await dataSource.query(
          `SELECT x.claimant, cl.name FROM claim_anchors x LEFT JOIN claimants cl ON cl.id = x.claimant_id ORDER BY x.id`,
        ),
      ).toEqual([
        { claimant: 'Joe Biden', name: 'Joe Biden' },
        { claimant: 'joe  BIDEN', name: 'Joe Biden' },
        { claimant: 'Joe Biden', name: 'Joe Biden' },
        { claimant: 'Kremlin', name: 'Kremlin' },
        { claimant: null, name: null },
        { claimant: 'Dmitry Peskov', name: 'Dmitry Peskov' },
      ]);
      // Nothing cascaded away with the rebuilt table; the search index reads the record's name.
      expect(await dataSource.query(`SELECT COUNT(*) AS n FROM annotations`)).toEqual([{ n: 1 }]);
      expect(
        await dataSource.query(
          `SELECT ref_id, text FROM search_documents WHERE type = 'CLAIM' AND field = 'claimant' ORDER BY ref_id`,
        ),
      ).toEqual([
        { ref_id: 1, text: 'Joe Biden' },
        { ref_id: 2, text: 'Joe Biden' },
        { ref_id: 3, text: 'Joe Biden' },
        { ref_id: 4, text: 'Kremlin' },
      ]);
      await dataSource.query(`UPDATE claimants SET name = 'President Joe Biden' WHERE slug = 'joe-biden'`);
      expect(
        await dataSource.query(`SELECT COUNT(*) AS n FROM search_documents WHERE text = 'President Joe Biden'`),
      ).toEqual([{ n: 3 }]);

      await new MIGRATIONS[index]().down(runner);
      expect(await dataSource.query(`SELECT id, claimant FROM claims ORDER BY id`)).toEqual([
        { id: 1, claimant: 'President Joe Biden' },
        { id: 2, claimant: 'President Joe Biden' },
        { id: 3, claimant: 'President Joe Biden' },
        { id: 4, claimant: 'Kremlin' },
        { id: 5, claimant: null },
      ]);
      expect(await dataSource.query(`SELECT COUNT(*) AS n FROM annotations`)).toEqual([{ n: 1 }]);
      expect(await dataSource.query(`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }]);
      // The old triggers index the text column again.
      await dataSource.query(`UPDATE claims SET claimant = 'Vladimir Putin' WHERE id = 5`);
      expect(
        await dataSource.query(
          `SELECT text FROM search_documents WHERE type = 'CLAIM' AND field = 'claimant' AND ref_id = 5`,
        ),
      ).toEqual([{ text: 'Vladimir Putin' }]);
      await runner.release();
    } finally {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The same upgrade on PostgreSQL (the suite's PostgreSQL pass), in a scratch schema. */
describe.runIf(TEST_DATABASE_URL)('the Claimants migration on PostgreSQL', () => {
  it('turns each distinct claimant into a record, links claims and history, and undoes it', async () => {
    const url = TEST_DATABASE_URL!;
    const schema = `pgclaimants_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
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
      const index = POSTGRES_MIGRATIONS.findIndex((migration) => migration.name.startsWith('Claimants'));
      for (const Migration of POSTGRES_MIGRATIONS.slice(0, index)) await new Migration().up(runner);
      await runner.query(`INSERT INTO users (name, role) VALUES ('R', 'REVIEWER')`);
      await runner.query(
        `INSERT INTO articles (slug, headline, body, authors, language, status) VALUES ('a', 'H', 'One two', '[]', 'en', 'PUBLISHED')`,
      );
      for (const claimant of ['Joe Biden', 'joe  BIDEN', 'Kremlin', null])
        await runner.query(
          `INSERT INTO claims (article_id, quote, prefix, suffix, start_offset, end_offset, claimant) VALUES (1, 'One', '', '', 0, 3, $1)`,
          [claimant],
        );
      await runner.query(
        `INSERT INTO claim_anchors (claim_id, article_revision, status, quote, claimant, prefix, suffix, start_offset, end_offset, checked_revision)
         SELECT id, 1, 'ANCHORED', quote, claimant, '', '', 0, 3, 1 FROM claims`,
      );
      await new POSTGRES_MIGRATIONS[index]().up(runner);
      expect(await runner.query(`SELECT name, name_key, slug FROM claimants ORDER BY id`)).toEqual([
        { name: 'Joe Biden', name_key: 'joe biden', slug: 'joe-biden' },
        { name: 'Kremlin', name_key: 'kremlin', slug: 'kremlin' },
      ]);
      expect(
        await runner.query(
          `SELECT c.id, cl.name, x.claimant AS written FROM claims c LEFT JOIN claimants cl ON cl.id = c.claimant_id
           JOIN claim_anchors x ON x.claim_id = c.id AND x.claimant_id IS NOT DISTINCT FROM c.claimant_id ORDER BY c.id`,
        ),
      ).toEqual([
        { id: 1, name: 'Joe Biden', written: 'Joe Biden' },
        { id: 2, name: 'Joe Biden', written: 'joe  BIDEN' },
        { id: 3, name: 'Kremlin', written: 'Kremlin' },
        { id: 4, name: null, written: null },
      ]);
      expect(
        await runner.query(
          `SELECT ref_id, text FROM search_documents WHERE type = 'CLAIM' AND field = 'claimant' ORDER BY ref_id`,
        ),
      ).toEqual([
        { ref_id: 1, text: 'Joe Biden' },
        { ref_id: 2, text: 'Joe Biden' },
        { ref_id: 3, text: 'Kremlin' },
      ]);
      await runner.query(`UPDATE claimants SET name = 'President Joe Biden' WHERE slug = 'joe-biden'`);
      expect(
        await runner.query(`SELECT count(*)::int AS n FROM search_documents WHERE text = 'President Joe Biden'`),
      ).toEqual([{ n: 2 }]);
      await new POSTGRES_MIGRATIONS[index]().down(runner);
      expect(await runner.query(`SELECT id, claimant FROM claims ORDER BY id`)).toEqual([
        { id: 1, claimant: 'President Joe Biden' },
        { id: 2, claimant: 'President Joe Biden' },
        { id: 3, claimant: 'Kremlin' },
        { id: 4, claimant: null },
      ]);
      await runner.release();
    } finally {
      await dataSource.destroy();
      await admin(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    }
  });
});
