import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { Newsroom } from '../helpers/newsroom';
import { startTestServer, type TestServer } from '../helpers/test-app';
import { dragSelect, type PasswordAccount, passwordAccount, signInThroughForm } from '../helpers/workbench';

/**
 * The whole path of a fact-check through the workbench, as people do it, signed in through the
 * real form and its session cookie (no API token in the browser): a reviewer marks a claim in
 * the demo article and writes its fact-check; an editor, whose queue was open all along, sees it
 * arrive, reviews and publishes it; a reader sees the verdict on the article.
 */

let server: TestServer;
let browser: Browser;
let room: Newsroom;
let reviewer: PasswordAccount;
let editor: PasswordAccount;
let demo: { id: string; body: string };
const contexts: BrowserContext[] = [];

/** The passage of the demo article the reviewer marks; another article restates it as a claim already. */
const PASSAGE = 'Russian military personnel have been deployed to the Russian border';
const CLAIM_TEXT = 'Russia has deployed military personnel to its border with Ukraine';
const SUMMARY = 'Satellite images and both governments confirm troops at the border.';
const EXPLANATION =
  'Satellite images from April 2021 show Russian units near the border; Moscow called it an exercise.';
const CITATIONS = [
  {
    url: 'https://example.org/satellite-images-april-2021',
    title: 'Satellite images of the border',
    excerpt: 'Columns of armour near Voronezh.',
  },
  {
    url: 'https://example.org/kremlin-briefing',
    title: 'The Kremlin briefing',
    excerpt: 'The movements are an internal affair.',
  },
];

const APPEARANCES = `query($id: ID!) { article(id: $id) { appearances { quote selector { start end } claim { id text } } } }`;

async function appearances(articleId: string) {
  const answer = await server.gql<{
    article: {
      appearances: {
        quote: string;
        selector: { start: number; end: number } | null;
        claim: { id: string; text: string };
      }[];
    };
  }>(APPEARANCES, { id: articleId }, editor.token);
  expect(answer.errors).toBeUndefined();
  return answer.data!.article.appearances;
}

interface ReadBack {
  status: string;
  version: number;
  verdict: string;
  summary: string;
  body: string;
  author: { name: string };
  citations: { excerpt: string; stance: string; source: { url: string; title: string } }[];
}

async function readBack(id: string): Promise<ReadBack> {
  const answer = await server.gql<{ annotation: ReadBack }>(
    `query($id: ID!) { annotation(id: $id) { status version verdict summary body author { name }
       citations { excerpt stance source { url title } } } }`,
    { id },
    editor.token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.annotation;
}

async function newContext() {
  const { context } = await offlineContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const watched = watchPage(page);
  return { context, page, watched };
}

/** Pastes `text` into the field from the clipboard (Ctrl+V), as a person pastes an address. */
async function paste(page: Page, field: Locator, text: string) {
  await page.evaluate(
    (words) =>
      (
        globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }
      ).navigator.clipboard.writeText(words),
    text,
  );
  await field.focus();
  await page.keyboard.press('Control+V');
  await expect.poll(() => field.inputValue()).toBe(text);
}

