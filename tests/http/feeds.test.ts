import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const HOSTILE = '<script>alert(1)</script> ]]> & "quoted" \'single\'';
const PUBLIC_URL = 'http://factline.test';

/** An Atom entry as a reader of the XML sees it (the output is well-formed: checked by shape). */
interface Entry {
  title: string;
  id: string;
  link: string;
  published: string | null;
  updated: string;
  summary: string;
  content: string;
  category: string | null;
}

/** Decodes XML text: a CDATA section's content as is, else the five entities. */
function xmlText(raw: string): string {
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw.trim());
  if (cdata) return cdata[1];
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function element(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? xmlText(match[1]) : null;
}

/** Decodes the HTML in a `type="html"` field to the text a feed reader shows. */
function htmlText(value: string): string {
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseFeed(xml: string): { title: string; entries: Entry[] } {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  // Every CDATA section closes where it should: no text ended one early.
  for (const section of xml.match(/<!\[CDATA\[[\s\S]*?\]\]>/g) ?? []) expect(section).not.toMatch(/<\/?(entry|feed)>/);
  const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, body]) => ({
    title: element(body, 'title')!,
    id: element(body, 'id')!,
    link: /<link href="([^"]+)"/.exec(body)![1].replace(/&amp;/g, '&'),
    published: element(body, 'published'),
    updated: element(body, 'updated')!,
    summary: element(body, 'summary') ?? '',
    content: element(body, 'content') ?? '',
    category: /<category [^>]*label="([^"]*)"/.exec(body)?.[1] ?? null,
  }));
  return { title: element(xml.replace(/<entry>[\s\S]*<\/entry>/g, ''), 'title')!, entries };
}

