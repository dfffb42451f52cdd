import fs from 'node:fs';
import type { Database } from '../../db/database';
import { DEMO_DATASET_FILE } from '../../paths';
import { randomBytes } from 'node:crypto';
import { AuthService } from '../auth/auth.service';
import { SignInService } from '../auth/sign-in.service';
import { Role } from '../user/user.entity';
import { UserService } from '../user/user.service';
import { userByName } from './dataset.queries';
import type { Dataset } from './dataset.types';

/** Slug of the demo article (fixtures/demo-dataset.json); the playground's example uses it. */
export const DEMO_ARTICLE_SLUG = 'biden-warns-putin-act-firmly-ukraine-tensions';

export function readDemoDataset(): Dataset {
  return JSON.parse(fs.readFileSync(DEMO_DATASET_FILE, 'utf8')) as Dataset;
}

export interface DemoAccount {
  name: string;
  role: string;
  /** An API token for the playground. */
  secret: string;
  /** How to sign in to the workbench at /review. */
  email: string;
  password: string;
}

/** The demo accounts' sign-in emails: a reserved domain, so no one's real address. */
const DEMO_EMAIL_DOMAIN = 'demo.factline.test';

/**
 * Access for the demo dataset's reviewer and editor, and a demo administrator, so a newcomer can
 * try the mutations in the playground (an API token each) and the workbench (an email and a
 * random password each). Shown once, at the first start outside production.
 */
export async function issueDemoAccess(db: Database): Promise<DemoAccount[]> {
  const auth = new AuthService({ db });
  const users = new UserService({ db });
  const signIn = new SignInService({ db });
  const accounts = [];
  for (const user of readDemoDataset().users) {
    const account = await db.reader.row(userByName, { name: user.name });
    if (!account) throw new Error(`The demo dataset's user ${user.name} is not stored.`);
    accounts.push({ id: account.id, name: account.name, role: account.role as string, key: user.key });
  }
  const admin = await users.create('Demo Admin', Role.ADMIN);
  accounts.push({ id: admin.id, name: admin.name, role: admin.role, key: 'demo-admin' });
  const access: DemoAccount[] = [];
  for (const { id, name, role, key } of accounts) {
    const email = `${key}@${DEMO_EMAIL_DOMAIN}`;
    const password = randomBytes(12).toString('base64url');
    await users.setEmail(id, email);
    await signIn.setPassword(id, password);
    const { secret } = await auth.issue(id, 'demo account');
    access.push({ name, role, secret, email, password });
  }
  return access;
}
