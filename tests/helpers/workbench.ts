import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/modules/user/user.entity';
import { givePassword, TEST_PASSWORD } from './sessions';
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

/** A staff account that can sign in through the workbench's form: its email and password. */
export interface PasswordAccount extends StaffAccount {
  email: string;
  password: string;
}

/** A new staff account with an email and the test password (TEST_PASSWORD), for the sign-in form. */
export async function passwordAccount(server: TestServer, role: Role, name?: string): Promise<PasswordAccount> {
  const account = await staffAccount(server, role, name);
  const email = await givePassword(server.db, account.userId);
  return { ...account, email, password: TEST_PASSWORD };
}

/**
 * Signs in as a person does: opens /review, fills Email and Password of the sign-in form, sends
 * it, and waits until the queue (the landing page) is drawn. The session is the cookie's.
 */
export async function signInThroughForm(
  page: Page,
  server: TestServer,
  account: { email: string; password: string },
): Promise<void> {
  await page.goto(`${server.url}/review`);
  const form = page.locator('main.sign-in');
  await form.getByLabel('Email').waitFor({ timeout: 20_000 });
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page
    .locator('main h1')
    .filter({ hasText: /queue$/ })
    .waitFor({ timeout: 20_000 });
}

/** Presses the mouse at the first character of the span of the article body (offsets in its text) and drags to its last, as a person selects. */
export async function dragSelect(page: Page, start: number, end: number) {
  const box = await page.evaluate<{ x1: number; y1: number; x2: number; y2: number }>(`(() => {
    const root = document.querySelector('[data-testid="article-body"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const at = (offset) => {
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (offset < seen + node.textContent.length) return { node, offset: offset - seen };
        seen += node.textContent.length;
      }
    };
    const rectOf = (offset) => {
      walker.currentNode = root;
      const p = at(offset);
      const range = document.createRange();
      range.setStart(p.node, p.offset);
      range.setEnd(p.node, p.offset + 1);
      return range.getBoundingClientRect();
    };
    const a = rectOf(${start});
    const b = rectOf(${end - 1});
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  })()`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}
