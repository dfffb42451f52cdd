import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * External ids of imported claims and fact-checks, so that bulk imports match what they
 * already stored. Nullable and unique where set (SQLite's UNIQUE index allows many NULLs).
 *
 * Columns are added with ALTER TABLE, not TypeORM's generated table rebuild: dropping
 * "claims" or "annotations" would cascade-delete their fact-checks and citations.
 */
export class ExternalIds1795832878356 implements MigrationInterface {
  name = 'ExternalIds1795832878356';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD COLUMN "external_id" varchar(255)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_claims_external_id" ON "claims" ("external_id")`);
    await queryRunner.query(`ALTER TABLE "annotations" ADD COLUMN "external_id" varchar(255)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_annotations_external_id" ON "annotations" ("external_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_annotations_external_id"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "external_id"`);
    await queryRunner.query(`DROP INDEX "IDX_claims_external_id"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "external_id"`);
  }
}
