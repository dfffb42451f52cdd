import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL's starting point: every table, index and foreign key the SQLite migrations before
 * it built, as TypeORM generates them for PostgreSQL from the entities. No PostgreSQL database
 * ever ran those migrations one by one, so PostgreSQL's history starts here; every migration
 * after it serves both dialects (see migrations/index.ts).
 *
 * One change from TypeORM's output: articles' (status, published_at, id) index keeps NULL
 * dates first, SQLite's order, which the keyset pages of the article list follow.
 */
export class PostgresBaseline1796000000000 implements MigrationInterface {
  name = 'PostgresBaseline1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') throw new Error('PostgresBaseline is for PostgreSQL only.');
    await queryRunner.query(
      `CREATE TABLE "users" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "articles" ("id" SERIAL NOT NULL, "slug" character varying(200) NOT NULL, "headline" text NOT NULL, "standfirst" text, "body" text NOT NULL, "authors" text NOT NULL, "section" character varying(100), "language" character varying(35) NOT NULL, "url" character varying(2048), "published_at" TIMESTAMP, "status" character varying(16) NOT NULL, "version" integer NOT NULL DEFAULT '1', "revision" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_1123ff6815c5b8fec0ba9fec370" UNIQUE ("slug"), CONSTRAINT "PK_0a6e2c450d83e0b6052c2793334" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_articles_section" ON "articles" ("section")`);
    await queryRunner.query(`CREATE INDEX "IDX_articles_language" ON "articles" ("language")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_articles_status_published" ON "articles" ("status", "published_at" NULLS FIRST, "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" SERIAL NOT NULL, "article_id" integer NOT NULL, "quote" text NOT NULL, "prefix" text NOT NULL, "suffix" text NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "claimant" character varying(200), "verdict" character varying(16), "anchor_status" character varying(16) NOT NULL DEFAULT 'ANCHORED', "anchor_score" real, "anchor_exact" text, "checked_revision" integer NOT NULL DEFAULT '1', "external_id" character varying(255), "deleted_at" TIMESTAMP, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_verdict" ON "claims" ("verdict")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_claims_external_id" ON "claims" ("external_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_article_position" ON "claims" ("article_id", "start_offset", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "annotations" ("id" SERIAL NOT NULL, "claim_id" integer NOT NULL, "author_id" integer NOT NULL, "verdict" character varying(16) NOT NULL, "summary" character varying(500) NOT NULL, "body" text NOT NULL, "status" character varying(16) NOT NULL, "version" integer NOT NULL DEFAULT '1', "published_at" TIMESTAMP, "retracted_at" TIMESTAMP, "retraction_reason" character varying(1000), "external_id" character varying(255), "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_d5b59b40ef7ee54b4309c2e89b2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_annotations_author" ON "annotations" ("author_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_annotations_external_id" ON "annotations" ("external_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_annotations_claim_status" ON "annotations" ("claim_id", "status", "published_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "annotation_revisions" ("id" SERIAL NOT NULL, "annotation_id" integer NOT NULL, "version" integer NOT NULL, "change" character varying(16) NOT NULL, "verdict" character varying(16) NOT NULL, "summary" character varying(500) NOT NULL, "body" text NOT NULL, "status" character varying(16) NOT NULL, "citations" text NOT NULL, "actor_id" integer NOT NULL, "note" character varying(1000), "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_59a225fa11a41156a3bab0f088f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_annotation_revisions_version" ON "annotation_revisions" ("annotation_id", "version")`,
    );
    await queryRunner.query(
      `CREATE TABLE "corrections" ("id" SERIAL NOT NULL, "article_id" integer NOT NULL, "claim_id" integer NOT NULL, "annotation_id" integer NOT NULL, "kind" character varying(16) NOT NULL, "previous_verdict" character varying(16), "new_verdict" character varying(16), "note" character varying(1000) NOT NULL, "editor_id" integer NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_c362438b2b0fcce02e21e4c24c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_corrections_annotation" ON "corrections" ("annotation_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_corrections_claim" ON "corrections" ("claim_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_corrections_article" ON "corrections" ("article_id", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "label" character varying(200) NOT NULL, "token_hash" character varying(64) NOT NULL, "token_prefix" character varying(16) NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP, "revoked_at" TIMESTAMP, CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_api_tokens_user" ON "api_tokens" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_api_tokens_hash" ON "api_tokens" ("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "sources" ("id" SERIAL NOT NULL, "url" character varying(2048) NOT NULL, "title" character varying(500) NOT NULL, "publisher" character varying(200), "published_at" TIMESTAMP, "kind" character varying(16) NOT NULL, "accessed_at" TIMESTAMP, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_f3669d5c21ec3b27789e801d125" UNIQUE ("url"), CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citations" ("id" SERIAL NOT NULL, "annotation_id" integer NOT NULL, "source_id" integer NOT NULL, "stance" character varying(16) NOT NULL, "excerpt" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_3ac0e933616c270f79f04cfc9fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_citations_source" ON "citations" ("source_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_citations_annotation" ON "citations" ("annotation_id", "position")`);
    await queryRunner.query(
      `CREATE TABLE "article_revisions" ("id" SERIAL NOT NULL, "article_id" integer NOT NULL, "number" integer NOT NULL, "headline" text NOT NULL, "standfirst" text, "body" text NOT NULL, "editor_id" integer, "note" character varying(1000), "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_e5a3375569c46d93baa9fe4bfe4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_article_revisions_time" ON "article_revisions" ("article_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_article_revisions_number" ON "article_revisions" ("article_id", "number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_anchors" ("id" SERIAL NOT NULL, "claim_id" integer NOT NULL, "article_revision" integer NOT NULL, "status" character varying(16) NOT NULL, "quote" text NOT NULL, "claimant" character varying(200), "anchor_exact" text, "prefix" text NOT NULL, "suffix" text NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "score" real, "checked_revision" integer NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_c5c642d922a2e3ba870891861e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claim_anchors_time" ON "claim_anchors" ("claim_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_ff3bdbf055a3814b14ac5bfc6b8" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD CONSTRAINT "FK_e4733415f8f44e1e8b398c1940c" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD CONSTRAINT "FK_5f1a4f8451c8658aed7822394a3" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotation_revisions" ADD CONSTRAINT "FK_3a45f58fac5b35c7544ccf2f9f7" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotation_revisions" ADD CONSTRAINT "FK_9a4b8862bc3bc7d29f72dce9d4b" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corrections" ADD CONSTRAINT "FK_7addac0c537cd43a6de76f50116" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corrections" ADD CONSTRAINT "FK_85805e688ee4f98aef95eea19fb" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corrections" ADD CONSTRAINT "FK_099feca1dd8ebd4605f8f39bad5" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corrections" ADD CONSTRAINT "FK_caad63b70f9f776f8f525153d39" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "citations" ADD CONSTRAINT "FK_7f18fa35ebe3caf74522e3ff555" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "citations" ADD CONSTRAINT "FK_1e64f3488a1047a48f9ebc4be65" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_revisions" ADD CONSTRAINT "FK_d710c0a22d74814285c06f8994d" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_revisions" ADD CONSTRAINT "FK_01ede1aa4906d3fd684fdd0a56d" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_anchors" ADD CONSTRAINT "FK_c1283f4f2caf21dd7753b4de72d" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claim_anchors" DROP CONSTRAINT "FK_c1283f4f2caf21dd7753b4de72d"`);
    await queryRunner.query(`ALTER TABLE "article_revisions" DROP CONSTRAINT "FK_01ede1aa4906d3fd684fdd0a56d"`);
    await queryRunner.query(`ALTER TABLE "article_revisions" DROP CONSTRAINT "FK_d710c0a22d74814285c06f8994d"`);
    await queryRunner.query(`ALTER TABLE "citations" DROP CONSTRAINT "FK_1e64f3488a1047a48f9ebc4be65"`);
    await queryRunner.query(`ALTER TABLE "citations" DROP CONSTRAINT "FK_7f18fa35ebe3caf74522e3ff555"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_b74883f5884a42fd8496d389b25"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP CONSTRAINT "FK_caad63b70f9f776f8f525153d39"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP CONSTRAINT "FK_099feca1dd8ebd4605f8f39bad5"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP CONSTRAINT "FK_85805e688ee4f98aef95eea19fb"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP CONSTRAINT "FK_7addac0c537cd43a6de76f50116"`);
    await queryRunner.query(`ALTER TABLE "annotation_revisions" DROP CONSTRAINT "FK_9a4b8862bc3bc7d29f72dce9d4b"`);
    await queryRunner.query(`ALTER TABLE "annotation_revisions" DROP CONSTRAINT "FK_3a45f58fac5b35c7544ccf2f9f7"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_5f1a4f8451c8658aed7822394a3"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_e4733415f8f44e1e8b398c1940c"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_ff3bdbf055a3814b14ac5bfc6b8"`);
    await queryRunner.query(`DROP INDEX "IDX_claim_anchors_time"`);
    await queryRunner.query(`DROP TABLE "claim_anchors"`);
    await queryRunner.query(`DROP INDEX "IDX_article_revisions_number"`);
    await queryRunner.query(`DROP INDEX "IDX_article_revisions_time"`);
    await queryRunner.query(`DROP TABLE "article_revisions"`);
    await queryRunner.query(`DROP INDEX "IDX_citations_annotation"`);
    await queryRunner.query(`DROP INDEX "IDX_citations_source"`);
    await queryRunner.query(`DROP TABLE "citations"`);
    await queryRunner.query(`DROP TABLE "sources"`);
    await queryRunner.query(`DROP INDEX "IDX_api_tokens_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_api_tokens_user"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP INDEX "IDX_corrections_article"`);
    await queryRunner.query(`DROP INDEX "IDX_corrections_claim"`);
    await queryRunner.query(`DROP INDEX "IDX_corrections_annotation"`);
    await queryRunner.query(`DROP TABLE "corrections"`);
    await queryRunner.query(`DROP INDEX "IDX_annotation_revisions_version"`);
    await queryRunner.query(`DROP TABLE "annotation_revisions"`);
    await queryRunner.query(`DROP INDEX "IDX_annotations_claim_status"`);
    await queryRunner.query(`DROP INDEX "IDX_annotations_external_id"`);
    await queryRunner.query(`DROP INDEX "IDX_annotations_author"`);
    await queryRunner.query(`DROP TABLE "annotations"`);
    await queryRunner.query(`DROP INDEX "IDX_claims_article_position"`);
    await queryRunner.query(`DROP INDEX "IDX_claims_external_id"`);
    await queryRunner.query(`DROP INDEX "IDX_claims_verdict"`);
    await queryRunner.query(`DROP TABLE "claims"`);
    await queryRunner.query(`DROP INDEX "IDX_articles_status_published"`);
    await queryRunner.query(`DROP INDEX "IDX_articles_language"`);
    await queryRunner.query(`DROP INDEX "IDX_articles_section"`);
    await queryRunner.query(`DROP TABLE "articles"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
