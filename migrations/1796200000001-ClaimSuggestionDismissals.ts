import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim suggestions a reviewer dismissed (Article.suggestedClaims, dismissClaimSuggestion): one
 * row per article, sentence (by the key of its folded words) and claim, never suggested again.
 */
export class ClaimSuggestionDismissals1796200000001 implements MigrationInterface {
  name = 'ClaimSuggestionDismissals1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE TABLE "claim_suggestion_dismissals" ("id" SERIAL NOT NULL, "article_id" integer NOT NULL, "claim_id" integer NOT NULL, "sentence_key" character varying(64) NOT NULL, "sentence" text NOT NULL, "actor_id" integer NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_fe8b28c68c3e7c5d5d0bc29bd4b" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "claim_suggestion_dismissals" ADD CONSTRAINT "FK_2c26cb0647f3fd6428ae708b08b" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "claim_suggestion_dismissals" ADD CONSTRAINT "FK_5a752587d9598b4d4c4922f1840" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "claim_suggestion_dismissals" ADD CONSTRAINT "FK_d1be873159c160909f8cd15701f" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "claim_suggestion_dismissals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "claim_id" integer NOT NULL, "sentence_key" varchar(64) NOT NULL, "sentence" text NOT NULL, "actor_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_2c26cb0647f3fd6428ae708b08b" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5a752587d9598b4d4c4922f1840" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d1be873159c160909f8cd15701f" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
      );
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_claim_suggestion_dismissals_pair" ON "claim_suggestion_dismissals" ("article_id", "sentence_key", "claim_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_claim_suggestion_dismissals_pair"`);
    await queryRunner.query(`DROP TABLE "claim_suggestion_dismissals"`);
  }
}
