import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections of checked claims (their words, place or claimant) record what changed: the
 * text before and after. Added, not rebuilt, on SQLite.
 */
export class ClaimCorrections1796100000003 implements MigrationInterface {
  name = 'ClaimCorrections1796100000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const add = queryRunner.connection.options.type === 'postgres' ? 'ADD' : 'ADD COLUMN';
    await queryRunner.query(`ALTER TABLE "corrections" ${add} "previous_text" text`);
    await queryRunner.query(`ALTER TABLE "corrections" ${add} "new_text" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "corrections" DROP COLUMN "new_text"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP COLUMN "previous_text"`);
  }
}
