import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { claimReviewImportRecords, runBulkImport } from '../../src/modules/dataset/bulk-import';
import { Role } from '../../src/modules/user/user.entity';
import { type DispatcherOptions, WebhookDispatcher } from '../../src/webhooks/dispatcher';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { Newsroom } from '../helpers/newsroom';
import { newSessionFor } from '../helpers/sessions';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { actAs, openWorkbench, staffAccount, type StaffAccount } from '../helpers/workbench';
import { eventually, Receiver } from '../webhooks/receiver';

/** The administration in a real browser, as an admin, against a real server and database. */

interface ScaleRow {
  id: string;
  label: string;
  position: number;
}

describe('workbench administration', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: StaffAccount;
  let context: BrowserContext;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;

  const scale = async (): Promise<ScaleRow[]> => {
    const result = await server.gql<{ ratingScale: ScaleRow[] }>('{ ratingScale { id label position } }');
    return [...result.data!.ratingScale].sort((a, b) => a.position - b.position);
  };
  const focusedLabel = () =>
    page.evaluate<string | null>('document.activeElement ? document.activeElement.getAttribute("aria-label") : null');

  beforeAll(async () => {
    server = await startTestServer({ config: { allowHttpWebhooks: true } });
    browser = await launchChromium();
    admin = await staffAccount(server, Role.ADMIN, 'Ada Admin');
    ({ context } = await offlineContext(browser));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await actAs(context, admin);
    page = await context.newPage();
    watched = watchPage(page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a user, changes their role, gives a token shown once and revokes it, signs out a session', async () => {
    await openWorkbench(page, server, '/admin/users');
    expect(await page.locator('main h1').textContent()).toBe('Administration: Users');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a user' }) });
    await form.getByLabel('Name').fill('Rosa Reviewer');
    await form.getByLabel('Email (optional)').fill('rosa@factline.test');
    await form.getByLabel('Role').selectOption('REVIEWER');
    await form.getByRole('button', { name: 'Add the user' }).click();
    // The new account opens, its heading focused.
    const panel = page.locator('.user-panel');
    await panel.getByRole('heading', { name: /Rosa Reviewer/ }).waitFor();
    await eventually(
      () => page.evaluate<boolean>('document.activeElement?.id === "user-panel-title"'),
      () => 'focus did not move to the new account',
    );
    const userId = await panel.getAttribute('data-user-id');
    await page.getByRole('rowheader', { name: 'Rosa Reviewer' }).waitFor();

    await panel.getByLabel('Role of Rosa Reviewer').selectOption('EDITOR');
    await panel.getByRole('button', { name: 'Change role' }).click();
    await page.getByTestId('announcer').filter({ hasText: 'Rosa Reviewer is now Editor' }).waitFor();
    const read = await server.gql<{ node: { name: string; email: string; role: string } }>(
      'query($id: ID!) { node(id: $id) { ... on User { name email role } } }',
      { id: userId },
      admin.token,
    );
    expect(read.data?.node).toEqual({ name: 'Rosa Reviewer', email: 'rosa@factline.test', role: 'EDITOR' });

    // A token: its secret in a marked box, once; it works until revoked.
    await panel.getByLabel('New token: what it is for').fill('Rosa laptop');
    await panel.getByRole('button', { name: 'Make a token' }).click();
    const secret = (await panel.getByTestId('secret').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    expect(await panel.getByTestId('secret-box').textContent()).toContain('Copy it now.');
    const asRosa = await server.gql<{ viewer: { name: string } }>('{ viewer { name } }', {}, secret);
    expect(asRosa.data?.viewer.name).toBe('Rosa Reviewer');
    await panel.getByRole('button', { name: 'Copy', exact: true }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    await panel.getByRole('rowheader', { name: 'Rosa laptop' }).waitFor();

    // A live session of another account, signed out from here.
    const sam = await staffAccount(server, Role.REVIEWER, 'Sam Sessions');
    const session = await newSessionFor(server.db, sam.userId);
    await page.reload();
    await page.getByRole('button', { name: 'Manage Sam Sessions' }).click();
    const samPanel = page.locator('.user-panel', { has: page.getByRole('heading', { name: /Sam Sessions/ }) });
    await samPanel.locator('.sessions-table tbody tr').first().waitFor();
    await screenshot(page, 'workbench-admin-users');
    expect(await seriousViolations(page)).toEqual([]);
    await samPanel.getByRole('button', { name: /Sign out the session of Sam Sessions/ }).click();
    await samPanel.getByText('Not signed in anywhere.').waitFor();
    const samNow = await server.gql<{ node: { sessions: { id: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on User { sessions { id } } } }',
      { id: toGlobalId('User', sam.userId) },
      admin.token,
    );
    expect(samNow.data?.node.sessions).toEqual([]);
    expect(session.id).toBeTruthy();

    // Back to Rosa: close the secret box (it is gone for good), then revoke her token.
    await page.getByRole('button', { name: 'Manage Rosa Reviewer' }).click();
    const rosa = page.locator('.user-panel');
    expect(await rosa.getByTestId('secret').count()).toBe(0);
    await rosa.getByRole('button', { name: 'Revoke token Rosa laptop of Rosa Reviewer' }).click();
    await rosa.getByText('Revoked').waitFor();
    const afterRevoke = await server.gql('{ viewer { name } }', {}, secret);
    expect(afterRevoke.data?.viewer ?? null).toBeNull();
    expect(watched.pageErrors).toEqual([]);
  });

  it('keeps the rating scale: add, edit, reorder by keyboard, delete an unused one, refuse one in use in words', async () => {
    await openWorkbench(page, server, '/admin/scale');
    const before = await scale();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a rating' }) });
    await form.getByLabel('Label', { exact: true }).fill('Half true');
    await form.getByLabel('Verdict').selectOption('MIXED');
    await form.getByLabel('Colour', { exact: true }).fill('#aa7700');
    await form.getByLabel('Description (optional)').fill('Partly right, partly wrong.');
    await form.getByRole('button', { name: 'Add the rating' }).click();
    await page.getByRole('rowheader', { name: /Half true/ }).waitFor();
    let now = await scale();
    expect(now.map((r) => r.label)).toEqual([...before.map((r) => r.label), 'Half true']);

    // A label the scale has is refused next to the label field, and what was typed stays.
    await form.getByLabel('Label', { exact: true }).fill('half TRUE');
    await form.getByRole('button', { name: 'Add the rating' }).click();
    await form
      .locator('.field-error')
      .filter({ hasText: /already/ })
      .waitFor();
    expect(await form.getByLabel('Label', { exact: true }).inputValue()).toBe('half TRUE');
    await form.getByLabel('Label', { exact: true }).fill('');

    // Edit its label.
    await page.getByRole('button', { name: 'Edit Half true' }).click();
    const edit = page.locator('form[aria-label="Edit Half true"]');
    await edit.getByLabel('Label', { exact: true }).fill('Half right');
    await edit.getByRole('button', { name: 'Save the rating' }).click();
    await page.getByRole('rowheader', { name: /Half right/ }).waitFor();
    now = await scale();
    expect(now.at(-1)!.label).toBe('Half right');

    // Keyboard only: Enter on "up" twice; the focus stays on the moved rating's button.
    await page.getByRole('button', { name: 'Move Half right up' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('announcer')
      .filter({ hasText: /Half right moved up/ })
      .waitFor();
    await eventually(
      async () => (await focusedLabel()) === 'Move Half right up',
      () => 'focus left the moved rating',
    );
    await page.keyboard.press('Enter');
    await page
      .getByTestId('announcer')
      .filter({ hasText: `Half right moved up to place ${before.length - 1}` })
      .waitFor();
    expect((await scale()).findIndex((r) => r.label === 'Half right')).toBe(before.length - 2);
    await eventually(
      async () => (await focusedLabel()) === 'Move Half right up',
      () => 'focus left the moved rating',
    );
    // Tab to "down" and back down once.
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Move Half right down');
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await scale()).findIndex((r) => r.label === 'Half right') === before.length - 1,
      () => 'the scale was not reordered down',
    );

    // A rating published fact-checks carry: its deletion is refused in words next to it.
    const inUse = before.find((r) => r.label === 'False') ?? before[0];
    await page.getByRole('button', { name: `Delete ${inUse.label}`, exact: true }).click();
    const inUseRow = page.locator(`tr[data-rating-id="${inUse.id}"]`);
    const refusal = inUseRow.locator('.field-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/\w+ \w+/);
    expect(await refusal.textContent()).not.toContain('{');
    expect((await scale()).some((r) => r.id === inUse.id)).toBe(true);
    await screenshot(page, 'workbench-admin-scale');
    expect(await seriousViolations(page)).toEqual([]);

    // Renaming a rating published fact-checks carry needs a note: the API's words stand under the note field.
    await page.getByRole('button', { name: `Edit ${inUse.label}`, exact: true }).click();
    const editInUse = page.locator(`form[aria-label="Edit ${inUse.label}"]`);
    await editInUse.getByLabel('Label', { exact: true }).fill(`${inUse.label} (renamed)`);
    expect(await editInUse.locator('.notice.warn').textContent()).toMatch(/public correction/);
    await editInUse.getByRole('button', { name: 'Save the rating' }).click();
    const note = editInUse.getByLabel('Note for readers');
    await editInUse.locator('.field-error').first().waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await editInUse.getByRole('button', { name: 'Cancel' }).click();
    expect((await scale()).find((r) => r.id === inUse.id)!.label).toBe(inUse.label);

    // The unused one goes.
    await page.getByRole('button', { name: 'Delete Half right' }).click();
    await page.getByRole('rowheader', { name: /Half right/ }).waitFor({ state: 'detached' });
    expect((await scale()).map((r) => r.label)).toEqual(before.map((r) => r.label));
    expect(watched.pageErrors).toEqual([]);
  });

  it('adds and deletes a topic', async () => {
    await openWorkbench(page, server, '/admin/topics');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a topic' }) });
    await form.getByLabel('Name').fill('Energy prices');
    await form.getByLabel('Description (optional)').fill('Gas, power and fuel.');
    await form.getByRole('button', { name: 'Add the topic' }).click();
    await page.getByRole('rowheader', { name: 'Energy prices' }).waitFor();
    const topics = async () =>
      (
        await server.gql<{ topics: { edges: { node: { name: string } }[] } }>(
          '{ topics(first: 100) { edges { node { name } } } }',
          {},
          admin.token,
        )
      ).data!.topics.edges.map((e) => e.node.name);
    expect(await topics()).toContain('Energy prices');
    await screenshot(page, 'workbench-admin-topics');
    expect(await seriousViolations(page)).toEqual([]);
    // Filed under: deleting it is refused, in words next to it.
    const articles = await server.gql<{ articles: { edges: { node: { id: string } }[] } }>(
      '{ articles(first: 1) { edges { node { id } } } }',
      {},
      admin.token,
    );
    const topicId = await page
      .locator('tr', { has: page.getByRole('rowheader', { name: 'Energy prices' }) })
      .getAttribute('data-topic-id');
    const articleId = articles.data!.articles.edges[0].node.id;
    const filed = await server.gql(
      'mutation($input: SetArticleTopicsInput!) { setArticleTopics(input: $input) { id } }',
      { input: { articleId, topicIds: [topicId] } },
      admin.token,
    );
    expect(filed.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Delete Energy prices' }).click();
    const refusal = page.locator(`tr[data-topic-id="${topicId}"] .field-error`);
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toContain('{');
    expect(await topics()).toContain('Energy prices');
    await server.gql(
      'mutation($input: SetArticleTopicsInput!) { setArticleTopics(input: $input) { id } }',
      { input: { articleId, topicIds: [] } },
      admin.token,
    );
    await page.getByRole('button', { name: 'Delete Energy prices' }).click();
    await page.getByRole('rowheader', { name: 'Energy prices' }).waitFor({ state: 'detached' });
    expect(await topics()).not.toContain('Energy prices');
    expect(watched.pageErrors).toEqual([]);
  });

  it('adds a webhook endpoint, shows its secret once and its delivery log after an event', async () => {
    const receiver = await new Receiver().open();
    const dispatcher = new WebhookDispatcher(server.db, {
      publicUrl: 'http://factline.test',
      allowPrivate: true,
      pollMs: 50,
      timeoutMs: 500,
      leaseMs: 5_000,
      retry: { firstMs: 20, maxMs: 100, giveUpAfterMs: 60_000 },
    } as DispatcherOptions).start();
    try {
      await openWorkbench(page, server, '/admin/webhooks');
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an endpoint' }) });
      await form.getByLabel('URL').fill(receiver.url);
      await form.getByRole('button', { name: 'Add the endpoint' }).click();
      const secret = (await page.getByTestId('secret').textContent())!.trim();
      expect(secret).toMatch(/^whsec_/);
      const endpoint = page.locator('article.endpoint', { hasText: receiver.url });
      await endpoint.waitFor();
      await endpoint.getByText('Active').waitFor();

      // An event: a fact-check published over the API.
      const editor: SignedIn = await server.signIn(Role.EDITOR);
      const reviewer: SignedIn = await server.signIn(Role.REVIEWER);
      const room = new Newsroom(server);
      const story = await room.publishedStory(
        editor,
        reviewer,
        'webhook-admin-story',
        'The minister said the bridge cost ten million. Nobody agreed.',
        'the bridge cost ten million',
      );
      await room.publishedCheck(reviewer, editor, {
        claimId: story.claimId,
        verdict: 'FALSE',
        summary: 'It cost more.',
        body: 'The budget says twelve.',
      });
      await eventually(
        () => receiver.received.length >= 1,
        () => 'no delivery',
      );
      // The log refreshes on its own while the section is open.
      await endpoint.locator('.delivery-log tbody tr').first().waitFor({ timeout: 15_000 });
      expect(await endpoint.locator('.delivery-log').textContent()).toContain('Delivered');
      expect(await endpoint.locator('.delivery-log tbody tr').first().locator('td').nth(3).textContent()).toBe('200');
      await screenshot(page, 'workbench-admin-webhooks');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'I have stored it, close' }).click();
      expect(await page.getByTestId('secret').count()).toBe(0);
      await endpoint.getByRole('button', { name: 'Disable' }).click();
      await endpoint.getByText('Disabled', { exact: true }).waitFor();
      const read = await server.gql<{ webhookEndpoints: { url: string; status: string }[] }>(
        '{ webhookEndpoints { url status } }',
        {},
        admin.token,
      );
      expect(read.data?.webhookEndpoints).toEqual([{ url: receiver.url, status: 'DISABLED' }]);
      await endpoint.getByRole('button', { name: 'Delete' }).click();
      await endpoint.getByRole('button', { name: 'Yes, delete' }).click();
      await endpoint.waitFor({ state: 'detached' });
      const gone = await server.gql<{ webhookEndpoints: unknown[] }>('{ webhookEndpoints { id } }', {}, admin.token);
      expect(gone.data?.webhookEndpoints).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
    } finally {
      await dispatcher.stop();
      await receiver.close();
    }
  });

  it('maps an imported rating text to a verdict, asking for the note readers will read', async () => {
    await runBulkImport(
      server.db,
      claimReviewImportRecords([
        {
          '@context': 'https://schema.org',
          '@type': 'ClaimReview',
          url: 'https://checks.example.com/reviews/wobbly',
          claimReviewed: 'The moon is made of cheese, a senator said.',
          datePublished: '2024-05-01',
          author: { '@type': 'Organization', name: 'Example Post' },
          reviewRating: { '@type': 'Rating', alternateName: 'Wobbly at best' },
          itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A Senator' } },
        },
      ]),
    );
    await openWorkbench(page, server, '/admin/imported');
    const form = page.locator('form[aria-label="Map “Wobbly at best”"]');
    await form.getByLabel('Verdict').selectOption('MOSTLY_FALSE');
    await form.getByRole('button', { name: 'Map it' }).click();
    const noteError = form.locator('.field-error');
    await noteError.waitFor();
    expect(await form.getByLabel('Note for readers').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Note for readers').fill('We map this publisher’s wording to Mostly false.');
    await screenshot(page, 'workbench-admin-imported');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Map it' }).click();
    await page.getByText('Every imported rating text is mapped.').waitFor();
    const left = await server.gql<{ unmappedImportedRatings: unknown[] }>(
      '{ unmappedImportedRatings { alternateName } }',
      {},
      admin.token,
    );
    expect(left.data?.unmappedImportedRatings).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });

  it('refuses a reviewer in words', async () => {
    const reviewer = await staffAccount(server, Role.REVIEWER, 'Rita Reviewer');
    const { context: theirs } = await offlineContext(browser);
    await actAs(theirs, reviewer);
    const theirPage = await theirs.newPage();
    await openWorkbench(theirPage, server, '/admin/users');
    expect(await theirPage.getByTestId('admin-refused').textContent()).toMatch(/Only administrators/);
    expect(await theirPage.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(await theirPage.getByRole('heading', { name: 'Add a user' }).count()).toBe(0);
    await theirs.close();
  });
});
