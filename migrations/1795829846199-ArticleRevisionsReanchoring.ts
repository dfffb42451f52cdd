import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Article revisions, claim anchor state and its append-only history (re-anchoring after
 * corrections, point-in-time reads), soft-deleted claims. Existing articles become revision 1
 * and existing claims get their first anchor row.
 *
 * Columns are added with ALTER TABLE, not TypeORM's generated table rebuild: dropping
 * "articles" or "claims" would cascade-delete their claims and fact-checks.
 */
export class ArticleRevisionsReanchoring1795829846199 implements MigrationInterface {
  name = 'ArticleRevisionsReanchoring1795829846199';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "articles" ADD COLUMN "revision" integer NOT NULL DEFAULT (1)`);
    await queryRunner.query(
      `ALTER TABLE "claims" ADD COLUMN "anchor_status" varchar(16) NOT NULL DEFAULT ('ANCHORED')`,
    );
    await queryRunner.query(`ALTER TABLE "claims" ADD COLUMN "anchor_score" real`);
    await queryRunner.query(`ALTER TABLE "claims" ADD COLUMN "anchor_exact" text`);
    await queryRunner.query(`ALTER TABLE "claims" ADD COLUMN "checked_revision" integer NOT NULL DEFAULT (1)`);
    await queryRunner.query(`ALTER TABLE "claims" ADD COLUMN "deleted_at" datetime`);
    await queryRunner.query(
      `CREATE TABLE "article_revisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "number" integer NOT NULL, "headline" text NOT NULL, "standfirst" text, "body" text NOT NULL, "editor_id" integer, "note" varchar(1000), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_d710c0a22d74814285c06f8994d" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_01ede1aa4906d3fd684fdd0a56d" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_article_revisions_time" ON "article_revisions" ("article_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_article_revisions_number" ON "article_revisions" ("article_id", "number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_anchors" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "claim_id" integer NOT NULL, "article_revision" integer NOT NULL, "status" varchar(16) NOT NULL, "quote" text NOT NULL, "claimant" varchar(200), "anchor_exact" text, "prefix" text NOT NULL, "suffix" text NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "score" real, "checked_revision" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_c1283f4f2caf21dd7753b4de72d" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claim_anchors_time" ON "claim_anchors" ("claim_id", "created_at")`);
    await queryRunner.query(
      `INSERT INTO "article_revisions" ("article_id", "number", "headline", "standfirst", "body", "editor_id", "note", "created_at") SELECT "id", 1, "headline", "standfirst", "body", NULL, NULL, MIN("created_at", COALESCE("published_at", "created_at")) FROM "articles"`,
    );
    await queryRunner.query(
      `INSERT INTO "claim_anchors" ("claim_id", "article_revision", "status", "quote", "claimant", "anchor_exact", "prefix", "suffix", "start_offset", "end_offset", "score", "checked_revision", "created_at") SELECT "id", 1, 'ANCHORED', "quote", "claimant", NULL, "prefix", "suffix", "start_offset", "end_offset", NULL, 1, "created_at" FROM "claims"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_claim_anchors_time"`);
    await queryRunner.query(`DROP TABLE "claim_anchors"`);
    await queryRunner.query(`DROP INDEX "IDX_article_revisions_time"`);
    await queryRunner.query(`DROP INDEX "IDX_article_revisions_number"`);
    await queryRunner.query(`DROP TABLE "article_revisions"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "checked_revision"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "anchor_exact"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "anchor_score"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "anchor_status"`);
    await queryRunner.query(`ALTER TABLE "articles" DROP COLUMN "revision"`);
  }
}
