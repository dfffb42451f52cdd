import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search on PostgreSQL, what FullTextSearch and PhraseIndex built on SQLite: one row
 * per searchable field in search_documents, kept in step with articles, claims, fact-checks
 * and sources by triggers, with two tsvectors over it in GIN indexes: `stemmed` (English
 * snowball: "checks" finds "checked") and `unstemmed` (exact words, for prefixes and phrases).
 * No `kind` column: FTS5 needed the type as a token to filter inside MATCH; here the type
 * filter is a plain condition on `type`. Nothing to do on SQLite, where those migrations built it.
 *
 * Both fold diacritics as SQLite's remove_diacritics does, through the unaccent dictionary (a
 * contrib extension shipped with PostgreSQL, trusted: a role that may create in the database
 * may install it). It is created once per database in `public` and shared by every schema,
 * so down() leaves it.
 *
 * The text is indexed as SQLite's unicode61 tokenizer sees it, words split by punctuation
 * (search_words): PostgreSQL's parser alone keeps "example.org", "3.5" or "well-known" as
 * single lexemes, which the query language (search-query.ts, words split on punctuation)
 * never asks for. Stop words are kept, as SQLite's porter stemmer keeps them: "to be or not to
 * be" is a search.
 */
const FIELDS: Record<string, { type: string; fields: string[]; live?: string }> = {
  articles: { type: 'ARTICLE', fields: ['headline', 'standfirst', 'body'] },
  claims: { type: 'CLAIM', fields: ['quote', 'claimant'], live: 'deleted_at IS NULL' },
  annotations: { type: 'ANNOTATION', fields: ['summary', 'body'] },
  sources: { type: 'SOURCE', fields: ['title', 'publisher'] },
};

/** ASCII punctuation: what PostgreSQL's parser joins words with ("example.org", "3.5", "well-known", "a_b"). */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * search_words(text): the text with each ASCII punctuation character a space, so the parser
 * sees the words SQLite's tokenizer sees, at the same character offsets (snippets rely on that:
 * postgres-search-index.ts). Other punctuation already separates words for the parser.
 */
async function createWordsFunction(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE FUNCTION search_words(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN translate($1, '${PUNCTUATION.replace(/'/g, "''")}', '${' '.repeat(PUNCTUATION.length)}')`,
  );
}

/** What the tsvectors index: search_words of the text, composed (NFC) first so an accent stays on its letter. */
const WORDS = 'search_words(normalize(text, NFC))';

/**
 * The SELECT of the searchable fields of `row` (NEW in a trigger, or each row of the table
 * itself in the backfill, from `from`), as (type, ref_id, field, text).
 */
function documentsOf(table: string, row: string, from = ''): string {
  const { type, fields, live } = FIELDS[table];
  const values = fields.map((field) => `('${field}', ${row}."${field}"::text)`).join(', ');
  const source = from
    ? `"${from}" ${row} CROSS JOIN LATERAL (VALUES ${values}) f(field, text)`
    : `(VALUES ${values}) f(field, text)`;
  return `SELECT '${type}', ${row}.id, f.field, f.text FROM ${source} WHERE f.text IS NOT NULL AND f.text <> ''${live ? ` AND ${row}.${live}` : ''}`;
}

/** Text search configurations: PostgreSQL's, with unaccent before the stemmer, stop words kept, no hyphenated compounds. */
async function createConfigurations(queryRunner: QueryRunner): Promise<void> {
  // Two schemas migrating at once (tests) would race to create the one extension.
  await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('factline_unaccent'))`);
  await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
  const [{ schema }] = (await queryRunner.query(
    `SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'unaccent'`,
  )) as { schema: string }[];
  await queryRunner.query(
    `CREATE TEXT SEARCH DICTIONARY search_english_stem (TEMPLATE = snowball, LANGUAGE = english)`,
  );
  for (const [name, copy, dictionary] of [
    ['search_english', 'english', 'search_english_stem'],
    ['search_simple', 'simple', 'simple'],
  ]) {
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = pg_catalog.${copy})`);
    // The parts of "well-known" are words at their own positions, as on SQLite; the whole is no lexeme.
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION ${name} DROP MAPPING IF EXISTS FOR asciihword, hword, numhword`,
    );
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR asciiword, hword_asciipart WITH ${dictionary}`,
    );
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR word, hword_part WITH ${schema}.unaccent, ${dictionary}`,
    );
  }
}

export class PostgresSearch1796000000001 implements MigrationInterface {
  name = 'PostgresSearch1796000000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await createConfigurations(queryRunner);
    await createWordsFunction(queryRunner);
    await queryRunner.query(
      `CREATE TABLE search_documents (
        id SERIAL NOT NULL,
        type varchar(16) NOT NULL,
        ref_id integer NOT NULL,
        field varchar(16) NOT NULL,
        text text NOT NULL,
        stemmed tsvector GENERATED ALWAYS AS (to_tsvector('search_english'::regconfig, ${WORDS})) STORED,
        unstemmed tsvector GENERATED ALWAYS AS (to_tsvector('search_simple'::regconfig, ${WORDS})) STORED,
        CONSTRAINT "PK_search_documents" PRIMARY KEY (id)
      )`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_search_documents_ref" ON search_documents (type, ref_id, field)`);
    await queryRunner.query(`CREATE INDEX "IDX_search_documents_stemmed" ON search_documents USING GIN (stemmed)`);
    await queryRunner.query(`CREATE INDEX "IDX_search_documents_unstemmed" ON search_documents USING GIN (unstemmed)`);
    for (const [table, { type, fields, live }] of Object.entries(FIELDS)) {
      // As on SQLite: an update of a searchable field (or of deleted_at) replaces the object's
      // documents. The search path is the schema's own, whatever that of the session that writes.
      await queryRunner.query(`CREATE FUNCTION search_${table}_sync() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN
            DELETE FROM search_documents WHERE type = '${type}' AND ref_id = OLD.id;
          END IF;
          IF TG_OP <> 'DELETE' THEN
            INSERT INTO search_documents (type, ref_id, field, text) ${documentsOf(table, 'NEW')};
          END IF;
          RETURN NULL;
        END $$`);
      const columns = [...fields, ...(live ? ['deleted_at'] : [])].map((column) => `"${column}"`).join(', ');
      await queryRunner.query(
        `CREATE TRIGGER search_${table} AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON "${table}" FOR EACH ROW EXECUTE FUNCTION search_${table}_sync()`,
      );
      // What is already there, oldest first: the recent path takes higher ids as newer.
      await queryRunner.query(
        `INSERT INTO search_documents (type, ref_id, field, text) ${documentsOf(table, 't', table)} ORDER BY t.id`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const table of Object.keys(FIELDS).reverse()) {
      await queryRunner.query(`DROP TRIGGER search_${table} ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION search_${table}_sync()`);
    }
    await queryRunner.query(`DROP TABLE search_documents`);
    await queryRunner.query(`DROP FUNCTION search_words(text)`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION search_simple`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION search_english`);
    await queryRunner.query(`DROP TEXT SEARCH DICTIONARY search_english_stem`);
  }
}
