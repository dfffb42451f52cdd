import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Articles, claims, sources, fact-check annotations with their citations, and their authors. */
export class InitialSchema1795828043811 implements MigrationInterface {
  name = 'InitialSchema1795828043811';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(16) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE TABLE "articles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(200) NOT NULL, "headline" text NOT NULL, "standfirst" text, "body" text NOT NULL, "authors" text NOT NULL, "section" varchar(100), "language" varchar(35) NOT NULL, "url" varchar(2048), "published_at" datetime, "status" varchar(16) NOT NULL, "version" integer NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_1123ff6815c5b8fec0ba9fec370" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_articles_section" ON "articles" ("section")`);
    await queryRunner.query(`CREATE INDEX "IDX_articles_language" ON "articles" ("language")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_articles_status_published" ON "articles" ("status", "published_at", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "sources" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar(2048) NOT NULL, "title" varchar(500) NOT NULL, "publisher" varchar(200), "published_at" datetime, "kind" varchar(16) NOT NULL, "accessed_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_f3669d5c21ec3b27789e801d125" UNIQUE ("url"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "quote" text NOT NULL, "prefix" text NOT NULL, "suffix" text NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "claimant" varchar(200), "verdict" varchar(16), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_ff3bdbf055a3814b14ac5bfc6b8" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_verdict" ON "claims" ("verdict")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_article_position" ON "claims" ("article_id", "start_offset", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "annotations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "claim_id" integer NOT NULL, "author_id" integer NOT NULL, "verdict" varchar(16) NOT NULL, "summary" varchar(500) NOT NULL, "body" text NOT NULL, "status" varchar(16) NOT NULL, "version" integer NOT NULL DEFAULT (1), "published_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_e4733415f8f44e1e8b398c1940c" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5f1a4f8451c8658aed7822394a3" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_annotations_author" ON "annotations" ("author_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_annotations_claim_status" ON "annotations" ("claim_id", "status", "published_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "citations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "annotation_id" integer NOT NULL, "source_id" integer NOT NULL, "stance" varchar(16) NOT NULL, "excerpt" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "FK_7f18fa35ebe3caf74522e3ff555" FOREIGN KEY ("annotation_id") REFERENCES "annotations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1e64f3488a1047a48f9ebc4be65" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_citations_source" ON "citations" ("source_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_citations_annotation" ON "citations" ("annotation_id", "position")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_citations_source"`);
    await queryRunner.query(`DROP INDEX "IDX_citations_annotation"`);
    await queryRunner.query(`DROP TABLE "citations"`);
    await queryRunner.query(`DROP INDEX "IDX_annotations_author"`);
    await queryRunner.query(`DROP INDEX "IDX_annotations_claim_status"`);
    await queryRunner.query(`DROP TABLE "annotations"`);
    await queryRunner.query(`DROP INDEX "IDX_claims_verdict"`);
    await queryRunner.query(`DROP INDEX "IDX_claims_article_position"`);
    await queryRunner.query(`DROP TABLE "claims"`);
    await queryRunner.query(`DROP TABLE "sources"`);
    await queryRunner.query(`DROP INDEX "IDX_articles_section"`);
    await queryRunner.query(`DROP INDEX "IDX_articles_language"`);
    await queryRunner.query(`DROP INDEX "IDX_articles_status_published"`);
    await queryRunner.query(`DROP TABLE "articles"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
