import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for fast exact phrases: search_phrases holds each search document's words (text)
 * and the pairs of neighbouring words (pairs, one token per pair: src/modules/search/word-pairs.ts),
 * so a phrase of very common words is looked up as a phrase of rare pair tokens.
 *
 * Contentless (the text is in search_documents) with contentless_delete, so the triggers can
 * delete by rowid. The pairs come from the SQL function factline_word_pairs, which every
 * connection that writes registers (registerSearchFunctions); a connection without it cannot
 * write searchable rows: the trigger fails and so does the write, nothing goes out of step.
 */
const FTS = ['search_fts', 'search_fts_stem'];
const insertInto = (table: string) => `INSERT INTO ${table} (rowid, text, kind) VALUES (new.id, new.text, new.kind);`;
const deleteFrom = (table: string) =>
  `INSERT INTO ${table} (${table}, rowid, text, kind) VALUES ('delete', old.id, old.text, old.kind);`;
const INSERT_PHRASES = `INSERT INTO search_phrases (rowid, text, pairs, kind) VALUES (new.id, new.text, factline_word_pairs(new.text), new.kind);`;
const DELETE_PHRASES = `DELETE FROM search_phrases WHERE rowid = old.id;`;

/** The three triggers that keep the FTS5 tables in step with search_documents. */
async function createTriggers(queryRunner: QueryRunner, withPhrases: boolean): Promise<void> {
  const inserts = [...FTS.map(insertInto), ...(withPhrases ? [INSERT_PHRASES] : [])].join('\n      ');
  const deletes = [...FTS.map(deleteFrom), ...(withPhrases ? [DELETE_PHRASES] : [])].join('\n      ');
  await queryRunner.query(`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      ${inserts}
    END`);
  await queryRunner.query(`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      ${deletes}
    END`);
  await queryRunner.query(`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      ${deletes}
      ${inserts}
    END`);
}

async function dropTriggers(queryRunner: QueryRunner): Promise<void> {
  for (const suffix of ['ai', 'ad', 'au']) await queryRunner.query(`DROP TRIGGER "search_documents_${suffix}"`);
}

export class PhraseIndex1795900000000 implements MigrationInterface {
  name = 'PhraseIndex1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "search_phrases" USING fts5(text, pairs, kind, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`,
    );
    await dropTriggers(queryRunner);
    await createTriggers(queryRunner, true);
    await queryRunner.query(
      `INSERT INTO search_phrases (rowid, text, pairs, kind) SELECT id, text, factline_word_pairs(text), kind FROM search_documents`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropTriggers(queryRunner);
    await createTriggers(queryRunner, false);
    await queryRunner.query(`DROP TABLE "search_phrases"`);
  }
}
