import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { PROJECT_ROOT } from '../../src/paths';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/** The reader page in a real (headless) Chromium, with the network to anything but this machine blocked. */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(PROJECT_ROOT, 'tests', 'artifacts');
const VIEWPORT = { width: 1400, height: 900 };
/** A phone held upright. */
const NARROW = { width: 390, height: 844 };
/** Where the claim of the places article was also made: the browser is answered a stand-in page for it. */
const PLACE_URL = 'https://tv.example.org/interviews/president';

/** Each payload sets window.__xss or opens a dialog if it ever runs. */
const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  '<script>window.__xss=1</script>',
  `"><img src=x onerror="window.__xss=2">`,
  `'><svg onload=window.__xss=3>`,
  '</script><script>window.__xss=4</script>',
];

let server: TestServer;
let browser: Browser;

/** A browser context that reaches 127.0.0.1/localhost only; every other request is aborted and recorded. */
async function isolatedContext(
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  return { context, blocked };
}

/** An attribute of the focused element (page.evaluate with a string: this project compiles without DOM types). */
function focusedAttribute(page: Page, name: string): Promise<string | null> {
  return page.evaluate<string | null>(
    `document.activeElement ? document.activeElement.getAttribute(${JSON.stringify(name)}) : null`,
  );
}

function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { errors, dialogs };
}

