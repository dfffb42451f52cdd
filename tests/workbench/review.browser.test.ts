import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { actAs, openWorkbench, type StaffAccount } from '../helpers/workbench';

/** The review page in a real browser: the diff, the four-eyes rule, and an editor's three moves. */

let server: TestServer;
let browser: Browser;
let newsroom: Newsroom;
let reviewer: SignedIn;
let author: SignedIn;
let editor: SignedIn;
let claimIds: string[];

const SLUG = 'review-story';
const BODY =
  'The mayor said crime halved in a year. He added that the tram line opened on time. ' +
  'The council claimed rents fell last winter. A spokesman said the stadium was paid for privately.';
const QUOTES = [
  'crime halved in a year',
  'the tram line opened on time',
  'rents fell last winter',
  'the stadium was paid for privately',
];

const account = (who: SignedIn, role: Role): StaffAccount => ({
  userId: who.userId,
  name: who.viewer.user!.name,
  role,
  token: who.token,
});

async function pageAs(who: SignedIn, role: Role) {
  const { context } = await offlineContext(browser);
  await actAs(context, account(who, role));
  const page = await context.newPage();
  const watched = watchPage(page);
  return { context, page, watched };
}

interface ReadBack {
  annotation: { status: string; version: number; reviewComment: string | null; retractionReason: string | null };
}

const readBack = async (id: string) =>
  (
    await server.gql<ReadBack>(
      'query($id: ID!) { annotation(id: $id) { status version reviewComment retractionReason } }',
      { id },
      editor.token,
    )
  ).data!.annotation;

