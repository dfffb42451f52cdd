import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two claims found to be the same can be merged (mergeClaims). The merged claim's row becomes a
 * further place of the kept claim and says when (`claims.merged_at`), so its id keeps resolving.
 * Point-in-time reads stay exact across a merge:
 * - `claim_anchors.appearance_of_id`: the claim a row was a place of at each moment of its
 *   history (filled for existing places: each has been a place of its claim since it was made);
 * - `annotation_moves`: where each fact-check moved from, and when.
 *
 * Columns are added in place, never by rebuilding `claims`: its search and matching triggers
 * stay as they are.
 */
export class ClaimMerges1796300000004 implements MigrationInterface {
  name = 'ClaimMerges1796300000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(`ALTER TABLE "claims" ADD "merged_at" ${postgres ? 'TIMESTAMP' : 'datetime'}`);
    await queryRunner.query(`ALTER TABLE "claim_anchors" ADD "appearance_of_id" integer`);
    await queryRunner.query(
      `UPDATE "claim_anchors" SET "appearance_of_id" = (SELECT "c"."appearance_of_id" FROM "claims" "c" WHERE "c"."id" = "claim_anchors"."claim_id") WHERE "claim_id" IN (SELECT "id" FROM "claims" WHERE "appearance_of_id" IS NOT NULL)`,
    );
    if (postgres) {
      await queryRunner.query(
        `CREATE TABLE "annotation_moves" ("id" SERIAL NOT NULL, "annotation_id" integer NOT NULL, "from_claim_id" integer NOT NULL, "to_claim_id" integer NOT NULL, "moved_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_eab82538b3b00e48e82d81b34db" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "annotation_moves" ADD CONSTRAINT "FK_a7923e1faa7b7a3c92b9b58dabe" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "annotation_moves" ADD CONSTRAINT "FK_9aa9206333029c25051e4a0d060" FOREIGN KEY ("from_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "annotation_moves" ADD CONSTRAINT "FK_10a0f37edde97da71683dabd6dc" FOREIGN KEY ("to_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "annotation_moves" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "annotation_id" integer NOT NULL, "from_claim_id" integer NOT NULL, "to_claim_id" integer NOT NULL, "moved_at" datetime NOT NULL, CONSTRAINT "FK_a7923e1faa7b7a3c92b9b58dabe" FOREIGN KEY ("annotation_id") REFERENCES "annotations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9aa9206333029c25051e4a0d060" FOREIGN KEY ("from_claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_10a0f37edde97da71683dabd6dc" FOREIGN KEY ("to_claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      );
    }
    await queryRunner.query(`CREATE INDEX "IDX_annotation_moves_annotation" ON "annotation_moves" ("annotation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_annotation_moves_from" ON "annotation_moves" ("from_claim_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_annotation_moves_from"`);
    await queryRunner.query(`DROP INDEX "IDX_annotation_moves_annotation"`);
    await queryRunner.query(`DROP TABLE "annotation_moves"`);
    await queryRunner.query(`ALTER TABLE "claim_anchors" DROP COLUMN "appearance_of_id"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "merged_at"`);
  }
}