async function createHostileArticle(slug: string): Promise<void> {
  const [editor, otherEditor, reviewer] = [
    await server.signIn(Role.EDITOR),
    await server.signIn(Role.EDITOR),
    await server.signIn(Role.REVIEWER),
  ];
  const ok = async <T>(query: string, input: Record<string, unknown>, who: SignedIn): Promise<T> => {
    const result = await server.gql<T>(query, { input }, who.token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const all = XSS.join(' ');
  const quote = `the minister said ${XSS[1]} and ${XSS[4]}`;
  const article = await ok<{ createArticle: { id: string } }>(
    'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
    {
      slug,
      headline: `Headline ${all}`,
      standfirst: `Stand ${all}`,
      body: `Opening ${XSS[0]} ${XSS[3]}.\n\nThen ${quote} in public.\n\nEnd ${XSS[2]} ${XSS[5]} ${XSS[6]}.`,
      authors: [`Author ${XSS[4]}`],
      section: `Section ${XSS[5]}`,
    },
    editor,
  );
  await ok(
    'mutation($input: ArticleTransitionInput!) { publishArticle(input: $input) { id } }',
    { id: article.createArticle.id },
    editor,
  );
  const claim = await ok<{ createClaim: { id: string } }>(
    'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
    { articleId: article.createArticle.id, quote, claimant: `Claimant ${XSS[2]} ${XSS[4]}` },
    reviewer,
  );
  const note = await ok<{ createAnnotation: { id: string } }>(
    'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
    {
      claimId: claim.createClaim.id,
      verdict: 'MISLEADING',
      summary: `Summary ${all}`,
      body: `Body ${all}`,
      citations: [
        {
          source: {
            url: 'https://example.org/hostile',
            title: `Title ${XSS[1]} ${XSS[6]}`,
            publisher: `Publisher ${XSS[5]}`,
            kind: 'NEWS_REPORT',
          },
          stance: 'CONTEXT',
          excerpt: `Excerpt ${all}`,
        },
      ],
    },
    reviewer,
  );
  const submitted = await ok<{ submitAnnotation: { version: number } }>(
    'mutation($input: AnnotationTransitionInput!) { submitAnnotation(input: $input) { version } }',
    { id: note.createAnnotation.id },
    reviewer,
  );
  await ok(
    'mutation($input: PublishAnnotationInput!) { publishAnnotation(input: $input) { id } }',
    { id: note.createAnnotation.id, expectedVersion: submitted.submitAnnotation.version },
    otherEditor,
  );
}

/** A published article whose checked claim was also made in a TV interview and a post, and once in a place since removed. */
async function createPlacesArticle(slug: string): Promise<void> {
  const [editor, reviewer] = [await server.signIn(Role.EDITOR), await server.signIn(Role.REVIEWER)];
  const ok = async <T>(query: string, input: Record<string, unknown>, who: SignedIn): Promise<T> => {
    const result = await server.gql<T>(query, { input }, who.token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const article = await ok<{ createArticle: { id: string } }>(
    'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
    {
      slug,
      headline: 'The President on his rival',
      body: 'In an interview the President agreed that his rival is a killer. The talks went on regardless.',
    },
    editor,
  );
  await ok(
    'mutation($input: ArticleTransitionInput!) { publishArticle(input: $input) { id } }',
    { id: article.createArticle.id },
    editor,
  );
  const claim = await ok<{ createClaim: { id: string } }>(
    'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
    { articleId: article.createArticle.id, quote: 'his rival is a killer', claimant: 'The President' },
    reviewer,
  );
  const add = (input: Record<string, unknown>) =>
    ok<{ addClaimAppearance: { id: string } }>(
      'mutation($input: AddClaimAppearanceInput!) { addClaimAppearance(input: $input) { id } }',
      { claimId: claim.createClaim.id, ...input },
      reviewer,
    );
  await add({
    url: PLACE_URL,
    title: 'Evening interview with the President, full recording',
    publisher: 'Example Television News',
    appearedAt: '2021-03-17T19:00:00.000Z',
    startSeconds: 754,
    endSeconds: 768,
  });
  await add({ url: 'https://social.example.net/the-president/status/1372229387012345678901234567890' });
  const removed = await add({ url: 'https://removed.example.com/clip', title: 'A clip of another interview' });
  await ok(
    'mutation($input: RemoveClaimAppearanceInput!) { removeClaimAppearance(input: $input) { removedAppearanceId } }',
    { id: removed.addClaimAppearance.id },
    reviewer,
  );
  const note = await ok<{ createAnnotation: { id: string } }>(
    'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
    {
      claimId: claim.createClaim.id,
      verdict: 'MISLEADING',
      summary: 'He said yes to a question, in those words.',
      body: 'The recording shows the interviewer asked whether the rival was a killer and the President answered yes.',
      citations: [
        {
          source: { url: 'https://example.org/transcript', title: 'Transcript', kind: 'OFFICIAL_RECORD' },
          stance: 'CONTEXT',
          excerpt: 'Q: So you think he is a killer? A: I do.',
        },
      ],
    },
    reviewer,
  );
  const submitted = await ok<{ submitAnnotation: { version: number } }>(
    'mutation($input: AnnotationTransitionInput!) { submitAnnotation(input: $input) { version } }',
    { id: note.createAnnotation.id },
    reviewer,
  );
  await ok(
    'mutation($input: PublishAnnotationInput!) { publishAnnotation(input: $input) { id } }',
    { id: note.createAnnotation.id, expectedVersion: submitted.submitAnnotation.version },
    editor,
  );
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  // The hostile article last: it heads the article list, where one test reads it.
  await createPlacesArticle('places-page');
  await createHostileArticle('hostile-page');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the reader page in a browser', () => {
  it('shows the 12 highlights; a click or Enter or Space on one shows its fact-check', async () => {
    const { context, blocked } = await isolatedContext();
    const page = await context.newPage();
    const { errors } = watch(page);
    const response = await page.goto(`${server.url}/articles/${DEMO_ARTICLE_SLUG}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);

    const marks = page.locator('mark.claim');
    await expect.poll(() => marks.count()).toBe(12);
    for (let i = 0; i < 12; i += 1) expect(await marks.nth(i).isVisible()).toBe(true);
    // With JavaScript the notes wait in the side panel until a passage is chosen.
    expect(await page.locator('.note.selected').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader.png') });

    // Click: the first claim (FALSE, the date of the call).
    const first = page.locator('a.claim-link').first();
    expect(await first.getAttribute('role')).toBe('button');
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    const noteId = (await first.getAttribute('data-note'))!;
    await first.click();
    const note = page.locator(`[id="${noteId}"]`);
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.locator('.badge').innerText()).toMatch(/^false$/i);
    expect(await note.innerText()).toContain('The Biden–Putin call took place on Tuesday 13 April 2021');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.note:visible').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-selected.png') });

    // Keyboard: Tab reaches the marks; Enter opens the note and moves focus into it.
    await page.locator('body').focus();
    let focused = '';
    for (let presses = 0; presses < 10 && !focused.includes('claim-link'); presses += 1) {
      await page.keyboard.press('Tab');
      focused = (await focusedAttribute(page, 'class')) ?? '';
    }
    expect(focused).toContain('claim-link');
    await page.keyboard.press('Tab');
    const second = (await focusedAttribute(page, 'data-note'))!;
    expect(second).not.toBe(noteId);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`[id="${second}"]`).isVisible()).toBe(true);
    expect(await focusedAttribute(page, 'id')).toBe(second);
    expect(await note.isVisible()).toBe(false);
    // Escape closes it and focus returns to the passage; Space on a passage opens it again.
    await page.keyboard.press('Escape');
    expect(await page.locator('.note.selected').count()).toBe(0);
    expect(await focusedAttribute(page, 'data-note')).toBe(second);
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator(`[id="${second}"]`).isVisible()).toBe(true);

    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it("a claim's note lists where else it was made, as links that lead there; tidy on a phone too", async () => {
    const { context, blocked } = await isolatedContext();
    const page = await context.newPage();
    const { errors } = watch(page);
    // The outside place answers with a stand-in page (a page route goes before the context's block).
    await page.route(PLACE_URL, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Interview</title><h1>Interview</h1>' }),
    );
    await page.goto(`${server.url}/articles/places-page`, { waitUntil: 'load' });
    await page.locator('a.claim-link').first().click();
    const note = page.locator('.note.selected');
    await expect.poll(() => note.isVisible()).toBe(true);
    const places = note.locator('ul.places > li');
    expect(await places.count()).toBe(2);
    for (let i = 0; i < 2; i += 1) expect(await places.nth(i).isVisible()).toBe(true);
    expect(await note.innerText()).toContain('Also made elsewhere'.toUpperCase());
    expect(await places.nth(0).locator('.place-head').innerText()).toBe(
      'Evening interview with the President, full recording',
    );
    expect(await places.nth(0).locator('.place-meta').innerText()).toBe(
      'Example Television News · 17 March 2021 · at 12:34–12:48',
    );
    expect(await places.nth(1).innerText()).toBe('social.example.net');
    expect(await note.innerText()).not.toContain('another interview');
    const link = places.nth(0).getByRole('link', { name: 'Evening interview with the President, full recording' });
    expect(await link.getAttribute('href')).toBe(PLACE_URL);
    expect(await link.getAttribute('rel')).toBe('nofollow noopener noreferrer external');
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-places.png') });
    // Following it leaves for the place.
    await link.click();
    await page.waitForURL(PLACE_URL);
    expect(await page.locator('h1').innerText()).toBe('Interview');
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();

    // On a phone the note is a bottom sheet: the list fits its width, nothing scrolls sideways.
    const narrow = await isolatedContext({ viewport: NARROW });
    const phone = await narrow.context.newPage();
    await phone.goto(`${server.url}/articles/places-page`, { waitUntil: 'load' });
    await phone.locator('a.claim-link').first().click();
    const sheet = phone.locator('.note.selected ul.places');
    await sheet.scrollIntoViewIfNeeded();
    expect(await sheet.isVisible()).toBe(true);
    const overflow = await phone.evaluate<number[]>(
      `[document.documentElement.scrollWidth - document.documentElement.clientWidth, ...[...document.querySelectorAll('.places li')].map((li) => li.scrollWidth - li.clientWidth)]`,
    );
    expect(overflow.every((extra) => extra <= 0)).toBe(true);
    await phone.screenshot({ path: path.join(ARTIFACTS, 'reader-places-narrow.png') });
    expect(narrow.blocked).toEqual([]);
    await narrow.context.close();
  }, 60_000);

  it('runs none of the scripts or attributes stored in the texts', async () => {
    const { context } = await isolatedContext();
    const page = await context.newPage();
    const { errors, dialogs } = watch(page);
    const response = await page.goto(`${server.url}/articles/hostile-page`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.locator('a.claim-link').first().click();
    await expect.poll(() => page.locator('.note.selected').isVisible()).toBe(true);
    expect(await page.locator('.note.selected').innerText()).toContain(`Summary ${XSS[0]}`);
    expect(await page.locator('h1').innerText()).toBe(`Headline ${XSS.join(' ')}`);
    await page.goto(`${server.url}/articles`, { waitUntil: 'load' });
    expect(await page.locator('.card h2').first().innerText()).toContain(XSS[3]);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate<string>('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('img, svg[onload]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'articles.png') });
    await context.close();
  }, 60_000);

  it('a withdrawn article leaves a notice at its address: the headline readers saw, when and why, no script run', async () => {
    const editor = await server.signIn(Role.EDITOR);
    const { article } = (await server.gql<{ article: { id: string } }>('{ article(slug: "hostile-page") { id } }'))
      .data!;
    const withdrawn = await server.gql(
      'mutation($input: ArticleTransitionInput!) { archiveArticle(input: $input) { status } }',
      { input: { id: article.id, note: `Legal reasons ${XSS[4]}` } },
      editor.token,
    );
    expect(withdrawn.errors).toBeUndefined();
    const { context, blocked } = await isolatedContext();
    const page = await context.newPage();
    const { errors, dialogs } = watch(page);
    const response = await page.goto(`${server.url}/articles/hostile-page`, { waitUntil: 'load' });
    expect(response?.status()).toBe(410);
    expect(await page.locator('h1').innerText()).toBe('This article has been withdrawn');
    expect(await page.locator('main').innerText()).toContain(`Headline ${XSS.join(' ')}`);
    expect(await page.locator('main').innerText()).toContain(`Legal reasons ${XSS[4]}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-withdrawn.png') });
    expect(dialogs).toEqual([]);
    expect(await page.evaluate<string>('typeof window.__xss')).toBe('undefined');
    // Chromium reports the page's own 410 on the console; nothing else may be there.
    expect(errors.filter((error) => !error.includes('status of 410'))).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('without JavaScript every note is in the page and a highlight links to its note', async () => {
    const { context } = await isolatedContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/${DEMO_ARTICLE_SLUG}`, { waitUntil: 'load' });
    expect(await page.locator('mark.claim').count()).toBe(12);
    const notes = page.locator('section.note');
    expect(await notes.count()).toBe(12);
    for (let i = 0; i < 12; i += 1) expect(await notes.nth(i).isVisible()).toBe(true);

    const link = page.locator('a.claim-link').nth(6);
    const noteId = (await link.getAttribute('data-note'))!;
    await link.click();
    await expect.poll(() => page.evaluate<string>('window.location.hash')).toBe(`#${noteId}`);
    const inView = () =>
      page.evaluate<boolean>(
        `(() => { const box = document.getElementById(${JSON.stringify(noteId)}).getBoundingClientRect(); return box.top >= -1 && box.top < window.innerHeight; })()`,
      );
    await expect.poll(inView).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-nojs.png') });
    await context.close();
  }, 60_000);
});
