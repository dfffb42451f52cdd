import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff sign-in: an account's email (normalised lower case, unique) and argon2id password hash,
 * the browser sessions (`sessions`), and the failed sign-ins counted per email
 * (`sign_in_throttles`). The new user columns are added in place (ALTER TABLE ADD COLUMN) on
 * both databases: rebuilding `users` on SQLite would cascade into every table referencing it.
 */
export class StaffSignIn1796400000004 implements MigrationInterface {
  name = 'StaffSignIn1796400000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE TABLE "sessions" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "token_hash" character varying(64) NOT NULL, "method" character varying(16) NOT NULL, "created_at" TIMESTAMP NOT NULL, "last_seen_at" TIMESTAMP NOT NULL, "expires_at" TIMESTAMP NOT NULL, "revoked_at" TIMESTAMP, "user_agent" character varying(200), "address" character varying(64), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "sign_in_throttles" ("key" character varying(64) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP, "lockouts" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_f01bfc0e243b5d41e587ffff6dd" PRIMARY KEY ("key"))`,
      );
      await queryRunner.query(`ALTER TABLE "users" ADD "email" character varying(320)`);
      await queryRunner.query(`ALTER TABLE "users" ADD "password_hash" character varying(200)`);
      await queryRunner.query(`ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP`);
      await queryRunner.query(
        `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "method" varchar(16) NOT NULL, "created_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "revoked_at" datetime, "user_agent" varchar(200), "address" varchar(64), CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      );
      await queryRunner.query(
        `CREATE TABLE "sign_in_throttles" ("key" varchar(64) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "window_started_at" datetime, "lockouts" integer NOT NULL DEFAULT (0), "locked_until" datetime, "updated_at" datetime NOT NULL)`,
      );
      await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "email" varchar(320)`);
      await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "password_hash" varchar(200)`);
      await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "password_changed_at" datetime`);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_users_email" ON "users" ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_sessions_token_hash" ON "sessions" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_user" ON "sessions" ("user_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_throttles_updated" ON "sign_in_throttles" ("updated_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_sign_in_throttles_updated"`);
    await queryRunner.query(`DROP INDEX "IDX_sessions_user"`);
    await queryRunner.query(`DROP INDEX "IDX_sessions_token_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_users_email"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_hash"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttles"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
  }
}
