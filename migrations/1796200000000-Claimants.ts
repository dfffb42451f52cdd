import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claimants as records. Each distinct free-text claimant (of claims and of their history,
 * compared case- and space-insensitively) becomes a row of `claimants`; claims point at it
 * (`claims.claimant_id`, the text column goes: the record is the name's one home), and each
 * history row (`claim_anchors`) keeps the text as it was written and gains the record it
 * named. down() writes the names back as text.
 *
 * The search index took a claim's claimant from its text column: its triggers now read the
 * record's name, and a rename rewrites the documents of the claimant's claims.
 *
 * SQLite cannot add a named foreign key to a table, so `claims` is rebuilt, with foreign keys
 * off (the documented procedure): dropping the old table would otherwise cascade into every
 * fact-check, citation and anchor. That pragma is ignored inside a transaction, so this
 * migration runs its own.
 */
const SQLITE_CLAIMS_COLUMNS = `"id", "article_id", "quote", "prefix", "suffix", "start_offset", "end_offset", "verdict", "created_at", "updated_at", "anchor_status", "anchor_score", "anchor_exact", "checked_revision", "deleted_at", "external_id"`;
const SQLITE_CLAIMS_INDEXES = [
  `CREATE UNIQUE INDEX "IDX_claims_external_id" ON "claims" ("external_id") `,
  `CREATE INDEX "IDX_claims_article_position" ON "claims" ("article_id", "start_offset", "id") `,
  `CREATE INDEX "IDX_claims_verdict" ON "claims" ("verdict") `,
];

/** The claim's search documents on SQLite, with the claimant's name read from `claimant` (an expression of `row`). */
function sqliteClaimDocuments(row: string, claimant: string, from = ''): string {
  const live = `${row}.deleted_at IS NULL`;
  const source = from ? ` FROM "${from}" ${row}` : '';
  return `INSERT INTO search_documents (type, ref_id, field, text, kind)
    SELECT 'CLAIM', ${row}.id, 'quote', ${row}."quote", 'claim'${source} WHERE ${row}."quote" IS NOT NULL AND ${row}."quote" <> '' AND ${live}
    UNION ALL SELECT 'CLAIM', ${row}.id, 'claimant', ${claimant}, 'claim'${source} WHERE ${claimant} IS NOT NULL AND ${claimant} <> '' AND ${live}`;
}

async function sqliteClaimTriggers(queryRunner: QueryRunner, claimant: (row: string) => string, columns: string) {
  await queryRunner.query(
    `CREATE TRIGGER search_claims_ai AFTER INSERT ON "claims" BEGIN ${sqliteClaimDocuments('new', claimant('new'))}; END`,
  );
  await queryRunner.query(`CREATE TRIGGER search_claims_au AFTER UPDATE OF ${columns} ON "claims" BEGIN
      DELETE FROM search_documents WHERE type = 'CLAIM' AND ref_id = old.id;
      ${sqliteClaimDocuments('new', claimant('new'))};
    END`);
  await queryRunner.query(
    `CREATE TRIGGER search_claims_ad AFTER DELETE ON "claims" BEGIN DELETE FROM search_documents WHERE type = 'CLAIM' AND ref_id = old.id; END`,
  );
}

const recordName = (row: string) => `(SELECT cl.name FROM claimants cl WHERE cl.id = ${row}.claimant_id)`;

/** The key two spellings of a claimant share (the service's nameKeyOf, as of this migration). */
function nameKeyOf(name: string): string {
  // Final sigma folds to sigma: lower-casing picks one or the other by what follows the letter.
  return name.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ').normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'claimant';
}

/** Runs `work` in a transaction: the caller's if one is open, else its own. */
async function inTransaction(queryRunner: QueryRunner, work: () => Promise<void>): Promise<void> {
  if (queryRunner.isTransactionActive) return work();
  await queryRunner.startTransaction();
  try {
    await work();
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  }
}

/**
 * Runs `work` in a transaction of its own with SQLite's foreign keys off, checking them before
 * it commits. A transaction the migration runner opened (down()) is committed first: nothing
 * has been done in it yet, and the pragma cannot change inside it.
 */
async function withoutForeignKeys(queryRunner: QueryRunner, work: () => Promise<void>): Promise<void> {
  const reopen = queryRunner.isTransactionActive;
  if (reopen) await queryRunner.commitTransaction();
  await queryRunner.query('PRAGMA foreign_keys = OFF');
  try {
    await inTransaction(queryRunner, async () => {
      await work();
      const broken = (await queryRunner.query('PRAGMA foreign_key_check')) as unknown[];
      if (broken.length > 0) throw new Error(`Claimants: ${broken.length} rows would break a foreign key.`);
    });
  } finally {
    await queryRunner.query('PRAGMA foreign_keys = ON');
    if (reopen) await queryRunner.startTransaction();
  }
}

/**
 * One claimant per name key among the texts of claims and their history, the spelling most
 * claims use as its name; returns the table of text -> claimant id the updates join.
 */
async function createClaimants(queryRunner: QueryRunner, postgres: boolean): Promise<void> {
  const texts = (await queryRunner.query(
    `SELECT t.claimant AS text, SUM(t.n) AS n FROM (
       SELECT claimant, COUNT(*) AS n FROM claims WHERE claimant IS NOT NULL GROUP BY claimant
       UNION ALL SELECT claimant, 0 AS n FROM claim_anchors WHERE claimant IS NOT NULL GROUP BY claimant
     ) t GROUP BY t.claimant ORDER BY SUM(t.n) DESC, t.claimant`,
  )) as { text: string; n: number | string }[];
  const byKey = new Map<string, string[]>();
  for (const { text } of texts) {
    const key = nameKeyOf(text);
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), text]);
  }
  await queryRunner.query(
    `CREATE TABLE claimant_texts (text varchar(200) NOT NULL PRIMARY KEY, claimant_id integer NOT NULL)`,
  );
  const slugs = new Set<string>();
  const param = (n: number) => (postgres ? `$${n}` : '?');
  for (const [key, spellings] of byKey) {
    const name = spellings[0].normalize('NFC').replace(/\s+/gu, ' ').trim();
    const base = slugOf(name);
    let slug = base;
    for (let n = 2; slugs.has(slug); n += 1) slug = `${base.slice(0, 80 - `-${n}`.length).replace(/-+$/, '')}-${n}`;
    slugs.add(slug);
    const [{ id }] = (await queryRunner.query(
      `INSERT INTO claimants (slug, name, name_key, aliases, search_keys, kind) VALUES (${param(1)}, ${param(2)}, ${param(3)}, '[]', ${param(4)}, 'PERSON') RETURNING id`,
      [slug, name, key, key],
    )) as { id: number }[];
    for (const text of spellings)
      await queryRunner.query(`INSERT INTO claimant_texts (text, claimant_id) VALUES (${param(1)}, ${param(2)})`, [
        text,
        id,
      ]);
  }
}

