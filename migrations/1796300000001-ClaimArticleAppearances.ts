import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim can appear in more than one factline article. Its first place stays the claim's own
 * row; each further place is a `claims` row whose `appearance_of_id` names the claim it is a
 * place of. Such a row keeps only what belongs to a place (its words in that article, selectors,
 * anchor state, the revision it was checked against) and a copy of the claim's verdict; the
 * claim's words, claimant, fact-checks and corrections stay on the claim. Re-anchoring on body
 * edits treats both kinds of row alike.
 *
 * The column is added in place, never by rebuilding `claims`: its search and matching triggers
 * stay as they are. Existing claims get null: each is still its own and only article place.
 */
export class ClaimArticleAppearances1796300000001 implements MigrationInterface {
  name = 'ClaimArticleAppearances1796300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD "appearance_of_id" integer`);
    await queryRunner.query(`CREATE INDEX "IDX_claims_appearance_of" ON "claims" ("appearance_of_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_claims_appearance_of"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "appearance_of_id"`);
  }
}
