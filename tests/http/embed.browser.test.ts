import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { type Browser, chromium, type Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { PROJECT_ROOT } from '../../src/paths';
import { Newsroom } from '../helpers/newsroom';
import { startTestServer, type TestServer } from '../helpers/test-app';

/** The claim card framed by a page of another origin (another port), in a real headless Chromium. */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(PROJECT_ROOT, 'tests', 'artifacts');

let server: TestServer;
let browser: Browser;
let host: http.Server;
let hostUrl: string;
let claimId: string;

/** A page of another site framing the card and, beside it, a reader page. */
function hostPage(): string {
  return `<!doctype html><html><head><title>A partner site</title></head><body style="font-family:sans-serif;background:#eef">
<h1>A partner's story</h1>
<iframe id="card" src="${server.url}/embed/claims/${claimId}" width="480" height="260" style="border:0"></iframe>
<iframe id="reader" src="${server.url}/articles/embed-browser" width="480" height="260"></iframe>
<iframe id="claim-page" src="${server.url}/claims/${claimId}" width="480" height="260"></iframe>
</body></html>`;
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer({ demo: false });
  const room = new Newsroom(server);
  const editor = await server.signIn(Role.EDITOR, 'Ed Editor');
  const reviewer = await server.signIn(Role.REVIEWER, 'Rita Reviewer');
  const article = await room.createArticle(editor, {
    slug: 'embed-browser',
    headline: 'Reader page headline',
    body: 'In the debate the minister said that exports grew by forty per cent last year.',
  });
  await room.publishArticle(editor, article.id);
  const claim = await room.createClaim(reviewer, {
    articleId: article.id,
    quote: 'exports grew by forty per cent last year',
    claimant: 'Maria Minister',
  });
  claimId = claim.id;
  await room.publishedCheck(reviewer, editor, {
    claimId,
    verdict: 'MOSTLY_FALSE',
    summary: 'Exports grew by 4 per cent; the forty counts a one-off sale twice.',
    body: 'The trade figures say so.',
  });
  host = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(hostPage());
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
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
  await new Promise((resolve) => host?.close(resolve));
  await server?.close();
});

/** The text a frame shows, or null when the browser refused to show its document. */
async function shownText(frame: Frame | null): Promise<string | null> {
  if (!frame || !frame.url().startsWith(server.url)) return null;
  return frame.evaluate<string>("document.body ? document.body.innerText : ''");
}

describe('the claim card in a browser', () => {
  it('renders framed by another origin; reader pages framed there are refused', async () => {
    expect(new URL(hostUrl).origin).not.toBe(new URL(server.url).origin);
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(hostUrl, { waitUntil: 'load' });
    const frameOf = async (id: string) => (await page.$(`iframe#${id}`))!.contentFrame();

    const card = await frameOf('card');
    const text = await shownText(card);
    expect(text).toContain('exports grew by forty per cent last year');
    expect(text).toContain('Maria Minister');
    expect(text).toMatch(/mostly false/i);
    expect(text).toContain('Read the full fact-check');
    // Its stylesheets loaded: the verdict's colour is on the badge.
    const badge = await card!.evaluate<string>("getComputedStyle(document.querySelector('.badge')).backgroundColor");
    expect(badge).not.toBe('rgba(0, 0, 0, 0)');
    // Strings evaluated in the page: this project compiles without DOM types.
    const link = await card!.evaluate<{ target: string; rel: string; href: string }>(
      "(({ target, rel, href }) => ({ target, rel, href }))(document.querySelector('a.embed-link'))",
    );
    expect(link).toEqual({ target: '_blank', rel: 'noopener', href: `${server.url}/claims/${claimId}` });
    // Nothing of the card runs as a script.
    expect(await card!.evaluate<number>('document.scripts.length')).toBe(0);

    for (const id of ['reader', 'claim-page']) {
      const frame = await frameOf(id);
      // The browser put its error page in the frame's place.
      expect(frame?.url() ?? '', id).toMatch(/^chrome-error:/);
      const shown = await shownText(frame);
      expect(shown ?? '', id).not.toContain('Reader page headline');
      expect(shown ?? '', id).not.toContain('exports grew');
    }
    await (await page.$('iframe#card'))!.screenshot({ path: path.join(ARTIFACTS, 'claim-card.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the card opened on its own looks the same and fits a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/claims/${claimId}`);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(ARTIFACTS, 'claim-card-narrow.png') });
    await context.close();
  });

  it("the claim's own page links its card and runs without errors", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/claims/${claimId}`);
    expect(await page.textContent('h1')).toContain('Exports grew by 4 per cent');
    expect(await page.getAttribute('a[href^="/embed/claims/"]', 'href')).toBe(`/embed/claims/${claimId}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'claim-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
