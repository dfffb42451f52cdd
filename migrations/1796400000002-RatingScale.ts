import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's rating scale (`ratings`), seeded with the scale the service published until
 * now: the eight verdicts with the labels, numbers (5..1 on 1..5, none for the three off the
 * numbers) and colours readers and ClaimReview consumers already saw. Every fact-check and every
 * revision takes the rating of its verdict, so nothing visible changes for existing data.
 *
 * Also: an imported fact-check's rating in its publisher's words and numbers
 * (`annotations.imported_rating*`), and the admin's table from such words to a normalised
 * verdict (`imported_rating_mappings`).
 *
 * Columns are added in place, never by rebuilding `annotations` or `annotation_revisions`.
 */
export const DEFAULT_SCALE = [
  { verdict: 'TRUE', label: 'True', value: 5, colour: '#1a7f37' },
  { verdict: 'MOSTLY_TRUE', label: 'Mostly true', value: 4, colour: '#7cb342' },
  { verdict: 'MIXED', label: 'Mixed', value: 3, colour: '#e8a80c' },
  { verdict: 'MOSTLY_FALSE', label: 'Mostly false', value: 2, colour: '#ee7a1c' },
  { verdict: 'FALSE', label: 'False', value: 1, colour: '#c92a2a' },
  { verdict: 'MISLEADING', label: 'Misleading', value: null, colour: '#7d3fc4' },
  { verdict: 'NEEDS_CONTEXT', label: 'Needs context', value: null, colour: '#1a66c9' },
  { verdict: 'UNVERIFIABLE', label: 'Unverifiable', value: null, colour: '#66707a' },
] as const;

export class RatingScale1796400000002 implements MigrationInterface {
  name = 'RatingScale1796400000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    if (postgres) {
      await queryRunner.query(
        `CREATE TABLE "ratings" ("id" SERIAL NOT NULL, "label" character varying(100) NOT NULL, "label_key" character varying(100) NOT NULL, "description" character varying(500), "value" real, "best" real, "worst" real, "colour" character varying(7) NOT NULL, "position" integer NOT NULL, "verdict" character varying(16) NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_0f31425b073219379545ad68ed9" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "imported_rating_mappings" ("id" SERIAL NOT NULL, "rating_key" character varying(200) NOT NULL, "alternate_name" character varying(200) NOT NULL, "verdict" character varying(16), "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_f88c8936e3be753b9c841389c1c" PRIMARY KEY ("id"))`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "label" varchar(100) NOT NULL, "label_key" varchar(100) NOT NULL, "description" varchar(500), "value" real, "best" real, "worst" real, "colour" varchar(7) NOT NULL, "position" integer NOT NULL, "verdict" varchar(16) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
      );
      await queryRunner.query(
        `CREATE TABLE "imported_rating_mappings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "rating_key" varchar(200) NOT NULL, "alternate_name" varchar(200) NOT NULL, "verdict" varchar(16), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
      );
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ratings_label_key" ON "ratings" ("label_key") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_imported_rating_mappings_key" ON "imported_rating_mappings" ("rating_key") `,
    );
    for (const [position, rating] of DEFAULT_SCALE.entries()) {
      const numbered = rating.value !== null;
      await queryRunner.query(
        `INSERT INTO "ratings" ("label", "label_key", "description", "value", "best", "worst", "colour", "position", "verdict") VALUES (${postgres ? '$1, $2, NULL, $3, $4, $5, $6, $7, $8' : '?, ?, NULL, ?, ?, ?, ?, ?, ?'})`,
        [
          rating.label,
          rating.label.toLowerCase(),
          rating.value,
          numbered ? 5 : null,
          numbered ? 1 : null,
          rating.colour,
          position,
          rating.verdict,
        ],
      );
    }

    await queryRunner.query(`ALTER TABLE "annotations" ADD "rating_id" integer`);
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD "imported_rating" ${postgres ? 'character varying(200)' : 'varchar(200)'}`,
    );
    await queryRunner.query(`ALTER TABLE "annotations" ADD "imported_rating_value" real`);
    await queryRunner.query(`ALTER TABLE "annotations" ADD "imported_rating_best" real`);
    await queryRunner.query(`ALTER TABLE "annotations" ADD "imported_rating_worst" real`);
    await queryRunner.query(`ALTER TABLE "annotation_revisions" ADD "rating_id" integer`);
    await queryRunner.query(
      `UPDATE "annotations" SET "rating_id" = (SELECT "r"."id" FROM "ratings" "r" WHERE "r"."verdict" = "annotations"."verdict")`,
    );
    await queryRunner.query(
      `UPDATE "annotation_revisions" SET "rating_id" = (SELECT "r"."id" FROM "ratings" "r" WHERE "r"."verdict" = "annotation_revisions"."verdict")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_annotations_rating" ON "annotations" ("rating_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_annotations_rating"`);
    await queryRunner.query(`ALTER TABLE "annotation_revisions" DROP COLUMN "rating_id"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "imported_rating_worst"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "imported_rating_best"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "imported_rating_value"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "imported_rating"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP COLUMN "rating_id"`);
    await queryRunner.query(`DROP INDEX "IDX_imported_rating_mappings_key"`);
    await queryRunner.query(`DROP TABLE "imported_rating_mappings"`);
    await queryRunner.query(`DROP INDEX "IDX_ratings_label_key"`);
    await queryRunner.query(`DROP TABLE "ratings"`);
  }
}
