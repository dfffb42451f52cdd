import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { Newsroom, pause } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { actAs, openWorkbench, type StaffAccount } from '../helpers/workbench';

/** The queue in a real browser: each person's sections, and fact-checks arriving live. */

let server: TestServer;
let browser: Browser;
let newsroom: Newsroom;
let reviewer: SignedIn;
let editor: SignedIn;
let otherEditor: SignedIn;
let story: { articleId: string; claimIds: string[] };

const BODY =
  'The minister said exports doubled last year. She added that unemployment fell to four percent. ' +
  'The opposition claimed the deficit tripled. A spokesman said the new bridge cost nothing.';
const QUOTES = [
  'exports doubled last year',
  'unemployment fell to four percent',
  'the deficit tripled',
  'the new bridge cost nothing',
];

const account = (who: SignedIn, role: Role): StaffAccount => ({
  userId: who.userId,
  name: who.viewer.user!.name,
  role,
  token: who.token,
});

/**
 * Until the session cookie authenticates the WebSocket (the `auth` branch), a context that acts
 * by a bearer header subscribes anonymously and hears no staff events. Test-only: the page's
 * graphql-ws `connection_init` is given the same token in its connection parameters, as any API
 * client would send it. Nothing of this is in the shipped client.
 */
async function authenticateSubscriptions(context: BrowserContext, who: StaffAccount): Promise<void> {
  await context.addInitScript((token: string) => {
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      if (typeof data === 'string' && data.includes('"connection_init"')) {
        const message = JSON.parse(data) as { type: string; payload?: Record<string, unknown> };
        data = JSON.stringify({ ...message, payload: { ...message.payload, authorization: `Bearer ${token}` } });
      }
      return send.call(this, data);
    };
  }, who.token);
}

/** A page acting as `who`, with its errors watched. */
async function pageAs(who: StaffAccount, live = false) {
  const { context } = await offlineContext(browser);
  await actAs(context, who);
  if (live) await authenticateSubscriptions(context, who);
  const page = await context.newPage();
  const watched = watchPage(page);
  return { context, page, watched };
}

