import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reviewer's workbench: the fact-checks list newest change first, overall and
 * by status (the review queue), and the claims list by anchor status (stale verdicts, anchors
 * to re-attach). Indexes only: no table is rebuilt, nothing is rewritten; the same on both dialects.
 */
export class ReviewQueue1796400000006 implements MigrationInterface {
  name = 'ReviewQueue1796400000006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_annotations_updated" ON "annotations" ("updated_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_annotations_status_updated" ON "annotations" ("status", "updated_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_anchor_status" ON "claims" ("anchor_status", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_claims_anchor_status"`);
    await queryRunner.query(`DROP INDEX "IDX_annotations_status_updated"`);
    await queryRunner.query(`DROP INDEX "IDX_annotations_updated"`);
  }
}
