import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What readers saw, and when, so that no path shows them what they never saw:
 * - article_status_changes: every publication and archiving (point-in-time reads ask whether
 *   the article was published at the moment), with the note readers see for a withdrawal;
 * - article_revisions.public_at and annotation_revisions.public_at: when readers first saw
 *   that text, null for text only staff ever saw (a draft, a fact-check published on an article
 *   not yet public);
 * - an index on the revisions' actors (readers may see the accounts that wrote public checks).
 *
 * Existing data gets its history as the service used to judge it: an article now published or
 * archived was first published when both its publication time and its first revision had come;
 * an archived one was archived at its last change. Revisions current then, and every revision
 * after, were public; so were the published and retracted versions of its fact-checks.
 */
const FIRST_PUBLICATION = `SELECT article_id, MIN(created_at) AS at FROM article_status_changes WHERE status = 'PUBLISHED' GROUP BY article_id`;

export class ArticlePublicationHistory1796100000001 implements MigrationInterface {
  name = 'ArticlePublicationHistory1796100000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE TABLE "article_status_changes" ("id" SERIAL NOT NULL, "article_id" integer NOT NULL, "status" character varying(16) NOT NULL, "actor_id" integer, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "note" character varying(1000), CONSTRAINT "PK_3dd9d934f5e8be1b38475453a53" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "article_status_changes" ADD CONSTRAINT "FK_2cc30912828245094f4776ddca2" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "article_status_changes" ADD CONSTRAINT "FK_330fb755da11e8f7ef8225048aa" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
      await queryRunner.query(`ALTER TABLE "article_revisions" ADD "public_at" TIMESTAMP`);
      await queryRunner.query(`ALTER TABLE "annotation_revisions" ADD "public_at" TIMESTAMP`);
    } else {
      await queryRunner.query(
        `CREATE TABLE "article_status_changes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "status" varchar(16) NOT NULL, "actor_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "note" varchar(1000), CONSTRAINT "FK_2cc30912828245094f4776ddca2" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_330fb755da11e8f7ef8225048aa" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
      );
      // Added, not rebuilt: dropping the tables would cascade into the rows that reference them.
      await queryRunner.query(`ALTER TABLE "article_revisions" ADD COLUMN "public_at" datetime`);
      await queryRunner.query(`ALTER TABLE "annotation_revisions" ADD COLUMN "public_at" datetime`);
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_article_status_changes_time" ON "article_status_changes" ("article_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_annotation_revisions_actor" ON "annotation_revisions" ("actor_id")`);

    await queryRunner.query(`INSERT INTO article_status_changes (article_id, status, actor_id, created_at)
      SELECT a.id, 'PUBLISHED', NULL, CASE WHEN a.published_at IS NOT NULL AND a.published_at > r.created_at THEN a.published_at ELSE r.created_at END
      FROM articles a JOIN article_revisions r ON r.article_id = a.id AND r.number = 1
      WHERE a.status IN ('PUBLISHED', 'ARCHIVED')`);
    await queryRunner.query(`INSERT INTO article_status_changes (article_id, status, actor_id, created_at)
      SELECT a.id, 'ARCHIVED', NULL, CASE WHEN a.updated_at > fp.at THEN a.updated_at ELSE fp.at END
      FROM articles a JOIN (${FIRST_PUBLICATION}) fp ON fp.article_id = a.id
      WHERE a.status = 'ARCHIVED'`);
    await queryRunner.query(`UPDATE article_revisions SET public_at = CASE WHEN article_revisions.created_at >= fp.at THEN article_revisions.created_at ELSE fp.at END
      FROM (${FIRST_PUBLICATION}) AS fp
      WHERE fp.article_id = article_revisions.article_id
        AND (article_revisions.created_at >= fp.at OR article_revisions.number = (
          SELECT MAX(r2.number) FROM article_revisions r2 WHERE r2.article_id = article_revisions.article_id AND r2.created_at <= fp.at))`);
    await queryRunner.query(`UPDATE annotation_revisions SET public_at = CASE WHEN annotation_revisions.created_at >= fp.at THEN annotation_revisions.created_at ELSE fp.at END
      FROM (SELECT n.id AS annotation_id, p.at FROM annotations n JOIN claims c ON c.id = n.claim_id JOIN (${FIRST_PUBLICATION}) p ON p.article_id = c.article_id) AS fp
      WHERE fp.annotation_id = annotation_revisions.annotation_id AND annotation_revisions.status IN ('PUBLISHED', 'RETRACTED')
        AND (annotation_revisions.created_at >= fp.at OR annotation_revisions.version = (
          SELECT MAX(r2.version) FROM annotation_revisions r2 WHERE r2.annotation_id = annotation_revisions.annotation_id AND r2.created_at <= fp.at))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_annotation_revisions_actor"`);
    await queryRunner.query(`ALTER TABLE "annotation_revisions" DROP COLUMN "public_at"`);
    await queryRunner.query(`ALTER TABLE "article_revisions" DROP COLUMN "public_at"`);
    await queryRunner.query(`DROP INDEX "IDX_article_status_changes_time"`);
    await queryRunner.query(`DROP TABLE "article_status_changes"`);
  }
}
