import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topics the desk files articles and claims under: `topics` (slug and name key unique), and the
 * join tables `article_topics` and `claim_topics`. A topic in use cannot be deleted (RESTRICT);
 * deleting an article or a claim takes its filing with it (CASCADE).
 */
export class Topics1796400000003 implements MigrationInterface {
  name = 'Topics1796400000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE TABLE "topics" ("id" SERIAL NOT NULL, "slug" character varying(80) NOT NULL, "name" character varying(200) NOT NULL, "name_key" character varying(200) NOT NULL, "description" character varying(500), "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_e4aa99a3fa60ec3a37d1fc4e853" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "article_topics" ("article_id" integer NOT NULL, "topic_id" integer NOT NULL, CONSTRAINT "PK_323af0eaa00bbc0c6ba46edb765" PRIMARY KEY ("article_id", "topic_id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "claim_topics" ("claim_id" integer NOT NULL, "topic_id" integer NOT NULL, CONSTRAINT "PK_0056e90445a22f81b64c36b2c59" PRIMARY KEY ("claim_id", "topic_id"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "article_topics" ADD CONSTRAINT "FK_0b33a5c3a30f4cf14d3619ca41d" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "article_topics" ADD CONSTRAINT "FK_a3d503560c1bbd5f25e09a3e253" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "claim_topics" ADD CONSTRAINT "FK_9faca90b36767e37e354b6c6421" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "claim_topics" ADD CONSTRAINT "FK_b8cbab9ba7756672fb0085d2f4c" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "topics" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(80) NOT NULL, "name" varchar(200) NOT NULL, "name_key" varchar(200) NOT NULL, "description" varchar(500), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
      );
      await queryRunner.query(
        `CREATE TABLE "article_topics" ("article_id" integer NOT NULL, "topic_id" integer NOT NULL, CONSTRAINT "FK_0b33a5c3a30f4cf14d3619ca41d" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a3d503560c1bbd5f25e09a3e253" FOREIGN KEY ("topic_id") REFERENCES "topics" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("article_id", "topic_id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "claim_topics" ("claim_id" integer NOT NULL, "topic_id" integer NOT NULL, CONSTRAINT "FK_9faca90b36767e37e354b6c6421" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_b8cbab9ba7756672fb0085d2f4c" FOREIGN KEY ("topic_id") REFERENCES "topics" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("claim_id", "topic_id"))`,
      );
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_topics_slug" ON "topics" ("slug") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_topics_name_key" ON "topics" ("name_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_article_topics_topic" ON "article_topics" ("topic_id", "article_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_claim_topics_topic" ON "claim_topics" ("topic_id", "claim_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_claim_topics_topic"`);
    await queryRunner.query(`DROP INDEX "IDX_article_topics_topic"`);
    await queryRunner.query(`DROP TABLE "claim_topics"`);
    await queryRunner.query(`DROP TABLE "article_topics"`);
    await queryRunner.query(`DROP INDEX "IDX_topics_name_key"`);
    await queryRunner.query(`DROP INDEX "IDX_topics_slug"`);
    await queryRunner.query(`DROP TABLE "topics"`);
  }
}