describe('Atom feeds', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const feed = async (path: string) => {
    const answer = await get(path);
    expect(answer.status, path).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
    return parseFeed(answer.text);
  };

  /** A published story whose claim by `claimant` is checked and published with `verdict`. */
  const checkedStory = async (slug: string, quote: string, claimant: string, verdict: string, summary: string) => {
    const article = await room.createArticle(editor, {
      slug,
      headline: `Headline ${slug}`,
      body: `On Monday someone said ${quote} in public.`,
    });
    await room.publishArticle(editor, article.id);
    const claim = await room.createClaim(reviewer, { articleId: article.id, quote, claimant });
    const check = await room.publishedCheck(reviewer, editor, {
      claimId: claim.id,
      verdict,
      summary,
      body: `Why: ${summary}`,
    });
    return { articleId: article.id, claimId: claim.id, checkId: check.id };
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR, 'Ed Editor');
    reviewer = await server.signIn(Role.REVIEWER, 'Rita Reviewer');
  });
  afterAll(() => server.close());

  it('lists published fact-checks newest first, with claim, claimant, verdict and label, and never a draft', async () => {
    const first = await checkedStory('feed-one', 'taxes fell by half', 'Ann Able', 'FALSE', 'They rose.');
    const second = await checkedStory('feed-two', 'crime is at a record low', 'Ben Best', 'MOSTLY_TRUE', 'Nearly so.');
    // A draft story's checked claim and an unpublished fact-check: neither may appear.
    const draft = await room.createArticle(editor, {
      slug: 'feed-draft',
      headline: 'Draft headline unseen',
      body: 'Someone said the secret plan exists.',
    });
    const hidden = await room.createClaim(editor, { articleId: draft.id, quote: 'the secret plan exists' });
    await room.createAnnotation(editor, {
      claimId: hidden.id,
      verdict: 'TRUE',
      summary: 'Unpublished summary',
      body: 'x',
    });
    await room.createAnnotation(reviewer, {
      claimId: first.claimId,
      verdict: 'TRUE',
      summary: 'Draft second opinion',
      body: 'x',
    });

    const { title, entries } = await feed('/feeds/fact-checks.atom');
    expect(title).toBe('factline test desk: fact-checks');
    expect(entries.map((entry) => htmlText(entry.title))).toEqual([
      'Mostly true: “crime is at a record low” (Ben Best)',
      'False: “taxes fell by half” (Ann Able)',
    ]);
    expect(entries[0].link).toBe(`${PUBLIC_URL}/claims/${second.claimId}`);
    expect(entries[1].link).toBe(`${PUBLIC_URL}/claims/${first.claimId}`);
    expect(entries[0].category).toBe('Mostly true');
    expect(htmlText(entries[1].summary)).toBe('They rose.');
    expect(entries[1].content).toContain('Verdict: False');
    expect(entries[1].content).toContain(`href="${PUBLIC_URL}/articles/feed-one"`);
    expect(entries.every((entry) => entry.published !== null && entry.updated >= entry.published!)).toBe(true);
    expect(Date.parse(entries[0].published!)).toBeGreaterThanOrEqual(Date.parse(entries[1].published!));
    const all = entries.map((entry) => JSON.stringify(entry)).join('\n');
    for (const secret of ['secret plan', 'Unpublished summary', 'Draft second opinion', 'Draft headline'])
      expect(all).not.toContain(secret);
  });

  it('takes a retracted fact-check out of the fact-check feed and lists the retraction as a correction', async () => {
    const story = await checkedStory('feed-retracted', 'the bridge was never built', 'Cy Crane', 'FALSE', 'It stands.');
    expect((await feed('/feeds/fact-checks.atom')).entries.map((entry) => entry.link)).toContain(
      `${PUBLIC_URL}/claims/${story.claimId}`,
    );
    await room.retract(editor, story.checkId, 'The photo evidence was of another bridge.');
    const checks = await feed('/feeds/fact-checks.atom');
    expect(checks.entries.map((entry) => entry.link)).not.toContain(`${PUBLIC_URL}/claims/${story.claimId}`);
    const corrections = await feed('/feeds/corrections.atom');
    const newest = corrections.entries[0];
    expect(htmlText(newest.title)).toBe('Fact-check retracted: Headline feed-retracted');
    expect(htmlText(newest.summary)).toContain('Fact-check retracted; verdict now Not yet rated');
    expect(htmlText(newest.summary)).toContain('The photo evidence was of another bridge.');
    expect(newest.link).toBe(`${PUBLIC_URL}/claims/${story.claimId}`);
  });

  it('lists corrections newest first, an article correction too, and none from before publication or of a draft', async () => {
    const article = await room.createArticle(editor, {
      slug: 'feed-corrected',
      headline: 'Corrected story',
      body: 'The mayor said the park opens in May.',
    });
    // A change before publication is drafting, not a correction.
    const edited = await room.updateArticle(editor, {
      id: article.id,
      expectedVersion: article.version,
      body: 'The mayor said the park opens in June.',
      changeNote: 'Drafting change never public',
    });
    const published = await room.publishArticle(editor, article.id);
    await room.updateArticle(editor, {
      id: article.id,
      expectedVersion: published.version,
      body: 'The mayor said the park opens in July.',
      changeNote: 'The month was wrong.',
    });
    expect(edited.version).toBeGreaterThan(0);
    const { entries } = await feed('/feeds/corrections.atom');
    expect(htmlText(entries[0].title)).toBe('Correction: Corrected story');
    expect(htmlText(entries[0].summary)).toContain('Article text corrected');
    expect(htmlText(entries[0].summary)).toContain('The month was wrong.');
    expect(entries[0].link).toBe(`${PUBLIC_URL}/articles/feed-corrected#corrections-title`);
    const dates = entries.map((entry) => Date.parse(entry.updated));
    expect([...dates].sort((x, y) => y - x)).toEqual(dates);
    expect(entries.map((entry) => entry.summary).join('\n')).not.toContain('Drafting change never public');
    // Withdrawn from readers: its corrections leave the feed with it.
    await room.archiveArticle(editor, article.id, 'Withdrawn for review.');
    const after = await feed('/feeds/corrections.atom');
    expect(after.entries.map((entry) => entry.link).join('\n')).not.toContain('feed-corrected');
  });

  it("serves a claimant's feed of their checked claims, linked from their page; unknown slugs are 404", async () => {
    const story = await checkedStory('feed-claimant', 'wages doubled', 'Dee Dane', 'MISLEADING', 'Only some.');
    const { claimant } = await room
      .ok<{ claim: { claimant: { slug: string } } }>('query($id: ID!) { claim(id: $id) { claimant { slug } } }', {
        id: story.claimId,
      })
      .then((data) => data.claim);
    const { title, entries } = await feed(`/feeds/claimants/${claimant.slug}.atom`);
    expect(title).toBe('factline test desk: fact-checks of Dee Dane');
    expect(entries.map((entry) => htmlText(entry.title))).toEqual(['Misleading: “wages doubled” (Dee Dane)']);
    const page = await get(`/claimants/${claimant.slug}`);
    expect(page.text).toContain(
      `<link rel="alternate" type="application/atom+xml" href="/feeds/claimants/${claimant.slug}.atom" title="Fact-checks of Dee Dane">`,
    );
    expect(page.text).toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/fact-checks.atom"');
    for (const slug of ['no-such-person', 'Bad%20Slug', 'x'.repeat(300)])
      expect((await get(`/feeds/claimants/${slug}.atom`)).status).toBe(404);
  });

  it("serves a topic's feed of its checked claims, linked from its page and from the pages filed under it; hidden topics are 404", async () => {
    const topic = (name: string) =>
      room.mutate<{ id: string; slug: string }>('createTopic', 'CreateTopicInput', { name }, editor, 'id slug');
    const fileClaim = (claimId: string, topicIds: string[]) =>
      room.mutate('setClaimTopics', 'SetClaimTopicsInput', { claimId, topicIds }, editor, 'id');
    const fileArticle = (articleId: string, topicIds: string[]) =>
      room.mutate('setArticleTopics', 'SetArticleTopicsInput', { articleId, topicIds }, editor, 'id');
    const health = await topic('Public health');
    const drafts = await topic('Draft work only');
    const older = await checkedStory('feed-topic-one', 'vaccines cause colds', 'Fay Fern', 'FALSE', 'They do not.');
    const newer = await checkedStory('feed-topic-two', 'clinics closed', 'Gus Gale', 'MOSTLY_TRUE', 'Most did.');
    // Filed under the topic but unchecked, or only its article filed: neither is a fact-check on the topic.
    const unfiled = await checkedStory('feed-topic-article', 'beds were added', 'Hal Hue', 'TRUE', 'They were.');
    await fileArticle(unfiled.articleId, [health.id]);
    const pending = await room.createClaim(reviewer, { articleId: older.articleId, quote: 'colds' });
    await fileClaim(pending.id, [health.id]);
    await fileClaim(older.claimId, [health.id]);
    await fileClaim(newer.claimId, [health.id]);
    // A draft's checked claim under both topics: never in a feed, and the draft's topic stays hidden.
    const draft = await room.createArticle(editor, {
      slug: 'feed-topic-draft',
      headline: 'Draft on health',
      body: 'Someone said the hospital secretly closed.',
    });
    const secret = await room.createClaim(editor, { articleId: draft.id, quote: 'the hospital secretly closed' });
    await room.publishedCheck(editor, await server.signIn(Role.EDITOR), {
      claimId: secret.id,
      verdict: 'FALSE',
      summary: 'Unpublished topic summary',
      body: 'x',
    });
    await fileClaim(secret.id, [health.id, drafts.id]);

    const { title, entries } = await feed(`/feeds/topics/${health.slug}.atom`);
    expect(title).toBe('factline test desk: fact-checks on Public health');
    expect(entries.map((entry) => htmlText(entry.title))).toEqual([
      'Mostly true: “clinics closed” (Gus Gale)',
      'False: “vaccines cause colds” (Fay Fern)',
    ]);
    expect(entries.map((entry) => entry.link)).toEqual([
      `${PUBLIC_URL}/claims/${newer.claimId}`,
      `${PUBLIC_URL}/claims/${older.claimId}`,
    ]);
    // The same entry as the site-wide feed's for the same fact-check.
    const site = (await feed('/feeds/fact-checks.atom')).entries.find((entry) => entry.id === entries[0].id);
    expect(site).toEqual(entries[0]);
    expect(JSON.stringify(entries)).not.toContain('Unpublished topic summary');

    const page = await get(`/topics/${health.slug}`);
    expect(page.text).toContain(
      `<link rel="alternate" type="application/atom+xml" href="/feeds/topics/${health.slug}.atom" title="Fact-checks on Public health">`,
    );
    const topicLink = `<a href="/topics/${health.slug}" rel="tag">Public health</a>`;
    expect((await get('/articles/feed-topic-article')).text).toContain(topicLink);
    expect((await get('/articles/feed-topic-one')).text).not.toContain(topicLink);
    expect((await get(`/claims/${older.claimId}`)).text).toContain(topicLink);
    expect((await get(`/claims/${unfiled.claimId}`)).text).not.toContain('class="topics"');

    for (const slug of [drafts.slug, 'no-such-topic', 'Bad%20Slug', 'x'.repeat(300)])
      expect((await get(`/feeds/topics/${slug}.atom`)).status, slug).toBe(404);
    // Once the draft is published, its topic and its fact-check are public.
    await room.publishArticle(editor, draft.id);
    expect((await feed(`/feeds/topics/${drafts.slug}.atom`)).entries.map((entry) => entry.link)).toEqual([
      `${PUBLIC_URL}/claims/${secret.id}`,
    ]);
    expect((await get(`/claims/${secret.id}`)).text).toContain(`<a href="/topics/${drafts.slug}" rel="tag">`);
  });

  it('keeps hostile text as text in every field: escaped markup, no early end of a CDATA section', async () => {
    const story = await checkedStory(
      'feed-hostile',
      'the vote was rigged',
      `Eve ${HOSTILE}`,
      'FALSE',
      `Summary ${HOSTILE}`,
    );
    const xml = (await get('/feeds/fact-checks.atom')).text;
    expect(xml).not.toContain('<script>');
    const entry = parseFeed(xml).entries.find((candidate) => candidate.link.endsWith(story.claimId))!;
    expect(htmlText(entry.title)).toBe(`False: “the vote was rigged” (Eve ${HOSTILE})`);
    expect(htmlText(entry.summary)).toBe(`Summary ${HOSTILE}`);
    expect(entry.content).not.toContain('<script>');
  });
});
