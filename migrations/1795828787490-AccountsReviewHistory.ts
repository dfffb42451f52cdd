import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens, retraction of fact-checks, their append-only revisions and public corrections.
 *
 * Columns are added with ALTER TABLE instead of TypeORM's generated table rebuild: the
 * rebuild drops "annotations", and with foreign keys on (they cannot be turned off inside a
 * migration's transaction) the implicit DELETE would cascade to every citation.
 */
export class AccountsReviewHistory1795828787490 implements MigrationInterface {
  name = 'AccountsReviewHistory1795828787490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "annotations" ADD COLUMN "retracted_at" datetime`);
    await queryRunner.query(`ALTER TABLE "annotations" ADD COLUMN "retraction_reason" varchar(1000)`);
    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "label" varchar(200) NOT NULL, "token_hash" varchar(64) NOT NULL, "token_prefix" varchar(16) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_used_at" datetime, "revoked_at" datetime, CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_api_tokens_user" ON "api_tokens" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_api_tokens_hash" ON "api_tokens" ("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "annotation_revisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "annotation_id" integer NOT NULL, "version" integer NOT NULL, "change" varchar(16) NOT NULL, "verdict" varchar(16) NOT NULL, "summary" varchar(500) NOT NULL, "body" text NOT NULL, "status" varchar(16) NOT NULL, "citations" text NOT NULL, "actor_id" integer NOT NULL, "note" varchar(1000), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_3a45f58fac5b35c7544ccf2f9f7" FOREIGN KEY ("annotation_id") REFERENCES "annotations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9a4b8862bc3bc7d29f72dce9d4b" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_annotation_revisions_version" ON "annotation_revisions" ("annotation_id", "version")`,
    );
    await queryRunner.query(
      `CREATE TABLE "corrections" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "claim_id" integer NOT NULL, "annotation_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "previous_verdict" varchar(16), "new_verdict" varchar(16), "note" varchar(1000) NOT NULL, "editor_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_7addac0c537cd43a6de76f50116" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_85805e688ee4f98aef95eea19fb" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_099feca1dd8ebd4605f8f39bad5" FOREIGN KEY ("annotation_id") REFERENCES "annotations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_caad63b70f9f776f8f525153d39" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_corrections_annotation" ON "corrections" ("annotation_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_corrections_claim" ON "corrections" ("claim_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_corrections_article" ON "corrections" ("article_id", "created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_corrections_annotation"`);
    await queryRunner.query(`DROP INDEX "IDX_corrections_claim"`);
    await queryRunner.query(`DROP INDEX "IDX_corrections_article"`);
    await queryRunner.query(`DROP TABLE "corrections"`);
    await queryRunner.query(`DROP INDEX "IDX_annotation_revisions_version"`);
    await queryRunner.query(`DROP TABLE "annotation_revisions"`);
    await queryRunner.query(`DROP INDEX "IDX_api_tokens_user"`);
    await queryRunner.query(`DROP INDEX "IDX_api_tokens_hash"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "retraction_reason"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "retracted_at"`);
  }
}
