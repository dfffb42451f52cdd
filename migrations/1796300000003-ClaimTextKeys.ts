import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key of a claim's words (`claims.text_key`: claimTextKey, a hash of the words with case,
 * spacing, accents, quotes and punctuation folded), so that a ClaimReview import finds the claim
 * a record is about by its words and claimant through an index, not by reading every claim.
 * Null on claims no ClaimReview import has keyed: existing ClaimReview claims gain theirs when a
 * record of them is imported again (the import computes it; SQL cannot).
 *
 * The column is added in place, never by rebuilding `claims`: its search and matching triggers
 * stay as they are.
 */
export class ClaimTextKeys1796300000003 implements MigrationInterface {
  name = 'ClaimTextKeys1796300000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      `ALTER TABLE "claims" ADD "text_key" ${postgres ? 'character varying(64)' : 'varchar(64)'}`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_text_key" ON "claims" ("text_key", "claimant_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_claims_text_key"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "text_key"`);
  }
}
