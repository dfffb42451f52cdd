import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-app';
import { actAs, openWorkbench, type StaffAccount, staffAccount } from '../helpers/workbench';

/**
 * The fact-check editor in a real browser against the real service: every outcome is read back
 * through the API (version, content, sources, status), not only from the page.
 */

let server: TestServer;
let browser: Browser;
let reviewer: StaffAccount;
let editor: StaffAccount;
let claimIds: string[];
let existingSource: { id: string; url: string; title: string };
const contexts: BrowserContext[] = [];

const FACT_CHECK = `
  query ($id: ID!) {
    annotation(id: $id) {
      id status version summary body verdict rating { label }
      citations { excerpt stance source { id url title } }
    }
  }
`;

interface ReadBack {
  id: string;
  status: string;
  version: number;
  summary: string;
  body: string;
  verdict: string;
  rating: { label: string };
  citations: { excerpt: string; stance: string; source: { id: string; url: string; title: string } }[];
}

async function readBack(id: string): Promise<ReadBack> {
  const answer = await server.gql<{ annotation: ReadBack }>(FACT_CHECK, { id }, editor.token);
  expect(answer.errors).toBeUndefined();
  return answer.data!.annotation;
}

/** A new draft by `author` on one of the demo claims. */
async function newDraft(author: StaffAccount, claim = 0): Promise<string> {
  const answer = await server.gql<{ createAnnotation: { id: string } }>(
    `mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }`,
    { input: { claimId: claimIds[claim], summary: 'Work in progress', body: '', verdict: 'UNVERIFIABLE' } },
    author.token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.createAnnotation.id;
}

async function pageAs(
  account: StaffAccount,
): Promise<{ page: Page; context: BrowserContext; watched: ReturnType<typeof watchPage> }> {
  const { context } = await offlineContext(browser);
  contexts.push(context);
  await actAs(context, account);
  const page = await context.newPage();
  const watched = watchPage(page);
  return { page, context, watched };
}

/** Waits until the API holds what `check` expects (autosave runs after a pause in typing). */
async function eventually(id: string, check: (fc: ReadBack) => boolean, timeout = 15_000): Promise<ReadBack> {
  const until = Date.now() + timeout;
  let last = await readBack(id);
  while (!check(last)) {
    if (Date.now() > until) throw new Error(`the fact-check never got there: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await readBack(id);
  }
  return last;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  reviewer = await staffAccount(server, Role.REVIEWER, 'Rita Reviewer');
  editor = await staffAccount(server, Role.EDITOR, 'Ed Editor');
  const claims = await server.gql<{ article: { claims: { id: string }[] } }>(
    `query ($slug: String!) { article(slug: $slug) { claims { id } } }`,
    { slug: DEMO_ARTICLE_SLUG },
    editor.token,
  );
  claimIds = claims.data!.article.claims.map((c) => c.id);
  const sources = await server.gql<{ sources: { edges: { node: { id: string; url: string; title: string } }[] } }>(
    `{ sources(first: 1) { edges { node { id url title } } } }`,
    {},
    editor.token,
  );
  existingSource = sources.data!.sources.edges[0].node;
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe('the fact-check editor', { timeout: 60_000 }, () => {
  it('lets a reviewer write a fact-check that autosaves, cites a known and a new source, and goes for review', async () => {
    const id = await newDraft(reviewer);
    const before = await readBack(id);
    const { page, watched } = await pageAs(reviewer);
    await openWorkbench(page, server, `/fact-checks/${id}`);
    await page.getByText('A draft, seen only by you and the editors').waitFor();

    await page.getByRole('radio', { name: 'Mostly false' }).check();
    await page.getByLabel('Summary').fill('The call was on Tuesday April 13, not April 14.');
    await page.getByLabel('Explanation').fill('Both readouts of the call date it to Tuesday 13 April 2021.');

    // A known source's url (with a tracking parameter and a fragment): recognised, cited by id.
    await page.getByRole('button', { name: 'Add a citation' }).click();
    const first = page.getByLabel('Address of the source (citation 1)');
    await first.fill(`${existingSource.url}${existingSource.url.includes('?') ? '&' : '?'}utm_source=x#top`);
    await first.blur();
    await page.getByText(`On file: ${existingSource.title}`).waitFor();
    await page.getByLabel('What the source does (citation 1)').selectOption('REFUTES');
    await page.getByLabel('Excerpt relied on (citation 1)').fill('On Tuesday, April 13, the presidents spoke.');

    // A new source: its title is asked for.
    await page.getByRole('button', { name: 'Add a citation' }).click();
    await page.getByLabel('Address of the source (citation 2)').fill('https://Example.org/readout?utm_medium=mail');
    await page.getByLabel('Title of the source (citation 2)').fill('The Kremlin readout');
    await page.getByLabel('Kind of source (citation 2)').selectOption('OFFICIAL_RECORD');
    await page.getByLabel('What the source does (citation 2)').selectOption('CONTEXT');
    await page.getByLabel('Excerpt relied on (citation 2)').fill('A telephone conversation took place on 13 April.');

    const saved = await eventually(id, (fc) => fc.citations.length === 2);
    await page
      .getByTestId('save-status')
      .getByText(/^Saved at /)
      .waitFor();
    expect(saved.version).toBeGreaterThan(before.version);
    expect(saved).toMatchObject({
      status: 'DRAFT',
      verdict: 'MOSTLY_FALSE',
      rating: { label: 'Mostly false' },
      summary: 'The call was on Tuesday April 13, not April 14.',
      body: 'Both readouts of the call date it to Tuesday 13 April 2021.',
    });
    expect(saved.citations[0]).toMatchObject({ stance: 'REFUTES', source: { id: existingSource.id } });
    expect(saved.citations[1]).toMatchObject({
      stance: 'CONTEXT',
      excerpt: 'A telephone conversation took place on 13 April.',
      source: { url: 'https://example.org/readout', title: 'The Kremlin readout' },
    });
    // Nothing pending: the copy kept on this computer is gone once saved.
    expect(await page.evaluate(`localStorage.length`)).toBe(0);

    // Reordering is a change like any other: saved, and read back in the new order.
    await page.getByRole('button', { name: 'Move citation 2 up' }).click();
    await expect
      .poll(async () => (await readBack(id)).citations.map((c) => c.stance), { timeout: 10_000 })
      .toEqual(['CONTEXT', 'REFUTES']);
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Move citation 1 down');

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-fact-check');

    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByText('Sent for review: it is with the editors now').waitFor();
    expect((await readBack(id)).status).toBe('IN_REVIEW');
    await expect.poll(() => page.locator('.badge').textContent()).toBe('In review');
    expect(await page.getByRole('link', { name: 'See its review' }).getAttribute('href')).toBe(
      `/review/fact-checks/${encodeURIComponent(id)}/review`,
    );
    // Read-only now: no field to type in.
    expect(await page.getByLabel('Summary').count()).toBe(0);
    expect(watched.pageErrors).toEqual([]);
  });

  it("shows the API's refusal of a citation next to that citation's field, and saves the rest", async () => {
    const id = await newDraft(reviewer, 1);
    const { page, watched } = await pageAs(reviewer);
    await openWorkbench(page, server, `/fact-checks/${id}`);
    await page.getByLabel('Summary').fill('A summary that saves even though a citation is refused');
    await page.getByRole('button', { name: 'Add a citation' }).click();
    await page.getByLabel('Address of the source (citation 1)').fill('https://example.org/fine');
    await page.getByLabel('Title of the source (citation 1)').fill('Fine');
    await page.getByLabel('What the source does (citation 1)').selectOption('SUPPORTS');
    await page.getByLabel('Excerpt relied on (citation 1)').fill('Fine words.');
    await page.getByRole('button', { name: 'Add a citation' }).click();
    await page.getByLabel('Address of the source (citation 2)').fill('ftp://example.org/not-the-web');
    await page.getByLabel('Title of the source (citation 2)').fill('Not on the web');
    await page.getByLabel('What the source does (citation 2)').selectOption('SUPPORTS');
    await page.getByLabel('Excerpt relied on (citation 2)').fill('x'.repeat(2_001));
    await page.getByRole('button', { name: 'Save now' }).click();

    const urlField = page.getByLabel('Address of the source (citation 2)');
    await expect.poll(() => urlField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await urlField.getAttribute('aria-describedby'))!.split(' ');
    const message = page.locator(`#${describedBy.find((d) => d.endsWith('-url-error'))!.replace(/:/g, '\\:')}`);
    expect(await message.textContent()).toMatch(/address must be an http or https url/i);
    // The first citation's field is not blamed.
    expect(await page.getByLabel('Address of the source (citation 1)').getAttribute('aria-invalid')).toBeNull();
    // The summary went through all the same; the refused citation did not (the first, complete
    // when the second was added, was saved then).
    const fc = await eventually(id, (f) => f.summary.startsWith('A summary that saves'));
    expect(fc.citations.map((c) => c.source.url)).toEqual(['https://example.org/fine']);
    expect(await page.getByTestId('save-status').textContent()).toMatch(/^Not saved: /);

    // Mended, the excerpt's turn: too long, said next to the excerpt.
    await urlField.fill('https://example.org/on-the-web');
    await page.getByRole('button', { name: 'Save now' }).click();
    const excerpt = page.getByLabel('Excerpt relied on (citation 2)');
    await expect.poll(() => excerpt.getAttribute('aria-invalid')).toBe('true');
    await page
      .locator('.citation')
      .nth(1)
      .getByText(/excerpt/i, { exact: false })
      .last()
      .waitFor();
    expect(await page.locator('.citation').nth(1).locator('.field-error').textContent()).toMatch(/2000|2,000/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-fact-check-errors');
    expect(watched.pageErrors).toEqual([]);
  });

  it('settles two people editing one draft field by field, never overwriting silently', async () => {
    const id = await newDraft(reviewer, 2);
    const author = await pageAs(reviewer);
    const other = await pageAs(editor);
    await openWorkbench(author.page, server, `/fact-checks/${id}`);
    await openWorkbench(other.page, server, `/fact-checks/${id}`);
    // The editor is told before typing what editing someone else's draft means.
    await other.page.getByText('If you change its content you become one of its contributors').waitFor();

    await other.page.getByLabel('Summary').fill('The editor’s summary');
    await other.page.getByLabel('Explanation').fill('The editor’s explanation.');
    const theirs = await eventually(
      id,
      (fc) => fc.body === 'The editor’s explanation.' && fc.summary === 'The editor’s summary',
    );

    await author.page.getByLabel('Summary').fill('The author’s summary');
    await author.page.getByLabel('Summary').blur();
    const panel = author.page.getByTestId('conflict');
    await panel.waitFor();
    expect(await panel.getAttribute('role')).toBe('alert');
    await panel.getByText(`Someone saved version ${theirs.version}`).waitFor();
    // Each differing field, theirs beside yours, with a choice.
    const summary = panel.getByRole('group', { name: 'Summary' });
    expect(await summary.textContent()).toContain('The editor’s summary');
    expect(await summary.textContent()).toContain('The author’s summary');
    const body = panel.getByRole('group', { name: 'Explanation' });
    expect(await body.getByRole('radio', { name: 'Take theirs' }).isChecked()).toBe(true);
    expect(await summary.getByRole('radio', { name: 'Keep mine' }).isChecked()).toBe(true);
    // Nothing was saved over theirs meanwhile.
    expect((await readBack(id)).version).toBe(theirs.version);
    await expect.poll(() => author.page.getByTestId('announcer').textContent()).toMatch(/someone else changed/i);
    expect(await seriousViolations(author.page)).toEqual([]);
    await screenshot(author.page, 'workbench-fact-check-conflict');

    // A merged summary written by hand, their explanation taken.
    await summary.getByRole('radio', { name: 'Write a merged text' }).check();
    await summary.getByLabel('Merged summary').fill('The merged summary');
    await panel.getByRole('button', { name: /Save my choices/ }).click();
    const result = await eventually(id, (fc) => fc.summary === 'The merged summary');
    expect(result.version).toBe(theirs.version + 1);
    expect(result.body).toBe('The editor’s explanation.');
    await author.page
      .getByTestId('save-status')
      .getByText(/^Saved at /)
      .waitFor();
    expect(await author.page.getByLabel('Summary').inputValue()).toBe('The merged summary');
    expect(await author.page.getByLabel('Explanation').inputValue()).toBe('The editor’s explanation.');
    expect(author.watched.pageErrors).toEqual([]);
    expect(other.watched.pageErrors).toEqual([]);
  });

  it('keeps the edits through a lost session and saves them once it is back', async () => {
    const id = await newDraft(reviewer, 3);
    const { page, context, watched } = await pageAs(reviewer);
    await openWorkbench(page, server, `/fact-checks/${id}`);
    // Until cookie sessions land: every API request answers 401 UNAUTHENTICATED for a while.
    let sessionLost = true;
    await context.route('**/graphql', (route) => {
      if (!sessionLost || route.request().method() !== 'POST') return route.fallback();
      return route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }] }),
      });
    });
    await page.getByLabel('Summary').fill('Typed while the session had ended');
    await page
      .getByTestId('save-status')
      .getByText(/^Not saved: your session has ended/)
      .waitFor({ timeout: 10_000 });
    // The shell's sign-in dialog is over the page, and the page (with the typing) is still there.
    await page.getByRole('alertdialog', { name: 'Your session has ended' }).waitFor();
    expect(await page.getByLabel('Summary').inputValue()).toBe('Typed while the session had ended');
    const kept = JSON.parse(
      // Kept under the signed-in account's name, so no one else signing in here is offered it.
      (await page.evaluate(
        `Object.keys(localStorage).filter((k) => /^factline\\.workbench\\.[^.]+\\.fact-check\\./.test(k) && k.endsWith('.${id}')).map((k) => localStorage.getItem(k))[0]`,
      )) as string,
    );
    expect(kept.mine.summary).toBe('Typed while the session had ended');
    expect((await readBack(id)).summary).toBe('Work in progress');

    sessionLost = false;
    const fc = await eventually(id, (f) => f.summary === 'Typed while the session had ended', 20_000);
    expect(fc.status).toBe('DRAFT');
    await expect.poll(() => page.evaluate(`localStorage.length`), { timeout: 5_000 }).toBe(0);
    expect(watched.pageErrors).toEqual([]);
  });

  it('offers back edits kept on this computer when the page opens again, onto the newer version by choice', async () => {
    const id = await newDraft(reviewer, 4);
    const { page, context, watched } = await pageAs(reviewer);
    await openWorkbench(page, server, `/fact-checks/${id}`);
    // The service stops answering saves (not the page's first read): the edits stay on this computer.
    await context.route('**/graphql', (route) =>
      route.request().postData()?.includes('FactCheckEditorSave') ? route.abort() : route.fallback(),
    );
    await page.getByLabel('Explanation').fill('Written, then the tab was closed');
    await page
      .getByTestId('save-status')
      .getByText(/^Not saved: /)
      .waitFor({ timeout: 10_000 });
    await page.close();
    // Meanwhile an editor changes the summary: the kept edits are of an older version now.
    const version = (await readBack(id)).version;
    const edited = await server.gql(
      `mutation ($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { version } }`,
      { input: { id, expectedVersion: version, summary: 'The editor’s summary' } },
      editor.token,
    );
    expect(edited.errors).toBeUndefined();

    await context.unroute('**/graphql');
    const again = await context.newPage();
    await openWorkbench(again, server, `/fact-checks/${id}`);
    await again.getByRole('heading', { name: 'Unsaved edits on this computer' }).waitFor();
    await again.getByText(`They were made on version ${version}; it is now at version ${version + 1}`).waitFor();
    await again.getByRole('button', { name: 'Restore my edits' }).click();
    expect(await again.getByRole('textbox', { name: 'Explanation', exact: true }).inputValue()).toBe(
      'Written, then the tab was closed',
    );
    // Restored onto an older version: the conflict opens at once, nothing saved over theirs.
    const panel = again.getByTestId('conflict');
    await panel.waitFor();
    expect(
      await panel.getByRole('group', { name: 'Summary' }).getByRole('radio', { name: 'Take theirs' }).isChecked(),
    ).toBe(true);
    expect(
      await panel.getByRole('group', { name: 'Explanation' }).getByRole('radio', { name: 'Keep mine' }).isChecked(),
    ).toBe(true);
    await panel.getByRole('button', { name: /Save my choices/ }).click();
    const fc = await eventually(id, (f) => f.body === 'Written, then the tab was closed');
    expect(fc.summary).toBe('The editor’s summary');
    expect(fc.version).toBe(version + 2);
    await expect.poll(() => again.evaluate(`document.activeElement?.dataset?.testid`)).toBe('save-status');
    expect(watched.pageErrors).toEqual([]);
  });

  it('can be filled and saved from the keyboard alone', async () => {
    const id = await newDraft(reviewer, 5);
    const { page, watched } = await pageAs(reviewer);
    await openWorkbench(page, server, `/fact-checks/${id}`);
    const focused = () =>
      page.evaluate<string>(
        `(() => { const e = document.activeElement; if (!e) return ''; const l = e.labels && e.labels[0]; return (l ? l.textContent : e.textContent || '').trim(); })()`,
      );
    /** Tabs forward until the focused control's label starts with `label`. */
    async function tabTo(label: string) {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        if ((await focused()).startsWith(label)) return;
      }
      throw new Error(`never reached ${label}`);
    }
    // The draft was created as Unverifiable: Tab reaches the checked rating, arrows choose another.
    await tabTo('Unverifiable');
    await page.keyboard.press('ArrowUp'); // Needs context
    await page.keyboard.press('ArrowUp'); // Misleading
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Summary');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Tab');
    await page.keyboard.type('An explanation from the keyboard.');
    await tabTo('Add a citation');
    await page.keyboard.press('Enter');
    // Focus moves to the new citation once it is drawn.
    await expect.poll(focused).toBe('Address of the source (citation 1)');
    await page.keyboard.type('https://example.org/keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A keyboard source');
    await tabTo('What the source does (citation 1)');
    await page.keyboard.press('ArrowDown'); // Supports the claim
    await page.keyboard.press('Tab');
    await page.keyboard.type('Words relied on.');
    await tabTo('Save now');
    await page.keyboard.press('Enter');
    const fc = await eventually(id, (f) => f.citations.length === 1 && f.verdict === 'MISLEADING');
    expect(fc).toMatchObject({
      summary: 'Typed without a mouse',
      body: 'An explanation from the keyboard.',
      citations: [{ stance: 'SUPPORTS', excerpt: 'Words relied on.', source: { title: 'A keyboard source' } }],
    });
    expect(watched.pageErrors).toEqual([]);
  });

  it('shows the rule before the click: editors correct a published fact-check with a public note, reviewers read it', async () => {
    const id = await newDraft(reviewer, 6);
    await server.gql(
      `mutation ($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }`,
      {
        input: {
          id,
          expectedVersion: (await readBack(id)).version,
          summary: 'Published summary',
          body: 'Published body',
          citations: [{ sourceId: existingSource.id, stance: 'SUPPORTS', excerpt: 'Words' }],
        },
      },
      reviewer.token,
    );
    await server.gql(`mutation ($id: ID!) { submitAnnotation(input: { id: $id }) { id } }`, { id }, reviewer.token);
    const published = await server.gql(
      `mutation ($id: ID!, $v: Int!) { publishAnnotation(input: { id: $id, expectedVersion: $v }) { status } }`,
      { id, v: (await readBack(id)).version },
      editor.token,
    );
    expect(published.errors).toBeUndefined();

    const asReviewer = await pageAs(reviewer);
    await openWorkbench(asReviewer.page, server, `/fact-checks/${id}`);
    await asReviewer.page.getByText('Published: only an editor may change it now').waitFor();
    expect(await asReviewer.page.getByLabel('Summary').count()).toBe(0);

    const asEditor = await pageAs(editor);
    await openWorkbench(asEditor.page, server, `/fact-checks/${id}`);
    await asEditor.page.getByText('Any change you make is a public correction').waitFor();
    await asEditor.page.getByLabel('Summary').fill('Corrected summary');
    await asEditor.page.getByRole('button', { name: 'Publish the correction' }).click();
    // No note, no correction: said next to the note, and nothing saved.
    const note = asEditor.page.getByLabel('Why readers are told of this change');
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    expect((await readBack(id)).summary).toBe('Published summary');
    await note.fill('The summary named the wrong day.');
    await asEditor.page.getByRole('button', { name: 'Publish the correction' }).click();
    const fc = await eventually(id, (f) => f.summary === 'Corrected summary');
    expect(fc.status).toBe('PUBLISHED');
    expect(await seriousViolations(asEditor.page)).toEqual([]);
    expect(asEditor.watched.pageErrors).toEqual([]);
  });

  it("shows an editor's comment on a fact-check returned to its author, who can edit it again", async () => {
    const id = await newDraft(reviewer, 7);
    await server.gql(`mutation ($id: ID!) { submitAnnotation(input: { id: $id }) { id } }`, { id }, reviewer.token);
    const returned = await server.gql(
      `mutation ($input: ReturnAnnotationInput!) { returnAnnotation(input: $input) { status } }`,
      { input: { id, comment: 'Cite the White House readout too.', expectedVersion: (await readBack(id)).version } },
      editor.token,
    );
    expect(returned.errors).toBeUndefined();
    const { page, watched } = await pageAs(reviewer);
    await openWorkbench(page, server, `/fact-checks/${id}`);
    const comment = page.getByRole('region', { name: 'Returned by an editor' });
    expect(await comment.textContent()).toContain('Cite the White House readout too.');
    await page.getByLabel('Summary').fill('Mended after review');
    await eventually(id, (f) => f.summary === 'Mended after review' && f.status === 'DRAFT');
    expect(await seriousViolations(page)).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
