import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths';
import { Role } from '../../src/modules/user/user.entity';
import { startTestServer, type TestServer } from '../helpers/test-app';

/** The GraphiQL playground in a real (headless) Chromium: it loads with the network blocked and runs the example. */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(PROJECT_ROOT, 'tests', 'artifacts');
const SCREENSHOT = path.join(ARTIFACTS, 'playground.png');
const LIVE_SCREENSHOT = path.join(ARTIFACTS, 'playground-live.png');

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
/** Requests to anything but this machine, aborted. */
const blocked: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
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
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Offline: only 127.0.0.1 and localhost are reachable.
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('GraphQL playground in a browser', () => {
  it('renders GraphiQL from this server only and runs the example query against the demo article', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    const failedRequests: string[] = [];
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) =>
      failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor({ state: 'visible', timeout: 20_000 });
    const execute = page.locator('.graphiql-execute-button');
    await execute.waitFor({ state: 'visible' });

    // The first tab holds the example query over the demo article.
    const queryEditor = page.locator('.graphiql-query-editor');
    await expect.poll(() => queryEditor.innerText(), { timeout: 10_000 }).toContain('query DemoArticle');
    expect(await queryEditor.innerText()).toContain('article(slug');
    // ... and its variables (the first editor under "Variables"; soft, so the run below still shows the outcome).
    const variablesEditor = page.locator('.graphiql-editor-tool .graphiql-editor').first();
    expect
      .soft(await variablesEditor.innerText(), 'variables editor of the first tab')
      .toContain('biden-warns-putin-act-firmly-ukraine-tensions');

    await execute.click();
    const result = page.locator('.graphiql-response');
    try {
      await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('Biden warns Putin');
    } finally {
      // Taken whatever the outcome, so a failure leaves a picture of what the user saw.
      await page.screenshot({ path: SCREENSHOT, fullPage: false });
    }
    const resultText = await result.innerText();
    expect(resultText).toContain('"claimCount": 12');
    expect(resultText).not.toContain('"errors"');
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

    // Everything came from this server: the page, its assets, and the GraphQL calls.
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(requests.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
    for (const asset of ['graphiql.css', 'react.js', 'react-dom.js', 'graphiql.js', 'playground.js']) {
      expect(requests).toContain(`${server.url}/playground/assets/${asset}`);
    }
    expect(requests.filter((url) => url === `${server.url}/graphql`).length).toBeGreaterThanOrEqual(2);
    expect(failedRequests).toEqual([]);
    expect(blocked).toEqual([]);
    expect(consoleErrors.filter((text) => /fail|refused|blocked|content security policy|net::/i.test(text))).toEqual(
      [],
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('runs the subscription tab over WebSocket and shows a fact-check as an editor publishes it', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const sockets: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').waitFor({ state: 'visible', timeout: 20_000 });

    await page.locator('.graphiql-tab', { hasText: 'LiveFactChecks' }).click();
    const queryEditor = page.locator('.graphiql-query-editor');
    await expect.poll(() => queryEditor.innerText(), { timeout: 10_000 }).toContain('annotationPublished');
    // The tab's variables load a moment after its query: run only once both are there.
    await expect
      .poll(() => page.locator('.graphiql-editor-tool .graphiql-editor').first().innerText(), { timeout: 10_000 })
      .toContain('articleId');
    await expect
      .poll(() => page.locator('.graphiql-tab-active').innerText(), { timeout: 10_000 })
      .toContain('LiveFactChecks');
    // Into the editor first: GraphiQL runs the operation of the editor that has settled.
    await queryEditor.click();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response');
    // Subscribed once the server's bus holds it; then the review workflow runs over HTTP.
    await expect
      .poll(() => server.db.events.subscriberCount, { timeout: 10_000, message: await result.innerText() })
      .toBe(1);
    expect(sockets).toEqual([`${server.url.replace('http', 'ws')}/graphql`]);

    const reviewer = await server.signIn(Role.REVIEWER);
    const editor = await server.signIn(Role.EDITOR);
    const article = (
      await server.gql<{ article: { claims: { id: string }[] } }>(
        '{ article(slug: "biden-warns-putin-act-firmly-ukraine-tensions") { claims { id } } }',
      )
    ).data!.article;
    const created = await server.gql<{ createAnnotation: { id: string } }>(
      'mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: MISLEADING, summary: "Seen live in the playground.", body: "Live.", citations: [{ source: { url: "https://example.org/evidence", title: "Evidence", kind: OTHER }, stance: SUPPORTS, excerpt: "evidence" }] }) { id } }',
      { c: article.claims[0].id },
      reviewer.token,
    );
    const id = created.data!.createAnnotation.id;
    await server.gql('mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }', { id }, reviewer.token);
    const published = await server.gql(
      'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 2 }) { id } }',
      { id },
      editor.token,
    );
    expect(published.errors).toBeUndefined();

    try {
      await expect.poll(() => result.innerText(), { timeout: 10_000 }).toContain('Seen live in the playground.');
    } finally {
      await page.screenshot({ path: LIVE_SCREENSHOT, fullPage: false });
    }
    expect(await result.innerText()).toContain('"verdict": "MISLEADING"');
    expect(pageErrors).toEqual([]);
    await page.close();
    // Closing the page closes its socket: the server lets go of the subscription.
    await expect.poll(() => server.db.events.subscriberCount, { timeout: 10_000 }).toBe(0);
  }, 60_000);
});
