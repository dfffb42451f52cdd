import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search (SQLite FTS5). One row per searchable field in search_documents, kept in
 * step with articles, claims, fact-checks and sources by triggers; two external-content FTS5
 * indexes over it: unicode61 without diacritics (prefix queries) and the same with the porter
 * stemmer ("checks" finds "checked"). The kind column holds one token per document type so a
 * type filter is part of the MATCH itself, not a filter applied after it.
 */
const FIELDS: Record<string, { type: string; kind: string; fields: string[]; live?: string }> = {
  articles: { type: 'ARTICLE', kind: 'article', fields: ['headline', 'standfirst', 'body'] },
  claims: { type: 'CLAIM', kind: 'claim', fields: ['quote', 'claimant'], live: 'deleted_at IS NULL' },
  annotations: { type: 'ANNOTATION', kind: 'annotation', fields: ['summary', 'body'] },
  sources: { type: 'SOURCE', kind: 'source', fields: ['title', 'publisher'] },
};

/**
 * INSERT ... SELECT of the searchable fields of `row`: NEW in a trigger, or each row of the
 * table itself for the backfill (`from` = the table). One SELECT per field: SQLite has no
 * LATERAL join to unpivot a row.
 */
function documentsOf(table: string, row: string, from = ''): string {
  const { type, kind, fields, live } = FIELDS[table];
  const selects = fields.map(
    (field) =>
      `SELECT '${type}', ${row}.id, '${field}', ${row}."${field}", '${kind}'${from ? ` FROM "${from}" ${row}` : ''} WHERE ${row}."${field}" IS NOT NULL AND ${row}."${field}" <> ''${live ? ` AND ${row}.${live}` : ''}`,
  );
  return `INSERT INTO search_documents (type, ref_id, field, text, kind) ${selects.join(' UNION ALL ')}`;
}

export class FullTextSearch1795831564729 implements MigrationInterface {
  name = 'FullTextSearch1795831564729';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_documents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(16) NOT NULL, "ref_id" integer NOT NULL, "field" varchar(16) NOT NULL, "text" text NOT NULL, "kind" varchar(16) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_search_documents_ref" ON "search_documents" ("type", "ref_id", "field")`,
    );
    // Prefix queries (ukrain*) run on the unstemmed index; its prefix indexes spare FTS5 from
    // expanding every matching term (1 s at a million claims for a three-letter prefix).
    for (const [name, options] of [
      ['search_fts', "tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5'"],
      ['search_fts_stem', "tokenize='porter unicode61 remove_diacritics 2'"],
    ]) {
      await queryRunner.query(
        `CREATE VIRTUAL TABLE "${name}" USING fts5(text, kind, content='search_documents', content_rowid='id', ${options})`,
      );
    }
    await queryRunner.query(`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_fts (rowid, text, kind) VALUES (new.id, new.text, new.kind);
      INSERT INTO search_fts_stem (rowid, text, kind) VALUES (new.id, new.text, new.kind);
    END`);
    await queryRunner.query(`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_fts (search_fts, rowid, text, kind) VALUES ('delete', old.id, old.text, old.kind);
      INSERT INTO search_fts_stem (search_fts_stem, rowid, text, kind) VALUES ('delete', old.id, old.text, old.kind);
    END`);
    await queryRunner.query(`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      INSERT INTO search_fts (search_fts, rowid, text, kind) VALUES ('delete', old.id, old.text, old.kind);
      INSERT INTO search_fts_stem (search_fts_stem, rowid, text, kind) VALUES ('delete', old.id, old.text, old.kind);
      INSERT INTO search_fts (rowid, text, kind) VALUES (new.id, new.text, new.kind);
      INSERT INTO search_fts_stem (rowid, text, kind) VALUES (new.id, new.text, new.kind);
    END`);
    for (const [table, { type, fields, live }] of Object.entries(FIELDS)) {
      const columns = fields.map((field) => `"${field}"`).join(', ');
      await queryRunner.query(
        `CREATE TRIGGER search_${table}_ai AFTER INSERT ON "${table}" BEGIN ${documentsOf(table, 'new')}; END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER search_${table}_au AFTER UPDATE OF ${columns}${live ? ', "deleted_at"' : ''} ON "${table}" BEGIN
          DELETE FROM search_documents WHERE type = '${type}' AND ref_id = old.id;
          ${documentsOf(table, 'new')};
        END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER search_${table}_ad AFTER DELETE ON "${table}" BEGIN DELETE FROM search_documents WHERE type = '${type}' AND ref_id = old.id; END`,
      );
      // What is already there.
      await queryRunner.query(documentsOf(table, 't', table));
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(FIELDS).reverse()) {
      for (const suffix of ['ad', 'au', 'ai']) await queryRunner.query(`DROP TRIGGER "search_${table}_${suffix}"`);
    }
    for (const suffix of ['au', 'ad', 'ai']) await queryRunner.query(`DROP TRIGGER "search_documents_${suffix}"`);
    await queryRunner.query(`DROP TABLE "search_fts_stem"`);
    await queryRunner.query(`DROP TABLE "search_fts"`);
    await queryRunner.query(`DROP INDEX "IDX_search_documents_ref"`);
    await queryRunner.query(`DROP TABLE "search_documents"`);
  }
}
