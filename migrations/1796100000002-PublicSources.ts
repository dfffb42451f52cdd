import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * sources.public_at: when a fact-check readers can see first cited the source. Until then only
 * staff see it (a draft may cite a leaked memo). Existing sources cited by any version readers
 * saw (ArticlePublicationHistory stamped those) are public from that version's time.
 */
export class PublicSources1796100000002 implements MigrationInterface {
  name = 'PublicSources1796100000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      postgres
        ? `ALTER TABLE "sources" ADD "public_at" TIMESTAMP`
        : `ALTER TABLE "sources" ADD COLUMN "public_at" datetime`,
    );
    // The sources each version's citations snapshot names (JSON: [{ sourceId, stance, excerpt }]).
    const cited = postgres
      ? `SELECT (j.value->>'sourceId')::integer AS source_id, MIN(r.public_at) AS at FROM annotation_revisions r, jsonb_array_elements(r.citations::jsonb) j
         WHERE r.public_at IS NOT NULL GROUP BY 1`
      : `SELECT json_extract(j.value, '$.sourceId') AS source_id, MIN(r.public_at) AS at FROM annotation_revisions r, json_each(r.citations) j
         WHERE r.public_at IS NOT NULL GROUP BY json_extract(j.value, '$.sourceId')`;
    await queryRunner.query(
      `UPDATE sources SET public_at = cited.at FROM (${cited}) AS cited WHERE cited.source_id = sources.id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "public_at"`);
  }
}
