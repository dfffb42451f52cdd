import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable event log: `events`, appended to by each write's own transaction (a transactional
 * outbox), and `event_retention`, its one row saying through which id the log has been pruned.
 * Live subscriptions resume from it and webhooks deliver from it.
 */
export class EventLog1796400000000 implements MigrationInterface {
  name = 'EventLog1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    if (postgres) {
      await queryRunner.query(
        `CREATE TABLE "events" ("id" SERIAL NOT NULL, "type" character varying(32) NOT NULL, "article_id" integer, "claim_id" integer, "annotation_id" integer, "appearance_id" integer, "details" text NOT NULL, "is_public" integer NOT NULL, "occurred_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "event_retention" ("id" integer NOT NULL, "pruned_through" integer NOT NULL, "pruned_at" TIMESTAMP, CONSTRAINT "PK_b259d083e831862df8d0fb881e3" PRIMARY KEY ("id"))`,
      );
    } else {
      // AUTOINCREMENT: an id is never used twice, even once the newest rows are pruned.
      await queryRunner.query(
        `CREATE TABLE "events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(32) NOT NULL, "article_id" integer, "claim_id" integer, "annotation_id" integer, "appearance_id" integer, "details" text NOT NULL, "is_public" integer NOT NULL, "occurred_at" datetime NOT NULL)`,
      );
      await queryRunner.query(
        `CREATE TABLE "event_retention" ("id" integer PRIMARY KEY NOT NULL, "pruned_through" integer NOT NULL, "pruned_at" datetime)`,
      );
    }
    await queryRunner.query(`CREATE INDEX "IDX_events_occurred_at" ON "events" ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_events_article" ON "events" ("article_id", "id") `);
    await queryRunner.query(`INSERT INTO "event_retention" ("id", "pruned_through") VALUES (1, 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event_retention"`);
    await queryRunner.query(`DROP INDEX "IDX_events_article"`);
    await queryRunner.query(`DROP INDEX "IDX_events_occurred_at"`);
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
