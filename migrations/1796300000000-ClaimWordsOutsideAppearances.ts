import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims get their own words and their places outside factline. `claims.text` is what was
 * claimed in neutral words and `claims.language` the language it was made in; both stay null
 * on existing claims, where the quote stands in for the words and the article's language for
 * the claim's, so every claim reads exactly as before. `claim_anchors.text` keeps the words as
 * readers read them at each moment (null before: the quote). `outside_appearances` lists where
 * else a claim was made: an interview, a speech, another outlet's story.
 *
 * Columns are added in place, never by rebuilding `claims`: its search and matching triggers
 * stay as they are.
 */
export class ClaimWordsOutsideAppearances1796300000000 implements MigrationInterface {
  name = 'ClaimWordsOutsideAppearances1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(`ALTER TABLE "claims" ADD "text" text`);
    await queryRunner.query(
      `ALTER TABLE "claims" ADD "language" ${postgres ? 'character varying(35)' : 'varchar(35)'}`,
    );
    await queryRunner.query(`ALTER TABLE "claim_anchors" ADD "text" text`);
    if (postgres) {
      await queryRunner.query(
        `CREATE TABLE "outside_appearances" ("id" SERIAL NOT NULL, "claim_id" integer NOT NULL, "url" character varying(2048) NOT NULL, "title" character varying(500), "publisher" character varying(200), "appeared_at" TIMESTAMP, "start_seconds" integer, "end_seconds" integer, "created_by_id" integer NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP, CONSTRAINT "PK_f2687f2f7161220abfaaa8bff07" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "outside_appearances" ADD CONSTRAINT "FK_d91b345e4189933c3463818d140" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "outside_appearances" ADD CONSTRAINT "FK_afb016805b5f37e208bf22d3b8b" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "outside_appearances" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "claim_id" integer NOT NULL, "url" varchar(2048) NOT NULL, "title" varchar(500), "publisher" varchar(200), "appeared_at" datetime, "start_seconds" integer, "end_seconds" integer, "created_by_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "deleted_at" datetime, CONSTRAINT "FK_d91b345e4189933c3463818d140" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_afb016805b5f37e208bf22d3b8b" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_outside_appearances_claim" ON "outside_appearances" ("claim_id", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_outside_appearances_claim"`);
    await queryRunner.query(`DROP TABLE "outside_appearances"`);
    await queryRunner.query(`ALTER TABLE "claim_anchors" DROP COLUMN "text"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "text"`);
  }
}
