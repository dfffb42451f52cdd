import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/modules/user/user.entity';
import type { TestServer } from './test-app';

/** A staff account the workbench tests act as. */
export interface StaffAccount {
  userId: number;
  name: string;
  role: Role;
  token: string;
}

export async function staffAccount(server: TestServer, role: Role, name?: string): Promise<StaffAccount> {
  const signedIn = await server.signIn(role, name);
  return { userId: signedIn.userId, name: signedIn.viewer.user!.name, role, token: signedIn.token };
}

/**
 * Makes every request of the context act as the account, by its API token. Only for tests of
 * pages that are not about signing in: the sign-in tests go through the form and the cookie.
 */
export async function actAs(context: BrowserContext, account: StaffAccount): Promise<void> {
  await context.setExtraHTTPHeaders({ authorization: `Bearer ${account.token}` });
}

/** Opens a workbench page and waits until the application has drawn its heading. */
export async function openWorkbench(page: Page, server: TestServer, path = ''): Promise<void> {
  await page.goto(`${server.url}/review${path}`);
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 20_000 });
}
