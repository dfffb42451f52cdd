import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { actAs, openWorkbench, type StaffAccount, staffAccount } from '../helpers/workbench';

/** The claim page of the workbench: its places and fact-checks, starting a fact-check, merging duplicates. */

let server: TestServer;
let browser: Browser;
let room: Newsroom;
let reviewer: StaffAccount;
let editor: StaffAccount;
let desk: SignedIn;
let demoClaims: { id: string; text: string }[];

beforeAll(async () => {
  server = await startTestServer();
  room = new Newsroom(server);
  browser = await launchChromium();
  reviewer = await staffAccount(server, Role.REVIEWER);
  editor = await staffAccount(server, Role.EDITOR);
  desk = await server.signIn(Role.EDITOR);
  demoClaims = (
    await room.ok<{ article: { claims: { id: string; text: string }[] } }>(
      'query($slug: String!) { article(slug: $slug) { claims { id text } } }',
      { slug: DEMO_ARTICLE_SLUG },
    )
  ).article.claims;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAs(account: StaffAccount, path: string) {
  const { context } = await offlineContext(browser);
  await actAs(context, account);
  const page = await context.newPage();
  const watched = watchPage(page);
  await openWorkbench(page, server, path);
  return { context, page, watched };
}

describe('the claim page', () => {
  it("shows the claim's words, verdict, places and fact-checks; a reviewer sees why merging is not theirs", async () => {
    const claim = demoClaims[0];
    const { context, page, watched } = await openAs(reviewer, `/claims/${claim.id}`);
    await page.locator('.claim-words').waitFor();
    expect(await page.locator('.claim-words').innerText()).toBe(claim.text);
    expect(await page.locator('.claim-facts').innerText()).toMatch(/Verdict\s+False/);
    expect(await page.locator('.claim-facts').innerText()).toContain('Danny Jones');
    const places = page.locator('section[aria-labelledby="places-h"]');
    expect(await places.innerText()).toContain('Biden warns Putin');
    const checks = page.locator('section[aria-labelledby="checks-h"] .list > li');
    expect(await checks.count()).toBe(1);
    expect(await checks.first().innerText()).toContain('Published');
    expect(await checks.first().locator('a').getAttribute('href')).toMatch(/^\/review\/fact-checks\//);
    // Each fact-check's revisions, opened from the keyboard.
    const history = checks.first().locator('details.revisions');
    expect(await history.locator('summary').innerText()).toMatch(/^History: \d+ versions?$/);
    await history.locator('summary').focus();
    await page.keyboard.press('Enter');
    await history.locator('ol > li').first().waitFor();
    expect(await history.locator('ol > li').first().innerText()).toMatch(/^Version 1: written/);
    const merge = page.getByRole('button', { name: 'Merge claims' });
    expect(await merge.isDisabled()).toBe(true);
    const reason = page.locator(`[id="${await merge.getAttribute('aria-describedby')}"]`);
    expect(await reason.innerText()).toMatch(/Only editors can merge claims/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-claim');
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('starts a fact-check as a draft and opens it in the editor', async () => {
    const claim = demoClaims[1];
    const { context, page, watched } = await openAs(reviewer, `/claims/${claim.id}`);
    await page.getByRole('button', { name: 'Write a fact-check' }).click();
    const summaryId = await page.getByLabel('Summary').getAttribute('id');
    await expect.poll(() => page.evaluate<string | null>('document.activeElement.id')).toBe(summaryId);
    // An empty summary is the API's to refuse, next to the field.
    await page.getByRole('button', { name: 'Start the fact-check' }).click();
    const summaryError = page.locator('form .field-error').first();
    await summaryError.waitFor();
    expect(await summaryError.innerText()).toMatch(/summary/i);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Summary').fill('The statement is accurate.');
    await page.getByRole('button', { name: 'Start the fact-check' }).click();
    await page.waitForURL(/\/review\/fact-checks\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const stored = await server.gql<{ annotation: { status: string; summary: string; claim: { id: string } } }>(
      'query($id: ID!) { annotation(id: $id) { status summary claim { id } } }',
      { id },
      reviewer.token,
    );
    expect(stored.data!.annotation).toEqual({
      status: 'DRAFT',
      summary: 'The statement is accurate.',
      claim: { id: claim.id },
    });
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('lets an editor merge a duplicate into the claim kept, saying what moves, then shows the kept one', async () => {
    const story = await room.createArticle(desk, {
      slug: 'workbench-duplicate-claims',
      headline: 'Two reports of one claim',
      body: 'The mayor said the bridge will reopen in May. Later, officials repeated that the bridge will reopen in May of this year.',
    });
    await room.publishArticle(desk, story.id);
    const kept = await room.createClaim(desk, {
      articleId: story.id,
      quote: 'The mayor said the bridge will reopen in May',
    });
    const duplicate = await room.createClaim(desk, {
      articleId: story.id,
      quote: 'officials repeated that the bridge will reopen in May of this year',
    });

    const { context, page, watched } = await openAs(editor, `/claims/${duplicate.id}`);
    await page.getByLabel('Or paste a claim’s id or address').fill(`${server.url}/review/claims/${kept.id}`);
    await page.getByTestId('merge-preview').waitFor();
    await page.getByLabel('The other claim').check();
    const preview = await page.getByTestId('merge-preview').innerText();
    expect(preview).toContain('Kept: “The mayor said the bridge will reopen in May”');
    expect(preview).toMatch(/Merged into it: “officials repeated[^”]*” — its 0 fact-checks and 0 places move/);
    expect(preview).toContain(
      'Its mark in “Two reports of one claim” is taken off: the kept claim is marked there already.',
    );
    expect(await page.getByLabel('Note for readers (optional)').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-claim-merge');
    await page.getByRole('button', { name: 'Merge claims' }).click();
    await page.waitForURL(new RegExp(`/review/claims/${encodeURIComponent(kept.id)}$`));
    await page.getByTestId('announcer').filter({ hasText: 'Claims merged' }).waitFor();
    const answered = await server.gql<{ claim: { id: string } }>(
      'query($id: ID!) { claim(id: $id) { id } }',
      { id: duplicate.id },
      editor.token,
    );
    expect(answered.data!.claim.id).toBe(kept.id);
    const places = await server.gql<{ claim: { appearances: { totalCount: number } } }>(
      'query($id: ID!) { claim(id: $id) { appearances { totalCount } } }',
      { id: kept.id },
      editor.token,
    );
    await expect
      .poll(() => page.locator('section[aria-labelledby="places-h"] .list > li').count())
      .toBe(places.data!.claim.appearances.totalCount);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('asks for a note before merging claims that carry published fact-checks', async () => {
    const [first, second] = demoClaims;
    const { context, page, watched } = await openAs(editor, `/claims/${first.id}`);
    await page.getByLabel('Or paste a claim’s id or address').fill(second.id);
    await page.getByTestId('merge-preview').waitFor();
    expect(await page.getByText('the merge is a public correction').count()).toBe(1);
    const note = page.getByLabel('Note for readers (required)');
    await page.getByRole('button', { name: 'Merge claims' }).click();
    const error = page.locator('.merge .field-error');
    expect(await error.innerText()).toMatch(/note for readers is required/);
    expect(await note.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing was merged.
    const answered = await server.gql<{ claim: { id: string } }>(
      'query($id: ID!) { claim(id: $id) { id } }',
      { id: second.id },
      editor.token,
    );
    expect(answered.data!.claim.id).toBe(second.id);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });
});
