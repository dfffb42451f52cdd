import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteDataSource } from '../../src/db/database';

/** claims_fts, the claims-only index claim matching reads on SQLite, follows every write to claims. */
describe('claims_fts', () => {
  it('holds claims alone, stemmed, and follows inserts, edits of quote and words, and deletes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-claims-fts-'));
    const dataSource = sqliteDataSource(path.join(dir, 'c.db'), 'write');
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const ids = async (match: string) =>
        (
          await dataSource.query(`SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid`, [match])
        ).map((row: { id: number }) => row.id);
      await dataSource.query(
        `INSERT INTO articles (slug, headline, body, authors, language, status) VALUES ('a', 'Plovers', 'Eleven plovers crossed the Vantrell bridge. Quintessa marched.', '[]', 'en', 'PUBLISHED')`,
      );
      await dataSource.query(
        `INSERT INTO claims (article_id, quote, prefix, suffix, start_offset, end_offset) VALUES (1, 'Eleven plovers crossed the Vantrell bridge', '', '', 0, 42)`,
      );
      expect(await ids('"plover"')).toEqual([1]);
      expect(await ids('"quintessa"')).toEqual([]);
      await dataSource.query(`UPDATE claims SET quote = 'Quintessa marched' WHERE id = 1`);
      expect(await ids('"plovers"')).toEqual([]);
      expect(await ids('"quintessa"')).toEqual([1]);
      // Its own words are indexed beside the quote, and follow every change (ClaimWordsSearchable).
      await dataSource.query(`UPDATE claims SET text = 'Ornithologists counted eleven plovers' WHERE id = 1`);
      expect(await ids('"ornithologist"')).toEqual([1]);
      expect(await ids('"quintessa"')).toEqual([1]);
      await dataSource.query(`UPDATE claims SET text = 'Nine egrets waded' WHERE id = 1`);
      expect(await ids('"ornithologist"')).toEqual([]);
      expect(await ids('"egret"')).toEqual([1]);
      await dataSource.query(`UPDATE claims SET text = NULL WHERE id = 1`);
      expect(await ids('"egret"')).toEqual([]);
      await dataSource.query(`UPDATE claims SET text = 'Nine egrets waded' WHERE id = 1`);
      await dataSource.query(`DELETE FROM claims WHERE id = 1`);
      expect(await ids('"egret"')).toEqual([]);
      expect(await ids('"quintessa"')).toEqual([]);
      // Throws when the index and claims disagree.
      await dataSource.query(`INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)`);
    } finally {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