const section = (page: Page, name: RegExp) => page.getByRole('region', { name });

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  newsroom = new Newsroom(server);
  reviewer = await server.signIn(Role.REVIEWER, 'Rita Reviewer');
  editor = await server.signIn(Role.EDITOR, 'Edna Editor');
  otherEditor = await server.signIn(Role.EDITOR, 'Otto Editor');
  const first = await newsroom.publishedStory(editor, reviewer, 'queue-story', BODY, QUOTES[0]);
  const claimIds = [first.claimId];
  for (const quote of QUOTES.slice(1)) {
    claimIds.push((await newsroom.createClaim(reviewer, { articleId: first.articleId, quote })).id);
  }
  story = { articleId: first.articleId, claimIds };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the queue', () => {
  it('lists stale verdicts, anchors to re-attach and claim suggestions, each linking to its page', async () => {
    // Two checked claims; then the article's text changes: one claim moves a little (its verdict
    // is stale), the other's words are gone (its anchor is lost too).
    const checked = await newsroom.publishedStory(
      editor,
      reviewer,
      'stale-story',
      'The governor said wages rose by a third. He added that the port handled record cargo.',
      'wages rose by a third',
    );
    const lost = await newsroom.createClaim(reviewer, {
      articleId: checked.articleId,
      quote: 'the port handled record cargo',
    });
    await newsroom.publishedCheck(reviewer, otherEditor, {
      claimId: checked.claimId,
      verdict: 'MISLEADING',
      summary: 'Wages rose by a tenth.',
      body: 'The wage index shows it.',
    });
    await newsroom.publishedCheck(reviewer, otherEditor, {
      claimId: lost.id,
      verdict: 'TRUE',
      summary: 'The port did.',
      body: 'The port authority says so.',
    });
    await newsroom.updateArticle(editor, {
      id: checked.articleId,
      expectedVersion: checked.version,
      body: 'The governor said wages rose by almost a third. Nothing else was said.',
      changeNote: 'The governor’s words as he said them.',
    });
    // A newer article restating a checked claim.
    const later = await newsroom.createArticle(editor, {
      slug: 'restating-story',
      headline: 'The governor repeats himself',
      body: 'Critics doubt it. Wages rose by a third, the governor repeated on Monday.',
    });
    await newsroom.publishArticle(editor, later.id);

    const { context, page, watched } = await pageAs(account(reviewer, Role.REVIEWER));
    await openWorkbench(page, server);
    const stale = section(page, /^Stale verdicts to confirm/);
    const staleLink = stale.getByRole('link', { name: 'wages rose by a third' });
    await staleLink.waitFor();
    expect(await staleLink.getAttribute('href')).toBe(`/review/claims/${encodeURIComponent(checked.claimId)}`);
    const anchors = section(page, /^Anchors to re-attach/);
    const anchorLink = anchors.getByRole('link', { name: 'the port handled record cargo' });
    await anchorLink.waitFor();
    expect(await anchorLink.getAttribute('href')).toBe(`/review/claims/${encodeURIComponent(lost.id)}`);
    const suggestions = section(page, /^Claim suggestions for recent articles/);
    const articleLink = suggestions.getByRole('link', { name: 'The governor repeats himself' });
    await articleLink.waitFor();
    expect(await articleLink.getAttribute('href')).toBe(`/review/articles/${encodeURIComponent(later.id)}`);
    await suggestions.getByText('Wages rose by a third, the governor repeated on Monday.').waitFor();
    // From the keyboard: a link of the queue opens its page without a reload.
    await anchorLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${server.url}/review/claims/${encodeURIComponent(lost.id)}`);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it("lists a reviewer's draft under My drafts, with the editor's comment when it was sent back", async () => {
    await newsroom.createAnnotation(reviewer, {
      claimId: story.claimIds[0],
      verdict: 'FALSE',
      summary: 'Exports grew by a tenth, not double.',
      body: 'The statistics office reports 10% growth.',
    });
    // A second draft, submitted and sent back by an editor: a draft again, with the comment.
    const returned = await newsroom.createAnnotation(reviewer, {
      claimId: story.claimIds[3],
      verdict: 'MISLEADING',
      summary: 'The bridge was paid for by a loan.',
      body: 'The budget shows a loan.',
    });
    const submitted = await newsroom.submit(reviewer, returned.id);
    await newsroom.mutate(
      'returnAnnotation',
      'ReturnAnnotationInput',
      { id: returned.id, comment: 'Cite the budget line, please.', expectedVersion: submitted.version },
      editor,
    );

    const { context, page, watched } = await pageAs(account(reviewer, Role.REVIEWER));
    await openWorkbench(page, server);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Rita Reviewer’s queue');
    const drafts = section(page, /^My drafts/);
    await drafts.getByText('Exports grew by a tenth, not double.').waitFor();
    await drafts.getByText('Cite the budget line, please.').waitFor();
    await expect.poll(() => drafts.locator('.count').textContent()).toBe('2');
    // A reviewer's "waiting for review" is their own fact-checks in review: none now, said in words.
    await section(page, /^Waiting for review/)
      .getByText('None of your fact-checks is waiting for an editor.')
      .waitFor();
    for (const name of [/^Stale verdicts/, /^Anchors to re-attach/, /^Claim suggestions/]) {
      await expect.poll(() => section(page, name).locator('.count').textContent()).toMatch(/^\d+$/);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-queue-reviewer');
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it("shows an editor a fact-check another reviewer submits while the page is open, without reloading, but never the editor's own", async () => {
    // The editor's own fact-check in review: another editor's to publish, never in their list.
    const own = await newsroom.createAnnotation(editor, {
      claimId: story.claimIds[2],
      verdict: 'MOSTLY_FALSE',
      summary: 'The deficit rose by half.',
      body: 'The treasury figures show a 50% rise.',
    });
    await newsroom.submit(editor, own.id);

    const { context, page, watched } = await pageAs(account(editor, Role.EDITOR), true);
    // The subscription's socket: the test submits once the page has subscribed.
    const subscribed = new Promise<void>((resolve) => {
      page.on('websocket', (socket) => {
        socket.on('framesent', (frame) => {
          if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"')) resolve();
        });
      });
    });
    await openWorkbench(page, server);
    const waiting = section(page, /^Waiting for your review/);
    const yours = section(page, /^Yours, waiting for another editor/);
    await yours.getByText('The deficit rose by half.').waitFor();
    await waiting.getByText(/Nothing is waiting for you to review/).waitFor();
    expect(await waiting.getByText('The deficit rose by half.').count()).toBe(0);

    await subscribed;
    // graphql-ws has no acknowledgement of a subscription: a moment for the service to register it.
    await pause(500);
    // A mark on the page's window: still there afterwards means the page was never reloaded.
    await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
    const draft = await newsroom.createAnnotation(reviewer, {
      claimId: story.claimIds[1],
      verdict: 'TRUE',
      summary: 'Unemployment did fall to 4%.',
      body: 'The labour survey confirms it.',
    });
    await newsroom.submit(reviewer, draft.id);

    const arrived = waiting.getByRole('link', { name: 'unemployment fell to four percent' });
    await arrived.waitFor({ timeout: 10_000 });
    expect(await arrived.getAttribute('href')).toBe(`/review/fact-checks/${encodeURIComponent(draft.id)}/review`);
    await expect.poll(() => waiting.locator('.count').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toBe('A fact-check was submitted for review');
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
    // Still never the editor's own.
    expect(await waiting.getByText('The deficit rose by half.').count()).toBe(0);

    // The API agrees: awaitingMyReview for this editor is the reviewer's fact-check alone.
    const answer = await server.gql<{ annotations: { edges: { node: { id: string } }[] } }>(
      '{ annotations(filter: { awaitingMyReview: true }) { edges { node { id } } } }',
      {},
      editor.token,
    );
    expect(answer.data!.annotations.edges.map((e) => e.node.id)).toEqual([draft.id]);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-queue-editor');
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it("lists the editor's own fact-check for another editor to review", async () => {
    const { context, page, watched } = await pageAs(account(otherEditor, Role.EDITOR));
    await openWorkbench(page, server);
    const waiting = section(page, /^Waiting for your review/);
    await waiting.getByText('The deficit rose by half.').waitFor();
    await waiting.getByText('Unemployment did fall to 4%.').waitFor();
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });
});
