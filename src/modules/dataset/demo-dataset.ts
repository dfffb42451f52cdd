import fs from 'node:fs';
import type { Database } from '../../db/database';
import { DEMO_DATASET_FILE } from '../../paths';
import { AuthService } from '../auth/auth.service';
import { userByName } from './dataset.queries';
import type { Dataset } from './dataset.types';

/** Slug of the demo article (fixtures/demo-dataset.json); the playground's example uses it. */
export const DEMO_ARTICLE_SLUG = 'biden-warns-putin-act-firmly-ukraine-tensions';

export function readDemoDataset(): Dataset {
  return JSON.parse(fs.readFileSync(DEMO_DATASET_FILE, 'utf8')) as Dataset;
}

export interface DemoToken {
  name: string;
  role: string;
  secret: string;
}

/** API tokens for the demo dataset's reviewer and editor, so a newcomer can try the mutations. */
export async function issueDemoTokens(db: Database): Promise<DemoToken[]> {
  const auth = new AuthService({ db });
  const tokens: DemoToken[] = [];
  for (const user of readDemoDataset().users) {
    const account = await db.reader.row(userByName, { name: user.name });
    if (!account) throw new Error(`The demo dataset's user ${user.name} is not stored.`);
    const { secret } = await auth.issue(account.id, 'demo account');
    tokens.push({ name: account.name, role: account.role, secret });
  }
  return tokens;
}
