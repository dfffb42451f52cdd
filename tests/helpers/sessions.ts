import { sql } from 'kysely';
import type { Database } from '../../src/db/database';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SignInService } from '../../src/modules/auth/sign-in.service';
import { inspectWrite } from './inspect';

export const TEST_PASSWORD = 'correct horse battery';
let emails = 0;

/**
 * Gives an existing account an email and `password` (the accounts tests make have neither),
 * and returns the email.
 */
export async function givePassword(db: Database, userId: number, password = TEST_PASSWORD): Promise<string> {
  emails += 1;
  const email = `user-${userId}-${emails}-${process.pid}@factline.test`;
  await db.writes.run((manager) => inspectWrite(manager, sql`UPDATE users SET email = ${email} WHERE id = ${userId}`));
  await new SignInService({ db }).setPassword(userId, password);
  return email;
}

/** A new password session of an existing account (as POST /review/session makes): its global id and secret. */
export async function newSessionFor(db: Database, userId: number): Promise<{ id: string; secret: string }> {
  const email = await givePassword(db, userId);
  const { session, secret } = await new SignInService({ db }).signIn({ email, password: TEST_PASSWORD });
  return { id: toGlobalId('Session', session.id), secret };
}
