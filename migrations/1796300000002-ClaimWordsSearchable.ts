import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim is found by its own words. Since ClaimWordsOutsideAppearances a claim may carry
 * `claims.text` (its neutral words; null while the quote stands in), but search and claim
 * matching still read the quote alone: a claim whose words a reviewer rewrote was not found by
 * them. The quote stays indexed too: it is the claim as it was made, what another outlet
 * quoting the same person repeats, and what a reader remembers.
 *
 * Search: a claim gets a `text` document (only when it has words of its own; otherwise its
 * `quote` document is its words), beside `quote` and `claimant`, and its triggers re-derive its
 * documents when the text changes. A hit shows the document that matched best (text or quote).
 *
 * Claim matching: on SQLite, claims_fts indexes `text` and `quote` (external content, still over
 * `claims`, whose columns have those names, so FTS5 can rebuild it and read it back); its update
 * trigger fires on either and deletes the old values before inserting the new, as an
 * external-content table needs. On PostgreSQL the partial GIN index covers claims' text
 * documents as well as their quote documents.
 *
 * Existing rows: the text documents of claims that already have words are written here, and
 * claims_fts is rebuilt from `claims`. down() puts back the triggers, index and documents of
 * Claimants and ClaimMatchingIndex.
 */

/** The INSERT of a claim's documents on SQLite (`row`: new in a trigger), the text's first when `withText`. */
function sqliteClaimDocuments(row: string, withText: boolean): string {
  const live = `${row}.deleted_at IS NULL`;
  const claimant = `(SELECT cl.name FROM claimants cl WHERE cl.id = ${row}.claimant_id)`;
  const fields: [string, string][] = [
    ...(withText ? ([['text', `${row}."text"`]] as [string, string][]) : []),
    ['quote', `${row}."quote"`],
    ['claimant', claimant],
  ];
  const selects = fields.map(
    ([field, value]) =>
      `SELECT 'CLAIM', ${row}.id, '${field}', ${value}, 'claim' WHERE ${value} IS NOT NULL AND ${value} <> '' AND ${live}`,
  );
  return `INSERT INTO search_documents (type, ref_id, field, text, kind)\n    ${selects.join('\n    UNION ALL ')}`;
}

/** The search triggers of claims on SQLite (as Claimants made them, plus the text when `withText`). */
async function sqliteSearchTriggers(queryRunner: QueryRunner, withText: boolean): Promise<void> {
  for (const suffix of ['ai', 'au', 'ad']) await queryRunner.query(`DROP TRIGGER "search_claims_${suffix}"`);
  const columns = `"quote", ${withText ? '"text", ' : ''}"claimant_id", "deleted_at"`;
  await queryRunner.query(
    `CREATE TRIGGER search_claims_ai AFTER INSERT ON "claims" BEGIN ${sqliteClaimDocuments('new', withText)}; END`,
  );
  await queryRunner.query(`CREATE TRIGGER search_claims_au AFTER UPDATE OF ${columns} ON "claims" BEGIN
      DELETE FROM search_documents WHERE type = 'CLAIM' AND ref_id = old.id;
      ${sqliteClaimDocuments('new', withText)};
    END`);
  await queryRunner.query(
    `CREATE TRIGGER search_claims_ad AFTER DELETE ON "claims" BEGIN DELETE FROM search_documents WHERE type = 'CLAIM' AND ref_id = old.id; END`,
  );
}

/**
 * claims_fts over `columns` of claims (external content), with its triggers, filled from the
 * table. An external-content index holds only what its triggers told it: a 'delete' must name
 * the values the row was indexed with (old.*), and an update is a delete then an insert.
 */
