import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A full-text index of claims alone, for claim matching (src/modules/matching/). The shared
 * search index also holds article bodies, which contain every claim's words: probing or ranking
 * a term there reads every article that uses it, and articles crowd claims out of a ranked
 * LIMIT. SQLite: an external-content FTS5 table over claims.quote (porter, like search_fts_stem),
 * kept in step by triggers on claims; visibility (deleted, article status) is joined at query
 * time. PostgreSQL: a partial GIN index on the stemmed tsvector of claims' quote documents, so
 * probes and candidates read claims only.
 */
export class ClaimMatchingIndex1796200000002 implements MigrationInterface {
  name = 'ClaimMatchingIndex1796200000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE INDEX "IDX_search_documents_claim_quote_stemmed" ON search_documents USING GIN (stemmed) WHERE type = 'CLAIM' AND field = 'quote'`,
      );
      return;
    }
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "claims_fts" USING fts5(quote, content='claims', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
    );
    await queryRunner.query(`CREATE TRIGGER claims_fts_ai AFTER INSERT ON "claims" BEGIN
      INSERT INTO claims_fts (rowid, quote) VALUES (new.id, new.quote);
    END`);
    await queryRunner.query(`CREATE TRIGGER claims_fts_ad AFTER DELETE ON "claims" BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, quote) VALUES ('delete', old.id, old.quote);
    END`);
    await queryRunner.query(`CREATE TRIGGER claims_fts_au AFTER UPDATE OF "quote" ON "claims" BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, quote) VALUES ('delete', old.id, old.quote);
      INSERT INTO claims_fts (rowid, quote) VALUES (new.id, new.quote);
    END`);
    await queryRunner.query(`INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`DROP INDEX "IDX_search_documents_claim_quote_stemmed"`);
      return;
    }
    for (const suffix of ['au', 'ad', 'ai']) await queryRunner.query(`DROP TRIGGER "claims_fts_${suffix}"`);
    await queryRunner.query(`DROP TABLE "claims_fts"`);
  }
}