beforeAll(async () => {
  server = await startTestServer();
  room = new Newsroom(server);
  browser = await launchChromium();
  reviewer = await passwordAccount(server, Role.REVIEWER, 'Rita Reviewer');
  editor = await passwordAccount(server, Role.EDITOR, 'Otto Editor');
  demo = (
    await room.ok<{ article: { id: string; body: string } }>(
      'query($slug: String!) { article(slug: $slug) { id body } }',
      {
        slug: DEMO_ARTICLE_SLUG,
      },
    )
  ).article;
  expect(demo.body).toContain(PASSAGE);
  // Another story, published through the API, where the desk marked the same words as a claim.
  const desk = await server.signIn(Role.EDITOR, 'The desk');
  const other = await room.createArticle(desk, {
    slug: 'border-deployment-report',
    headline: 'Troops gather on the border',
    body: `Officials said that ${PASSAGE}. Talks are planned for next week.`,
  });
  await room.publishArticle(desk, other.id);
  await room.createClaim(desk, { articleId: other.id, quote: PASSAGE });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe('the workbench end to end', { timeout: 240_000 }, () => {
  it('takes a claim from selection to a published verdict: reviewer writes, another editor publishes, the reader sees it', async () => {
    // 1. The reviewer signs in through the form (checked by axe before typing).
    const rita = await newContext();
    await rita.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await rita.page.goto(`${server.url}/review`);
    await rita.page.locator('main.sign-in').getByLabel('Email').waitFor({ timeout: 20_000 });
    expect(await seriousViolations(rita.page)).toEqual([]);
    await screenshot(rita.page, 'workbench-e2e-sign-in');
    await signInThroughForm(rita.page, server, reviewer);
    expect(await rita.page.locator('main h1').innerText()).toBe('Rita Reviewer’s queue');
    // Signed in by the cookie alone: the browser sends no token.
    const cookies = await rita.context.cookies(server.url);
    expect(cookies.find((c) => c.name === 'factline_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await seriousViolations(rita.page)).toEqual([]);

    // 2. The editor signs in in another browser and leaves the queue open; it subscribes to the review events.
    const otto = await newContext();
    const subscribed = new Promise<void>((resolve) => {
      otto.page.on('websocket', (socket) => {
        socket.on('framesent', (frame) => {
          if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"')) resolve();
        });
      });
    });
    await signInThroughForm(otto.page, server, editor);
    const waiting = otto.page.getByRole('region', { name: /^Waiting for your review/ });
    await waiting.getByText(/Nothing is waiting for you to review/).waitFor({ timeout: 20_000 });
    await subscribed;
    // A mark on the window: still there at the end means the queue was never reloaded.
    await otto.page.evaluate(() => ((globalThis as unknown as { stayedOpen: boolean }).stayedOpen = true));
    let ottoNavigations = 0;
    otto.page.on('framenavigated', (frame) => {
      if (frame === otto.page.mainFrame()) ottoNavigations += 1;
    });

    // 3. The reviewer opens the demo article from the workbench's list of articles.
    await rita.page.getByRole('navigation', { name: 'Workbench' }).getByRole('link', { name: 'Articles' }).click();
    await rita.page.locator('main h1').filter({ hasText: 'Articles' }).waitFor();
    await rita.page
      .getByRole('link', { name: /Biden warns Putin/ })
      .first()
      .click();
    await rita.page.locator('mark.claim-mark').first().waitFor({ timeout: 20_000 });
    expect(new URL(rita.page.url()).pathname).toBe(`/review/articles/${demo.id}`);
    expect(await seriousViolations(rita.page)).toEqual([]);

    // 4. Selects the passage with the mouse: the claim of the other story is offered.
    const start = demo.body.indexOf(PASSAGE);
    await dragSelect(rita.page, start, start + PASSAGE.length);
    const quote = rita.page.getByLabel('Exact quote');
    await quote.waitFor();
    expect(await quote.inputValue()).toBe(PASSAGE);
    const offer = rita.page.locator('.matches li').filter({ hasText: PASSAGE });
    await offer.waitFor({ timeout: 20_000 });
    await offer.getByRole('link', { name: PASSAGE }).waitFor();
    await offer.getByRole('button', { name: 'Mark as this claim' }).waitFor();
    expect(await seriousViolations(rita.page)).toEqual([]);
    await screenshot(rita.page, 'workbench-e2e-article-offer');

    // 5. ... but she makes a new claim of it, in her own neutral words.
    await rita.page.getByLabel('What was claimed, in neutral words (optional)').fill(CLAIM_TEXT);
    await rita.page.getByRole('button', { name: 'Mark as claim' }).click();
    await rita.page.getByTestId('announcer').filter({ hasText: 'Claim marked' }).waitFor({ timeout: 20_000 });
    const created = (await appearances(demo.id)).find((a) => a.quote === PASSAGE);
    expect(created).toMatchObject({ selector: { start, end: start + PASSAGE.length }, claim: { text: CLAIM_TEXT } });
    const claimId = created!.claim.id;

    // 6. From the claim, a fact-check.
    await rita.page.locator(`mark[data-claim-id="${claimId}"] a`).first().click();
    await rita.page.locator('.claim-words').filter({ hasText: CLAIM_TEXT }).waitFor({ timeout: 20_000 });
    await rita.page.getByRole('button', { name: 'Write a fact-check' }).click();
    await rita.page.getByLabel('Summary').fill(SUMMARY);
    await rita.page.getByRole('button', { name: 'Start the fact-check' }).click();
    await rita.page.waitForURL(/\/review\/fact-checks\/[^/]+$/, { timeout: 20_000 });
    const factCheckId = decodeURIComponent(new URL(rita.page.url()).pathname.split('/').pop()!);
    await rita.page.getByText('A draft, seen only by you and the editors').waitFor({ timeout: 20_000 });
    await rita.page.getByRole('radio', { name: 'True', exact: true }).check();
    await rita.page.getByLabel('Explanation').fill(EXPLANATION);
    for (const [index, citation] of CITATIONS.entries()) {
      const n = index + 1;
      await rita.page.getByRole('button', { name: 'Add a citation' }).click();
      await paste(rita.page, rita.page.getByLabel(`Address of the source (citation ${n})`), citation.url);
      await rita.page.getByLabel(`Title of the source (citation ${n})`).fill(citation.title);
      await rita.page.getByLabel(`Kind of source (citation ${n})`).selectOption('OFFICIAL_RECORD');
      await rita.page.getByLabel(`What the source does (citation ${n})`).selectOption('SUPPORTS');
      await rita.page.getByLabel(`Excerpt relied on (citation ${n})`).fill(citation.excerpt);
    }
    // Autosave: the API holds all of it, and the page says so.
    await expect
      .poll(async () => (await readBack(factCheckId)).citations.map((c) => c.excerpt), { timeout: 20_000 })
      .toEqual(CITATIONS.map((c) => c.excerpt));
    await rita.page
      .getByTestId('save-status')
      .getByText(/^Saved at /)
      .waitFor({ timeout: 20_000 });
    expect(await readBack(factCheckId)).toMatchObject({
      status: 'DRAFT',
      verdict: 'TRUE',
      summary: SUMMARY,
      body: EXPLANATION,
      author: { name: 'Rita Reviewer' },
      citations: CITATIONS.map((c) => ({
        stance: 'SUPPORTS',
        excerpt: c.excerpt,
        source: { url: c.url, title: c.title },
      })),
    });
    expect(await seriousViolations(rita.page)).toEqual([]);
    await screenshot(rita.page, 'workbench-e2e-fact-check');

    // 7. Sent for review.
    await rita.page.getByRole('button', { name: 'Send for review' }).click();
    await rita.page.getByText('Sent for review: it is with the editors now').waitFor({ timeout: 20_000 });
    expect((await readBack(factCheckId)).status).toBe('IN_REVIEW');

    // 8. Not hers to publish: said before any click, on the review page.
    await rita.page.getByRole('link', { name: 'See its review' }).click();
    const ritaPublish = rita.page.getByRole('button', { name: 'Publish' });
    await ritaPublish.waitFor({ timeout: 20_000 });
    expect(await ritaPublish.isDisabled()).toBe(true);
    const reasonId = await ritaPublish.getAttribute('aria-describedby');
    expect(reasonId).toBeTruthy();
    expect(await rita.page.locator(`[id="${reasonId}"]`).innerText()).toBe('Only editors publish.');
    expect(await seriousViolations(rita.page)).toEqual([]);
    await screenshot(rita.page, 'workbench-e2e-review-blocked');
    // Her queue has it waiting for an editor.
    await rita.page.getByRole('navigation', { name: 'Workbench' }).getByRole('link', { name: 'Queue' }).click();
    const hers = rita.page.getByRole('region', { name: /^Waiting for review/ });
    await hers.getByRole('link', { name: CLAIM_TEXT }).waitFor({ timeout: 20_000 });
    expect(await seriousViolations(rita.page)).toEqual([]);
    await screenshot(rita.page, 'workbench-e2e-queue-reviewer');

    // 9. The editor's open queue shows it, live, without a reload.
    const arrived = waiting.getByRole('link', { name: CLAIM_TEXT });
    await arrived.waitFor({ timeout: 20_000 });
    expect(await arrived.getAttribute('href')).toBe(`/review/fact-checks/${encodeURIComponent(factCheckId)}/review`);
    await expect
      .poll(() => otto.page.getByTestId('announcer').textContent(), { timeout: 20_000 })
      .toBe('A fact-check was submitted for review');
    expect(await otto.page.evaluate(() => (globalThis as unknown as { stayedOpen?: boolean }).stayedOpen)).toBe(true);
    expect(ottoNavigations).toBe(0);
    expect(await seriousViolations(otto.page)).toEqual([]);
    await screenshot(otto.page, 'workbench-e2e-queue-editor');

    // 10. He reviews it: what changed since the last different draft version (autosave kept
    // several), word by word, then publishes.
    await arrived.click();
    const changes = otto.page.getByRole('region', { name: 'Changes' });
    await changes.getByText(/^Compared with version \d+ of/).waitFor({ timeout: 20_000 });
    expect(await changes.locator('.diff ins').count()).toBeGreaterThan(0);
    const review = otto.page.getByRole('region', { name: 'The fact-check' });
    await review.getByText(SUMMARY).waitFor();
    await review.getByText(CITATIONS[0].excerpt).waitFor();
    await review.getByText(CITATIONS[1].excerpt).waitFor();
    const publish = otto.page.getByRole('button', { name: 'Publish' });
    expect(await publish.isEnabled()).toBe(true);
    expect(await seriousViolations(otto.page)).toEqual([]);
    await screenshot(otto.page, 'workbench-e2e-review');
    await publish.click();
    await otto.page
      .locator('.outcome')
      .getByText(/^Published: readers now see this verdict/)
      .waitFor({ timeout: 20_000 });
    expect((await readBack(factCheckId)).status).toBe('PUBLISHED');

    // 11. A reader, signed in as nobody, sees the verdict on the article, on that claim.
    const reader = await newContext();
    await reader.page.goto(`${server.url}/articles/${DEMO_ARTICLE_SLUG}`);
    // The passage is marked with the verdict; following the mark opens the claim's note.
    const mark = reader.page.locator(`mark a[href="#note-${claimId}"]`).first();
    await mark.waitFor({ timeout: 20_000 });
    expect(await mark.innerText()).toBe(PASSAGE);
    expect(await reader.page.locator(`[id="label-${claimId}"]`).textContent()).toMatch(/\bTrue\b/);
    await mark.click();
    const note = reader.page.locator(`[id="note-${claimId}"]`);
    await note.waitFor({ timeout: 20_000 });
    expect(await note.getAttribute('class')).toContain('v-true');
    expect(await note.innerText()).toContain(SUMMARY);
    expect(await note.textContent()).toMatch(/\bTrue\b/);
    await screenshot(reader.page, 'workbench-e2e-reader');

    for (const watched of [rita.watched, otto.watched, reader.watched]) expect(watched.pageErrors).toEqual([]);
  });
});
