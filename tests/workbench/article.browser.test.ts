import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { Newsroom } from '../helpers/newsroom';
import { startTestServer, type TestServer } from '../helpers/test-app';
import { actAs, dragSelect, openWorkbench, type StaffAccount, staffAccount } from '../helpers/workbench';

/** The article page of the workbench: its claims marked, and marking new ones by mouse, keyboard and search. */

let server: TestServer;
let browser: Browser;
let room: Newsroom;
let reviewer: StaffAccount;
let editor: StaffAccount;
let demo: { id: string; body: string };

interface ApiAppearance {
  quote: string;
  selector: { start: number; end: number } | null;
  claim: { id: string; text: string };
}

const APPEARANCES = `query($id: ID!) { article(id: $id) { appearances { quote selector { start end } claim { id text } } } }`;

async function appearances(articleId: string): Promise<ApiAppearance[]> {
  const result = await server.gql<{ article: { appearances: ApiAppearance[] } }>(
    APPEARANCES,
    { id: articleId },
    editor.token,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.article.appearances;
}

beforeAll(async () => {
  server = await startTestServer();
  room = new Newsroom(server);
  browser = await launchChromium();
  reviewer = await staffAccount(server, Role.REVIEWER);
  editor = await staffAccount(server, Role.EDITOR);
  const result = await server.gql<{ article: { id: string; body: string } }>(
    'query($slug: String!) { article(slug: $slug) { id body } }',
    { slug: DEMO_ARTICLE_SLUG },
  );
  demo = result.data!.article;
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

const activeClaimId = (page: Page) =>
  page.evaluate<string | null>(`document.activeElement?.closest('mark')?.getAttribute('data-claim-id') ?? null`);

describe('the article page', () => {
  it('shows the demo article with its 12 claims marked and their states, with nothing serious for axe', async () => {
    const { context, page, watched } = await openAs(reviewer, `/articles/${demo.id}`);
    expect(await page.locator('main h1').innerText()).toMatch(/Biden/);
    const claimIds = await page.evaluate<string[]>(
      `[...new Set([...document.querySelectorAll('mark.claim-mark')].map((m) => m.getAttribute('data-claim-id')))]`,
    );
    expect(claimIds).toHaveLength(12);
    // Each mark is a link to its claim, described by its state in words.
    const first = page.locator('mark.claim-mark a').first();
    expect(await first.getAttribute('href')).toMatch(/^\/review\/claims\//);
    const describedBy = await first.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toMatch(/False|True|Mislead|Mixed|context/i);
    expect(await page.locator('.claim-states > li').count()).toBe(12);
    expect(await page.locator('.claim-states').innerText()).toContain('Published');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-article');
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('marks a passage selected with the mouse as a claim, at the place selected, and moves focus to it', async () => {
    const { context, page, watched } = await openAs(reviewer, `/articles/${demo.id}`);
    const words = 'Russian military personnel have been deployed to the Russian border';
    const start = demo.body.indexOf(words);
    await dragSelect(page, start, start + words.length);
    const quote = page.getByLabel('Exact quote');
    await quote.waitFor();
    expect(await quote.inputValue()).toBe(words);
    expect(await page.locator('[data-pending]').allInnerTexts()).toEqual([words]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-article-selection');
    await page.getByRole('button', { name: 'Mark as claim' }).click();
    await page.getByTestId('announcer').filter({ hasText: 'Claim marked' }).waitFor();
    const created = (await appearances(demo.id)).find((a) => a.quote === words);
    expect(created?.selector).toEqual({ start, end: start + words.length });
    await expect.poll(() => activeClaimId(page)).toBe(created!.claim.id);
    expect(await page.locator(`mark[data-claim-id="${created!.claim.id}"]`).count()).toBeGreaterThan(0);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('marks a claim from the keyboard alone: Tab to the text, arrows by sentence, Shift+arrow by word, Enter', async () => {
    const { context, page, watched } = await openAs(reviewer, `/articles/${demo.id}`);
    const sentence =
      'Kremlin Press Secretary and Putin’s spokesperson, Dmitry Peskov, has downplayed suspicions, stating that the military movements were an “internal affair”; however, he also accused Ukraine of staging “provocations” of their own.';
    expect(demo.body).toContain(sentence);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      if (
        (await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid')`)) === 'article-body'
      )
        break;
    }
    const selected = () => page.evaluate<string>('window.getSelection().toString()');
    for (let i = 0; i < 40 && (await selected()) !== sentence; i++) await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(sentence);
    // Two words off the end: "of their own." becomes "of their".
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const shortened = (await selected()).trim();
    expect(sentence.startsWith(shortened)).toBe(true);
    expect(shortened.length).toBeLessThan(sentence.length);
    await page.keyboard.press('Enter');
    // Focus moves to the panel; its fields follow, and Enter in a field sends the form.
    await expect.poll(() => page.evaluate<string>('document.activeElement.textContent')).toBe('Mark as claim');
    await page.keyboard.press('Tab');
    const quote = await page.evaluate<string>('document.activeElement.value');
    expect(quote).toBe(shortened);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Peskov said the troop movements were an internal affair');
    await page.keyboard.press('Enter');
    await page.getByTestId('announcer').filter({ hasText: 'Claim marked' }).waitFor();
    const created = (await appearances(demo.id)).find((a) => a.quote === shortened);
    const start = demo.body.indexOf(shortened);
    expect(created?.selector).toEqual({ start, end: start + shortened.length });
    expect(created?.claim.text).toBe('Peskov said the troop movements were an internal affair');
    await expect.poll(() => activeClaimId(page)).toBe(created!.claim.id);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('finds a quote that occurs twice and marks the occurrence chosen', async () => {
    const { context, page, watched } = await openAs(reviewer, `/articles/${demo.id}`);
    const words = 'pro-Russian separatists';
    const second = demo.body.indexOf(words, demo.body.indexOf(words) + 1);
    expect(second).toBeGreaterThan(0);
    await page.getByLabel('Words from the article').fill(words);
    await page.getByText('Found 2 times: choose which.').waitFor();
    const radios = page.locator('.occurrences input[type="radio"]');
    expect(await radios.count()).toBe(2);
    await radios.nth(1).check();
    expect(await page.locator('[data-pending]').allInnerTexts()).toEqual([words]);
    expect(await page.getByText('this is occurrence 2').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mark as claim' }).click();
    await page.getByTestId('announcer').filter({ hasText: 'Claim marked' }).waitFor();
    const created = (await appearances(demo.id)).filter((a) => a.quote === words);
    expect(created.map((a) => a.selector)).toEqual([{ start: second, end: second + words.length }]);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it("shows the API's refusal next to the quote field, keeping what was typed", async () => {
    const { context, page, watched } = await openAs(reviewer, `/articles/${demo.id}`);
    await page.getByLabel('Words from the article').fill('largest assembly of armed forces');
    await page.locator('.occurrences input[type="radio"]').first().check();
    const quote = page.getByLabel('Exact quote');
    await quote.fill('   ');
    await page.getByLabel('What was claimed, in neutral words (optional)').fill('Kept words');
    await page.getByRole('button', { name: 'Mark as claim' }).click();
    const error = page.locator('.mark-panel .field-error').first();
    await error.waitFor();
    expect(await error.innerText()).toMatch(/quote/i);
    // The error is the quote field's: read out with it.
    const errorId = await error.getAttribute('id');
    expect(await quote.getAttribute('aria-describedby')).toContain(errorId);
    expect(await quote.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('What was claimed, in neutral words (optional)').inputValue()).toBe('Kept words');
    expect(await seriousViolations(page)).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('offers an existing claim for a passage restating it, and links the passage as a further place', async () => {
    const demoClaim = (await appearances(demo.id)).find((a) => a.quote.startsWith('26 Ukrainian soldiers'))!;
    const sentence = `Officials confirmed that ${demoClaim.quote}.`;
    const story = await room.createArticle(await server.signIn(Role.EDITOR), {
      slug: 'workbench-restating-story',
      headline: 'A story that repeats a checked claim',
      body: `The talks went on all day. ${sentence} The weather was mild.`,
    });
    const storyEditor = await server.signIn(Role.EDITOR);
    await room.publishArticle(storyEditor, story.id);

    // A reviewer sees the suggestion, and why linking it is not theirs to do.
    const asReviewer = await openAs(reviewer, `/articles/${story.id}`);
    const suggestions = asReviewer.page.locator('.suggestions > li');
    await suggestions.first().waitFor();
    expect(await suggestions.first().innerText()).toContain(demoClaim.claim.text);
    const blocked = suggestions.first().getByRole('button', { name: 'Mark as this claim' });
    expect(await blocked.isDisabled()).toBe(true);
    expect(
      await asReviewer.page.locator(`[id="${await blocked.getAttribute('aria-describedby')}"]`).innerText(),
    ).toMatch(/only an editor/);
    expect(await seriousViolations(asReviewer.page)).toEqual([]);
    // Dismissed, it is not suggested again.
    await suggestions.first().getByRole('button', { name: 'Dismiss this suggestion' }).click();
    await asReviewer.page.getByTestId('announcer').filter({ hasText: 'Suggestion dismissed' }).waitFor();
    await asReviewer.page.getByText('No sentence of this article seems to restate').waitFor();
    const left = await server.gql<{ article: { suggestedClaims: unknown[] } }>(
      'query($id: ID!) { article(id: $id) { suggestedClaims { score } } }',
      { id: story.id },
      reviewer.token,
    );
    expect(left.data!.article.suggestedClaims).toEqual([]);
    expect(asReviewer.watched.pageErrors).toEqual([]);
    await asReviewer.context.close();

    // An editor selects the passage: claim matching offers the demo claim, with the note it requires.
    const { context, page, watched } = await openAs(editor, `/articles/${story.id}`);
    await page.getByLabel('Words from the article').fill(demoClaim.quote);
    await page.locator('.occurrences input[type="radio"]').first().check();
    const match = page.locator('.matches li').filter({ hasText: demoClaim.claim.text });
    await match.waitFor();
    await match.getByLabel('Note for readers (required)').waitFor();
    await match.getByRole('button', { name: 'Mark as this claim' }).click();
    expect(await match.locator('.field-error').innerText()).toMatch(/note for readers is required/);
    await match.getByLabel('Note for readers (required)').fill('The claim was also reported in this story.');
    await match.getByRole('button', { name: 'Mark as this claim' }).click();
    await page.getByTestId('announcer').filter({ hasText: 'Passage linked' }).waitFor();
    const linked = await appearances(story.id);
    const start = `The talks went on all day. Officials confirmed that `.length;
    expect(linked).toEqual([
      { quote: demoClaim.quote, selector: { start, end: start + demoClaim.quote.length }, claim: demoClaim.claim },
    ]);
    await expect.poll(() => activeClaimId(page)).toBe(demoClaim.claim.id);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('lists articles at /review/articles, each linking to its page', async () => {
    const { context, page, watched } = await openAs(reviewer, '/articles');
    await page.getByRole('link', { name: /Biden/ }).first().click();
    await page.locator('mark.claim-mark').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/review/articles/${demo.id}`);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });
});