const claimantOfText = (row: string) => `(SELECT m.claimant_id FROM claimant_texts m WHERE m.text = ${row}.claimant)`;

export class Claimants1796200000000 implements MigrationInterface {
  name = 'Claimants1796200000000';
  /** SQLite's part must run with foreign keys off, which only works outside a transaction: each part opens its own. */
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres')
      return inTransaction(queryRunner, () => upPostgres(queryRunner));
    return withoutForeignKeys(queryRunner, () => upSqlite(queryRunner));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres')
      return inTransaction(queryRunner, () => downPostgres(queryRunner));
    return withoutForeignKeys(queryRunner, () => downSqlite(queryRunner));
  }
}

async function upSqlite(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "claimants" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "name_key" varchar(200), "aliases" text NOT NULL DEFAULT ('[]'), "search_keys" text NOT NULL, "description" varchar(500), "wikidata_id" varchar(20), "kind" varchar(16) NOT NULL DEFAULT ('PERSON'), "merged_into_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_b4b75ba86863825794bbdd40615" FOREIGN KEY ("merged_into_id") REFERENCES "claimants" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
  );
  await queryRunner.query(`CREATE UNIQUE INDEX "IDX_claimants_slug" ON "claimants" ("slug") `);
  await queryRunner.query(`CREATE UNIQUE INDEX "IDX_claimants_name_key" ON "claimants" ("name_key") `);
  await createClaimants(queryRunner, false);

  await queryRunner.query(`ALTER TABLE "claim_anchors" ADD COLUMN "claimant_id" integer`);
  await queryRunner.query(`UPDATE claim_anchors SET claimant_id = ${claimantOfText('claim_anchors')}`);
  await queryRunner.query(`CREATE INDEX "IDX_claim_anchors_claimant" ON "claim_anchors" ("claimant_id") `);

  await queryRunner.query(
    `CREATE TABLE "temporary_claims" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "quote" text NOT NULL, "prefix" text NOT NULL, "suffix" text NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "claimant_id" integer, "verdict" varchar(16), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "anchor_status" varchar(16) NOT NULL DEFAULT ('ANCHORED'), "anchor_score" real, "anchor_exact" text, "checked_revision" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "external_id" varchar(255), CONSTRAINT "FK_ff3bdbf055a3814b14ac5bfc6b8" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d036d8b74e0510ea3779a504f90" FOREIGN KEY ("claimant_id") REFERENCES "claimants" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
  );
  await queryRunner.query(
    `INSERT INTO "temporary_claims" (${SQLITE_CLAIMS_COLUMNS}, "claimant_id") SELECT ${SQLITE_CLAIMS_COLUMNS}, ${claimantOfText('claims')} FROM "claims"`,
  );
  // Its indexes and search triggers go with it.
  await queryRunner.query(`DROP TABLE "claims"`);
  await queryRunner.query(`ALTER TABLE "temporary_claims" RENAME TO "claims"`);
  for (const index of SQLITE_CLAIMS_INDEXES) await queryRunner.query(index);
  await queryRunner.query(`CREATE INDEX "IDX_claims_claimant" ON "claims" ("claimant_id") `);
  await queryRunner.query(`DROP TABLE claimant_texts`);

  await sqliteClaimTriggers(queryRunner, recordName, `"quote", "claimant_id", "deleted_at"`);
  await queryRunner.query(`CREATE TRIGGER search_claimants_au AFTER UPDATE OF "name" ON "claimants" BEGIN
      UPDATE search_documents SET text = new.name WHERE type = 'CLAIM' AND field = 'claimant'
        AND ref_id IN (SELECT c.id FROM claims c WHERE c.claimant_id = new.id);
    END`);
  // The documents now carry the record's spelling.
  await queryRunner.query(
    `UPDATE search_documents SET text = (SELECT cl.name FROM claims c JOIN claimants cl ON cl.id = c.claimant_id WHERE c.id = search_documents.ref_id)
     WHERE type = 'CLAIM' AND field = 'claimant'`,
  );
}

async function downSqlite(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TRIGGER search_claimants_au`);
  await queryRunner.query(
    `CREATE TABLE "temporary_claims" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "quote" text NOT NULL, "prefix" text NOT NULL, "suffix" text NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "claimant" varchar(200), "verdict" varchar(16), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "anchor_status" varchar(16) NOT NULL DEFAULT ('ANCHORED'), "anchor_score" real, "anchor_exact" text, "checked_revision" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "external_id" varchar(255), CONSTRAINT "FK_ff3bdbf055a3814b14ac5bfc6b8" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  );
  await queryRunner.query(
    `INSERT INTO "temporary_claims" (${SQLITE_CLAIMS_COLUMNS}, "claimant") SELECT ${SQLITE_CLAIMS_COLUMNS}, ${recordName('claims')} FROM "claims"`,
  );
  await queryRunner.query(`DROP TABLE "claims"`);
  await queryRunner.query(`ALTER TABLE "temporary_claims" RENAME TO "claims"`);
  for (const index of SQLITE_CLAIMS_INDEXES) await queryRunner.query(index);
  await sqliteClaimTriggers(queryRunner, (row) => `${row}."claimant"`, `"quote", "claimant", "deleted_at"`);
  await queryRunner.query(`DROP INDEX "IDX_claim_anchors_claimant"`);
  await queryRunner.query(`ALTER TABLE "claim_anchors" DROP COLUMN "claimant_id"`);
  await queryRunner.query(`DROP INDEX "IDX_claimants_name_key"`);
  await queryRunner.query(`DROP INDEX "IDX_claimants_slug"`);
  await queryRunner.query(`DROP TABLE "claimants"`);
}

/** search_claims_sync() on PostgreSQL, with the claimant's name read from `claimant` (an expression of NEW). */
async function postgresClaimSync(queryRunner: QueryRunner, claimant: string, columns: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER search_claims ON "claims"`);
  await queryRunner.query(`CREATE OR REPLACE FUNCTION search_claims_sync() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_documents WHERE type = 'CLAIM' AND ref_id = OLD.id;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_documents (type, ref_id, field, text)
          SELECT 'CLAIM', NEW.id, f.field, f.text FROM (VALUES ('quote', NEW."quote"::text), ('claimant', ${claimant})) f(field, text)
          WHERE f.text IS NOT NULL AND f.text <> '' AND NEW.deleted_at IS NULL;
      END IF;
      RETURN NULL;
    END $$`);
  await queryRunner.query(
    `CREATE TRIGGER search_claims AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON "claims" FOR EACH ROW EXECUTE FUNCTION search_claims_sync()`,
  );
}