const reviewPath = (id: string) => `/fact-checks/${encodeURIComponent(id)}/review`;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  newsroom = new Newsroom(server);
  reviewer = await server.signIn(Role.REVIEWER, 'Rita Reviewer');
  author = await server.signIn(Role.EDITOR, 'Ada Author-Editor');
  editor = await server.signIn(Role.EDITOR, 'Otto Editor');
  const story = await newsroom.publishedStory(editor, reviewer, SLUG, BODY, QUOTES[0]);
  claimIds = [story.claimId];
  for (const quote of QUOTES.slice(1)) {
    claimIds.push((await newsroom.createClaim(reviewer, { articleId: story.articleId, quote })).id);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the review page', () => {
  it('shows what changed since the published version as a word diff, readable without colour', async () => {
    const published = await newsroom.publishedCheck(reviewer, author, {
      claimId: claimIds[0],
      verdict: 'FALSE',
      summary: 'Crime fell by a tenth, not by half.',
      body: 'Police figures show a 10% fall.',
    });
    // A correction of the published fact-check (editors only; a public note says why).
    const corrected = await newsroom.updateAnnotation(author, {
      id: published.id,
      expectedVersion: published.version,
      summary: 'Crime fell by a fifth, not by half.',
      note: 'The police revised their figures.',
    });
    expect(corrected.version).toBe(published.version + 1);

    const { context, page, watched } = await pageAs(editor, Role.EDITOR);
    await openWorkbench(page, server, reviewPath(published.id));
    const changes = page.getByRole('region', { name: 'Changes' });
    await changes.getByText(/Compared with the published version/).waitFor();
    await changes.getByText('The police revised their figures.').waitFor();
    expect(await changes.locator('.diff del').allTextContents()).toContain('[removed: tenth]');
    expect(await changes.locator('.diff ins').allTextContents()).toContain('[added: fifth]');
    // The fact-check itself: claim, quote, rating, summary, explanation, citation with stance and excerpt.
    const now = page.getByRole('region', { name: 'The fact-check' });
    await now.getByText('Crime fell by a fifth, not by half.').waitFor();
    await now.getByText('crime halved in a year').first().waitFor();
    await now.getByText('What the record shows.').waitFor();
    await now.getByText('Supports').waitFor();
    // Published: the move left is a retraction, whose reason is said to be public.
    await page.getByText(/This reason is public/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-review');
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('says "First version" for a fact-check never changed', async () => {
    const draft = await newsroom.createAnnotation(reviewer, {
      claimId: claimIds[3],
      verdict: 'MISLEADING',
      summary: 'The city paid for the land.',
      body: 'The land deed shows a city purchase.',
    });
    await newsroom.submit(reviewer, draft.id);
    const { context, page, watched } = await pageAs(editor, Role.EDITOR);
    await openWorkbench(page, server, reviewPath(draft.id));
    await page.getByText(/^First version/).waitFor();
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  let ownCheck: { id: string; version: number };

  it('shows the author, an editor, Publish disabled with the reason before any click', async () => {
    const draft = await newsroom.createAnnotation(author, {
      claimId: claimIds[1],
      verdict: 'MOSTLY_FALSE',
      summary: 'The tram opened three months late.',
      body: 'The operator’s timetable started in April.',
    });
    ownCheck = await newsroom.submit(author, draft.id);

    const { context, page, watched } = await pageAs(author, Role.EDITOR);
    await openWorkbench(page, server, reviewPath(draft.id));
    const publish = page.getByRole('button', { name: 'Publish' });
    await publish.waitFor();
    expect(await publish.isDisabled()).toBe(true);
    const reason = page.getByText('You wrote or changed this fact-check; another editor must publish it.');
    await reason.waitFor();
    // The reason is tied to the button, so it is read out with it.
    expect(await publish.getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-review-blocked');
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('lets another editor publish it: PUBLISHED in the API and the verdict on the reader page', async () => {
    const { context, page, watched } = await pageAs(editor, Role.EDITOR);
    await openWorkbench(page, server, reviewPath(ownCheck.id));
    const publish = page.getByRole('button', { name: 'Publish' });
    await publish.waitFor();
    expect(await publish.isEnabled()).toBe(true);
    // From the keyboard; the outcome then takes the focus, so it is read out where the button was.
    await publish.focus();
    await page.keyboard.press('Enter');
    await page
      .locator('.outcome')
      .getByText(/^Published: readers now see this verdict/)
      .waitFor();
    await expect.poll(() => page.getByTestId('announcer').textContent()).toMatch(/^Published/);
    await page.locator('.outcome').getByRole('link', { name: 'Back to the queue' }).waitFor();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement
              .className,
        ),
      )
      .toContain('outcome');
    // The page shows it published now: the retraction form replaces the review's moves.
    await page.getByRole('button', { name: 'Retract' }).waitFor();

    const after = await readBack(ownCheck.id);
    expect(after.status).toBe('PUBLISHED');
    const reader = await newsroom.readerPage(`/articles/${SLUG}`);
    expect(reader).toContain('The tram opened three months late.');
    expect(reader).toContain('Mostly false');
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });

  it('sends one back: an empty comment is refused next to the field; with a comment it is a DRAFT, and its author reads it', async () => {
    const draft = await newsroom.createAnnotation(reviewer, {
      claimId: claimIds[2],
      verdict: 'TRUE',
      summary: 'Rents fell by 3%.',
      body: 'The housing survey shows it.',
    });
    await newsroom.submit(reviewer, draft.id);

    const { context, page, watched } = await pageAs(editor, Role.EDITOR);
    await openWorkbench(page, server, reviewPath(draft.id));
    const comment = page.getByLabel('Comment for the author');
    await comment.waitFor();
    await page.getByRole('button', { name: 'Send back' }).click();
    const error = page.getByText('Write what the author should change.');
    await error.waitFor();
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    expect((await comment.getAttribute('aria-describedby'))!.split(' ')).toContain(await error.getAttribute('id'));
    expect((await readBack(draft.id)).status).toBe('IN_REVIEW');

    await comment.fill('Which survey? Cite it, with the table.');
    await page.getByRole('button', { name: 'Send back' }).click();
    await page
      .locator('.outcome')
      .getByText(/^Sent back to Rita Reviewer/)
      .waitFor();
    const after = await readBack(draft.id);
    expect(after.status).toBe('DRAFT');
    expect(after.reviewComment).toBe('Which survey? Cite it, with the table.');
    // Back to the queue, the way the page offers.
    await page.locator('.outcome').getByRole('link', { name: 'Back to the queue' }).click();
    await page.getByRole('heading', { name: 'Otto Editor’s queue' }).waitFor();
    expect(watched.pageErrors).toEqual([]);
    await context.close();

    // The author's queue: the draft with the editor's comment.
    const mine = await pageAs(reviewer, Role.REVIEWER);
    await openWorkbench(mine.page, server);
    const drafts = mine.page.getByRole('region', { name: /^My drafts/ });
    await drafts.getByText('Which survey? Cite it, with the table.').waitFor();
    expect(mine.watched.pageErrors).toEqual([]);
    await mine.context.close();
  });

  it('retracts a published one with a public reason', async () => {
    const { context, page, watched } = await pageAs(editor, Role.EDITOR);
    await openWorkbench(page, server, reviewPath(ownCheck.id));
    const reason = page.getByLabel('Reason for the retraction');
    await reason.waitFor();
    await page.getByRole('button', { name: 'Retract' }).click();
    await page.getByText('Say why it is retracted: readers are told.').waitFor();
    await reason.fill('The operator’s timetable was a draft; the tram opened on time.');
    await page.getByRole('button', { name: 'Retract' }).click();
    await page
      .locator('.outcome')
      .getByText(/^Retracted: readers now see it as retracted/)
      .waitFor();
    const after = await readBack(ownCheck.id);
    expect(after.status).toBe('RETRACTED');
    expect(after.retractionReason).toBe('The operator’s timetable was a draft; the tram opened on time.');
    await page.getByText('A retracted fact-check is final.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await context.close();
  });
});