async function sqliteClaimsFts(queryRunner: QueryRunner, columns: string[]): Promise<void> {
  for (const suffix of ['au', 'ad', 'ai']) await queryRunner.query(`DROP TRIGGER "claims_fts_${suffix}"`);
  await queryRunner.query(`DROP TABLE "claims_fts"`);
  await queryRunner.query(
    `CREATE VIRTUAL TABLE "claims_fts" USING fts5(${columns.join(', ')}, content='claims', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
  );
  const list = columns.join(', ');
  const of = (row: string) => columns.map((column) => `${row}."${column}"`).join(', ');
  const insert = `INSERT INTO claims_fts (rowid, ${list}) VALUES (new.id, ${of('new')});`;
  const remove = `INSERT INTO claims_fts (claims_fts, rowid, ${list}) VALUES ('delete', old.id, ${of('old')});`;
  await queryRunner.query(`CREATE TRIGGER claims_fts_ai AFTER INSERT ON "claims" BEGIN
      ${insert}
    END`);
  await queryRunner.query(`CREATE TRIGGER claims_fts_ad AFTER DELETE ON "claims" BEGIN
      ${remove}
    END`);
  await queryRunner.query(`CREATE TRIGGER claims_fts_au AFTER UPDATE OF ${columns.map((column) => `"${column}"`).join(', ')} ON "claims" BEGIN
      ${remove}
      ${insert}
    END`);
  await queryRunner.query(`INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')`);
}

/** search_claims_sync() and its trigger on PostgreSQL (as Claimants made them, plus the text when `withText`). */
async function postgresSearchTrigger(queryRunner: QueryRunner, withText: boolean): Promise<void> {
  const values = [
    ...(withText ? [`('text', NEW."text"::text)`] : []),
    `('quote', NEW."quote"::text)`,
    `('claimant', (SELECT cl.name::text FROM claimants cl WHERE cl.id = NEW.claimant_id))`,
  ].join(', ');
  const columns = `"quote", ${withText ? '"text", ' : ''}"claimant_id", "deleted_at"`;
  await queryRunner.query(`DROP TRIGGER search_claims ON "claims"`);
  await queryRunner.query(`CREATE OR REPLACE FUNCTION search_claims_sync() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_documents WHERE type = 'CLAIM' AND ref_id = OLD.id;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_documents (type, ref_id, field, text)
          SELECT 'CLAIM', NEW.id, f.field, f.text FROM (VALUES ${values}) f(field, text)
          WHERE f.text IS NOT NULL AND f.text <> '' AND NEW.deleted_at IS NULL;
      END IF;
      RETURN NULL;
    END $$`);
  await queryRunner.query(
    `CREATE TRIGGER search_claims AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON "claims" FOR EACH ROW EXECUTE FUNCTION search_claims_sync()`,
  );
}

/**
 * Writes the text documents of the claims that have words of their own, oldest first (the
 * recent path of search takes higher ids as newer). SQLite's documents carry the type token.
 */
async function insertTextDocuments(queryRunner: QueryRunner, postgres: boolean): Promise<void> {
  await queryRunner.query(
    `INSERT INTO search_documents (type, ref_id, field, text${postgres ? '' : ', kind'})
     SELECT 'CLAIM', c.id, 'text', c."text"${postgres ? '' : ", 'claim'"} FROM "claims" c
     WHERE c."text" IS NOT NULL AND c."text" <> '' AND c.deleted_at IS NULL ORDER BY c.id`,
  );
}

export class ClaimWordsSearchable1796300000002 implements MigrationInterface {
  name = 'ClaimWordsSearchable1796300000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await postgresSearchTrigger(queryRunner, true);
      await insertTextDocuments(queryRunner, true);
      await queryRunner.query(`DROP INDEX "IDX_search_documents_claim_quote_stemmed"`);
      await queryRunner.query(
        `CREATE INDEX "IDX_search_documents_claim_words_stemmed" ON search_documents USING GIN (stemmed) WHERE type = 'CLAIM' AND field IN ('quote', 'text')`,
      );
      return;
    }
    await sqliteSearchTriggers(queryRunner, true);
    await insertTextDocuments(queryRunner, false);
    await sqliteClaimsFts(queryRunner, ['text', 'quote']);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`DROP INDEX "IDX_search_documents_claim_words_stemmed"`);
      await queryRunner.query(
        `CREATE INDEX "IDX_search_documents_claim_quote_stemmed" ON search_documents USING GIN (stemmed) WHERE type = 'CLAIM' AND field = 'quote'`,
      );
      await postgresSearchTrigger(queryRunner, false);
      await queryRunner.query(`DELETE FROM search_documents WHERE type = 'CLAIM' AND field = 'text'`);
      return;
    }
    await sqliteClaimsFts(queryRunner, ['quote']);
    await sqliteSearchTriggers(queryRunner, false);
    await queryRunner.query(`DELETE FROM search_documents WHERE type = 'CLAIM' AND field = 'text'`);
  }
}