async function upPostgres(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "claimants" ("id" SERIAL NOT NULL, "slug" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "name_key" character varying(200), "aliases" text NOT NULL DEFAULT '[]', "search_keys" text NOT NULL, "description" character varying(500), "wikidata_id" character varying(20), "kind" character varying(16) NOT NULL DEFAULT 'PERSON', "merged_into_id" integer, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_11248b1b3289a67527247dc33ef" PRIMARY KEY ("id"))`,
  );
  await queryRunner.query(`CREATE UNIQUE INDEX "IDX_claimants_slug" ON "claimants" ("slug") `);
  await queryRunner.query(`CREATE UNIQUE INDEX "IDX_claimants_name_key" ON "claimants" ("name_key") `);
  await queryRunner.query(
    `ALTER TABLE "claimants" ADD CONSTRAINT "FK_b4b75ba86863825794bbdd40615" FOREIGN KEY ("merged_into_id") REFERENCES "claimants"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  );
  await createClaimants(queryRunner, true);
  await queryRunner.query(`ALTER TABLE "claim_anchors" ADD "claimant_id" integer`);
  await queryRunner.query(`UPDATE claim_anchors SET claimant_id = ${claimantOfText('claim_anchors')}`);
  await queryRunner.query(`CREATE INDEX "IDX_claim_anchors_claimant" ON "claim_anchors" ("claimant_id") `);
  await queryRunner.query(`ALTER TABLE "claims" ADD "claimant_id" integer`);
  await queryRunner.query(`UPDATE claims SET claimant_id = ${claimantOfText('claims')} WHERE claimant IS NOT NULL`);
  await queryRunner.query(`DROP TABLE claimant_texts`);
  await queryRunner.query(`CREATE INDEX "IDX_claims_claimant" ON "claims" ("claimant_id") `);
  await queryRunner.query(
    `ALTER TABLE "claims" ADD CONSTRAINT "FK_d036d8b74e0510ea3779a504f90" FOREIGN KEY ("claimant_id") REFERENCES "claimants"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  );
  await postgresClaimSync(
    queryRunner,
    `(SELECT cl.name::text FROM claimants cl WHERE cl.id = NEW.claimant_id)`,
    `"quote", "claimant_id", "deleted_at"`,
  );
  await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "claimant"`);
  await queryRunner.query(`CREATE FUNCTION search_claimants_sync() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      UPDATE search_documents SET text = NEW.name WHERE type = 'CLAIM' AND field = 'claimant'
        AND ref_id IN (SELECT c.id FROM claims c WHERE c.claimant_id = NEW.id);
      RETURN NULL;
    END $$`);
  await queryRunner.query(
    `CREATE TRIGGER search_claimants AFTER UPDATE OF "name" ON "claimants" FOR EACH ROW EXECUTE FUNCTION search_claimants_sync()`,
  );
  await queryRunner.query(
    `UPDATE search_documents SET text = cl.name FROM claims c JOIN claimants cl ON cl.id = c.claimant_id
     WHERE search_documents.type = 'CLAIM' AND search_documents.field = 'claimant' AND c.id = search_documents.ref_id`,
  );
}

async function downPostgres(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TRIGGER search_claimants ON "claimants"`);
  await queryRunner.query(`DROP FUNCTION search_claimants_sync()`);
  await queryRunner.query(`ALTER TABLE "claims" ADD "claimant" character varying(200)`);
  await queryRunner.query(`UPDATE claims SET claimant = ${recordName('claims')} WHERE claimant_id IS NOT NULL`);
  await postgresClaimSync(queryRunner, `NEW."claimant"::text`, `"quote", "claimant", "deleted_at"`);
  await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_d036d8b74e0510ea3779a504f90"`);
  await queryRunner.query(`DROP INDEX "IDX_claims_claimant"`);
  await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "claimant_id"`);
  await queryRunner.query(`DROP INDEX "IDX_claim_anchors_claimant"`);
  await queryRunner.query(`ALTER TABLE "claim_anchors" DROP COLUMN "claimant_id"`);
  await queryRunner.query(`ALTER TABLE "claimants" DROP CONSTRAINT "FK_b4b75ba86863825794bbdd40615"`);
  await queryRunner.query(`DROP INDEX "IDX_claimants_name_key"`);
  await queryRunner.query(`DROP INDEX "IDX_claimants_slug"`);
  await queryRunner.query(`DROP TABLE "claimants"`);
}
