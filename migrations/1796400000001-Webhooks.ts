import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks delivered from the event log: the ADMIN's endpoints (each with how far through the
 * log it has been delivered, its back-off and the lease of the replica delivering to it), the
 * delivery log of every attempt, and the events an ADMIN asked to be delivered again.
 */
export class Webhooks1796400000001 implements MigrationInterface {
  name = 'Webhooks1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    if (postgres) {
      await queryRunner.query(
        `CREATE TABLE "webhook_endpoints" ("id" SERIAL NOT NULL, "url" character varying(2048) NOT NULL, "description" character varying(500), "event_types" text NOT NULL, "secret" character varying(100) NOT NULL, "status" character varying(16) NOT NULL, "delivered_through" integer NOT NULL, "failed_attempts" integer NOT NULL DEFAULT '0', "failing_since" TIMESTAMP, "next_attempt_at" TIMESTAMP, "lease_owner" character varying(64), "lease_until" TIMESTAMP, "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "webhook_attempts" ("id" SERIAL NOT NULL, "endpoint_id" integer NOT NULL, "event_id" integer NOT NULL, "attempt" integer NOT NULL, "redelivery" integer NOT NULL DEFAULT '0', "attempted_at" TIMESTAMP NOT NULL, "status_code" integer, "latency_ms" integer NOT NULL, "response_excerpt" text, "error" character varying(200), "succeeded" integer NOT NULL, CONSTRAINT "PK_2de7e7887ad97de459adab62638" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "webhook_redeliveries" ("id" SERIAL NOT NULL, "endpoint_id" integer NOT NULL, "event_id" integer NOT NULL, "requested_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_b8a1bed713239054fd484c60d68" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "webhook_attempts" ADD CONSTRAINT "FK_ba3c8606f00614a41a397d17d48" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "webhook_redeliveries" ADD CONSTRAINT "FK_dfc676e0c3e1c4dcd59d53d0af3" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "webhook_endpoints" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar(2048) NOT NULL, "description" varchar(500), "event_types" text NOT NULL, "secret" varchar(100) NOT NULL, "status" varchar(16) NOT NULL, "delivered_through" integer NOT NULL, "failed_attempts" integer NOT NULL DEFAULT (0), "failing_since" datetime, "next_attempt_at" datetime, "lease_owner" varchar(64), "lease_until" datetime, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`,
      );
      await queryRunner.query(
        `CREATE TABLE "webhook_attempts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "endpoint_id" integer NOT NULL, "event_id" integer NOT NULL, "attempt" integer NOT NULL, "redelivery" integer NOT NULL DEFAULT (0), "attempted_at" datetime NOT NULL, "status_code" integer, "latency_ms" integer NOT NULL, "response_excerpt" text, "error" varchar(200), "succeeded" integer NOT NULL, CONSTRAINT "FK_ba3c8606f00614a41a397d17d48" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      );
      await queryRunner.query(
        `CREATE TABLE "webhook_redeliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "endpoint_id" integer NOT NULL, "event_id" integer NOT NULL, "requested_at" datetime NOT NULL, CONSTRAINT "FK_dfc676e0c3e1c4dcd59d53d0af3" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_endpoints_next_attempt" ON "webhook_endpoints" ("next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_attempts_endpoint" ON "webhook_attempts" ("endpoint_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_redeliveries_endpoint" ON "webhook_redeliveries" ("endpoint_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_webhook_redeliveries_endpoint"`);
    await queryRunner.query(`DROP INDEX "IDX_webhook_attempts_endpoint"`);
    await queryRunner.query(`DROP INDEX "IDX_webhook_endpoints_next_attempt"`);
    await queryRunner.query(`DROP TABLE "webhook_redeliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
