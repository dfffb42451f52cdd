import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SignInService } from '../../src/modules/auth/sign-in.service';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { givePassword, TEST_PASSWORD } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/test-app';
import { openWorkbench, staffAccount, type StaffAccount } from '../helpers/workbench';

/** The account page in a real browser, signed in through the sign-in form and its cookie. */
describe('workbench account page', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: StaffAccount;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    admin = await staffAccount(server, Role.ADMIN, 'Ada Admin');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const sessionsOf = async (userId: number) =>
    (
      await server.gql<{ node: { sessions: { id: string; current: boolean }[] } }>(
        'query($id: ID!) { node(id: $id) { ... on User { sessions { id current } } } }',
        { id: toGlobalId('User', userId) },
        admin.token,
      )
    ).data!.node.sessions;

  it('shows who you are, signs out your other sessions, and changes your password with errors next to the fields', async () => {
    const rita = await staffAccount(server, Role.REVIEWER, 'Rita Reviewer');
    const email = await givePassword(server.db, rita.userId);
    // Another browser of hers, signed in elsewhere.
    await new SignInService({ db: server.db }).signIn({ email, password: TEST_PASSWORD });

    const { context } = await offlineContext(browser);
    const page = await context.newPage();
    const watched = watchPage(page);
    await openWorkbench(page, server, '/account');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(await page.getByTestId('account-name').textContent()).toBe('Rita Reviewer');
    expect(await page.locator('.facts').textContent()).toContain(email);
    expect(await page.locator('.facts').textContent()).toContain('Reviewer');

    const sessions = page.locator('.sessions-table tbody tr');
    await eventually(async () => (await sessions.count()) === 2);
    expect(await page.locator('.sessions-table').getByText('This browser').count()).toBe(1);
    await screenshot(page, 'workbench-account');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out other sessions' }).click();
    await page.getByTestId('announcer').filter({ hasText: 'Signed out everywhere else' }).waitFor();
    await eventually(async () => (await sessions.count()) === 1);
    expect((await sessionsOf(rita.userId)).length).toBe(1);

    // A wrong current password: the API's words next to that field, and nothing typed is lost.
    const current = page.getByLabel('Current password');
    await current.fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill('a much longer new password');
    await page.getByRole('button', { name: 'Change the password' }).click();
    const error = page.locator('.field-error', { hasText: 'The current password is wrong.' });
    await error.waitFor();
    const errorId = await error.getAttribute('id');
    expect(await current.getAttribute('aria-describedby')).toContain(errorId);
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('New password', { exact: true }).inputValue()).toBe('a much longer new password');

    // The right one: changed, and the new password signs in.
    await current.fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Your password is changed.').waitFor();
    expect(await current.inputValue()).toBe('');
    const signIn = await fetch(`${server.url}/review/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a much longer new password' }),
    });
    expect(signIn.status).toBe(200);
    const old = await fetch(`${server.url}/review/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(old.status).not.toBe(200);
    // This browser is still signed in.
    await page.reload();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });
});

async function eventually(done: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
