import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toSqlDate } from '../../src/db/sql-dates';
import { fromGlobalIdOf } from '../../src/graphql/relay/global-id';
import { READER_CSP } from '../../src/http/reader/reader.router';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { inspectRow, inspectRows, inspectWrite } from '../helpers/inspect';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/** The server-rendered reader pages over HTTP (no browser): markup, headers, escaping. */

const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</script><script>alert(2)</script>'];

function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] as string,
  );
}

/** Text content of markup: tags dropped, <br> as a line break, entities decoded. */
function textOf(markup: string): string {
  return decodeEntities(markup.replace(/<br>/g, '\n').replace(/<[^>]*>/g, ''));
}

function marksOf(page: string): { attributes: string; inner: string; text: string }[] {
  return [...page.matchAll(/<mark\b([^>]*)>([\s\S]*?)<\/mark>/g)].map((match) => ({
    attributes: match[1],
    inner: match[2],
    text: textOf(match[2]),
  }));
}

function jsonLdOf(page: string): Record<string, unknown>[] {
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0][1]) as Record<string, unknown>[];
}

async function get(server: TestServer, path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** An article, claim and published fact-check whose every text carries script and attribute injections. */
async function createHostileArticle(server: TestServer, slug: string): Promise<{ quote: string }> {
  const editor = await server.signIn(Role.EDITOR);
  const otherEditor = await server.signIn(Role.EDITOR);
  const reviewer = await server.signIn(Role.REVIEWER, `Rev ${XSS[1]}`);
  const ok = async <T>(query: string, variables: Record<string, unknown>, who: SignedIn): Promise<T> => {
    const result = await server.gql<T>(query, variables, who.token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const quote = `claimed ${XSS[1]} was fine and ${XSS[2]} too`;
  const body = `It starts with ${XSS[0]} here.\n\nThe minister ${quote}, said the report.\n\nLast words ${XSS[2]}.`;
  const { createArticle } = await ok<{ createArticle: { id: string } }>(
    'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
    {
      input: {
        slug,
        headline: `Headline ${XSS.join(' ')}`,
        standfirst: `Stand ${XSS[0]}`,
        body,
        authors: [`Au ${XSS[1]}`],
        section: `Sec ${XSS[2]}`,
      },
    },
    editor,
  );
  await ok('mutation($id: ID!) { publishArticle(input: { id: $id }) { id } }', { id: createArticle.id }, editor);
  const { createClaim } = await ok<{ createClaim: { id: string } }>(
    'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
    { input: { articleId: createArticle.id, quote, claimant: `Claimant ${XSS.join(' ')}` } },
    reviewer,
  );
  const { createAnnotation } = await ok<{ createAnnotation: { id: string } }>(
    'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
    {
      input: {
        claimId: createClaim.id,
        verdict: 'FALSE',
        summary: `Summary ${XSS.join(' ')}`,
        body: `Body ${XSS.join('\n\n')}`,
        citations: [
          {
            source: {
              url: `https://example.org/x?q=${encodeURIComponent(XSS[1])}`,
              title: `Title ${XSS.join(' ')}`,
              publisher: `Pub ${XSS[0]}`,
              kind: 'NEWS_REPORT',
            },
            stance: 'REFUTES',
            excerpt: `Excerpt ${XSS.join(' ')}`,
          },
        ],
      },
    },
    reviewer,
  );
  const { submitAnnotation } = await ok<{ submitAnnotation: { version: number } }>(
    'mutation($id: ID!) { submitAnnotation(input: { id: $id }) { version } }',
    { id: createAnnotation.id },
    reviewer,
  );
  await ok(
    'mutation($id: ID!, $v: Int!) { publishAnnotation(input: { id: $id, expectedVersion: $v }) { id } }',
    { id: createAnnotation.id, v: submitAnnotation.version },
    otherEditor,
  );
  return { quote };
}

describe('reader pages', () => {
  let server: TestServer;
  let quotes: string[];
  /** What each claim says in its own words: the quote, unless a reviewer wrote them. */
  let words: string[];

  beforeAll(async () => {
    // The demo article plus 21 more (1 June 2024, newer than the demo): two pages of articles.
    server = await startTestServer({
      dataset: buildDataset(
        Array.from({ length: 21 }, (_, i) => ({ slug: `paging-${i}`, claims: 2, verdicts: ['TRUE', 'FALSE'] })),
      ),
    });
    const result = await server.gql<{ article: { claims: { quote: string; text: string }[] } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { quote text } } }`,
    );
    quotes = result.data!.article.claims.map((claim) => claim.quote);
    words = result.data!.article.claims.map((claim) => claim.text);
  });
  afterAll(() => server.close());

  it('renders the demo article with its headers, 12 marks holding the quotes, and their notes', async () => {
    const page = await get(server, `/articles/${DEMO_ARTICLE_SLUG}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(READER_CSP);
    expect(READER_CSP).toContain("script-src 'self'");
    expect(READER_CSP).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('public, max-age=60');

    expect(page.text).toContain('Biden warns Putin he will ‘act firmly’');
    expect(page.text).toContain('Danny Jones');
    expect(page.text).toContain('<time datetime="2021-04-14T00:00:00.000Z">14 April 2021</time>');
    const marks = marksOf(page.text);
    expect(quotes).toHaveLength(12);
    expect(marks.map((mark) => mark.text)).toEqual(quotes);
    for (const mark of marks) {
      // Each mark links to its note, which is in the page.
      const note = /^<a class="claim-link" href="#(note-[A-Za-z0-9_-]+)"/.exec(mark.inner)![1];
      expect(page.text).toMatch(new RegExp(`<section class="note [^"]*" id="${note}"`));
      expect(mark.attributes).toMatch(/class="claim v-[a-z-]+"/);
      expect(mark.attributes).toMatch(/id="claim-[A-Za-z0-9_-]+"/);
    }
    // Every note is in the page (readable without JavaScript), with its verdict in words.
    expect(page.text.match(/<section class="note /g)).toHaveLength(12);
    expect(page.text).toContain('Claim: False');
    expect(page.text).toContain('The Biden–Putin call took place on Tuesday 13 April 2021');
    expect((page.text.match(/<p>/g) ?? []).length).toBeGreaterThan(5);
    // Only two script elements: the JSON-LD data and the reader script of this origin.
    expect([...page.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="/reader/assets/reader.js">',
      '<script type="application/ld+json">',
    ]);
    expect(page.text).not.toMatch(/\sstyle=/);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
  });

  it('embeds the ClaimReview JSON-LD of the published fact-checks', async () => {
    const page = await get(server, `/articles/${DEMO_ARTICLE_SLUG}`);
    const reviews = jsonLdOf(page.text);
    expect(reviews).toHaveLength(12);
    expect(reviews.every((review) => review['@type'] === 'ClaimReview')).toBe(true);
    // ClaimReview names what was claimed: the claim's own words where a reviewer wrote them.
    expect(reviews.map((review) => review.claimReviewed)).toEqual(words);
    expect(words).toContain('Joe Biden called Vladimir Putin a killer with no soul.');
    expect(words.filter((claim, index) => claim !== quotes[index])).toHaveLength(2);
    // Each review points at the mark of its claim on this page.
    for (const review of reviews) {
      const anchor = String(review.url).split('#')[1];
      expect(page.text).toContain(`id="${anchor}"`);
    }
  });

  it("states what was claimed in each note in the claim's own words, the quote staying in the mark", async () => {
    const page = await get(server, `/articles/${DEMO_ARTICLE_SLUG}`);
    const stated = [
      ...page.text.matchAll(/<section class="note [\s\S]*?<blockquote class="quote"><p>([\s\S]*?)<\/p>/g),
    ].map((match) => textOf(match[1]));
    expect(stated).toEqual(words);
    expect(stated).toContain('Joe Biden called Vladimir Putin a killer with no soul.');
    expect(marksOf(page.text).map((mark) => mark.text)).toEqual(quotes);
    // The claimant's page lists the claim by its words too.
    const { article } = await server
      .gql<{ article: { claims: { text: string; claimant: { slug: string } | null }[] } }>(
        `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { text claimant { slug } } } }`,
      )
      .then((result) => result.data!);
    const worded = article.claims.find(
      (claim) => claim.text === 'Joe Biden called Vladimir Putin a killer with no soul.',
    )!;
    const claimant = await get(server, `/claimants/${worded.claimant!.slug}`);
    expect(claimant.status).toBe(200);
    expect(claimant.text).toContain(`<blockquote class="quote"><p>${worded.text}</p></blockquote>`);
  });

  it('serves the stylesheet and script with their types', async () => {
    for (const [name, type] of [
      ['reader.css', 'text/css'],
      ['reader.js', 'javascript'],
    ]) {
      const response = await fetch(`${server.url}/reader/assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect((await response.text()).length).toBeGreaterThan(500);
    }
  });

  it('lists published articles with their verdict summaries, 20 a page', async () => {
    const first = await get(server, '/articles');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toBe(READER_CSP);
    expect(first.text.match(/<li class="card">/g)).toHaveLength(20);
    // Same publication time: newest id first.
    expect(first.text).toContain('<a href="/articles/paging-20">Headline of paging-20</a>');
    expect(first.text).not.toContain(`/articles/${DEMO_ARTICLE_SLUG}"`);
    const next = /<a rel="next" href="([^"]+)">/.exec(first.text)![1];
    const second = await get(server, decodeEntities(next));
    expect(second.status).toBe(200);
    expect(second.text.match(/<li class="card">/g)).toHaveLength(2);
    expect(second.text).toContain('<a href="/articles/paging-0">Headline of paging-0</a>');
    const demo = second.text.slice(second.text.indexOf(`href="/articles/${DEMO_ARTICLE_SLUG}"`));
    expect(demo).toContain('Biden warns Putin');
    expect(demo).toContain('12 claims checked');
    expect(demo).toMatch(/<svg class="vbar"[^>]*aria-label="12 claims: [^"]*5 true/);
    expect(second.text).not.toContain('rel="next"');

    const forged = await get(server, '/articles?after=not-a-cursor');
    expect(forged.status).toBe(400);
    expect(forged.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers 404 with an HTML page for an unknown, malformed or unpublished slug', async () => {
    const editor = await server.signIn(Role.EDITOR);
    const draft = await server.gql(
      'mutation { createArticle(input: { slug: "draft-only", headline: "Secret draft", body: "Not yet." }) { id } }',
      {},
      editor.token,
    );
    expect(draft.errors).toBeUndefined();
    for (const slug of ['no-such-article', 'Bad%20Slug', 'draft-only']) {
      const page = await get(server, `/articles/${slug}`);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toBe(READER_CSP);
      expect(page.text).toContain('Article not found');
      expect(page.text).not.toContain('Secret draft');
    }
    expect((await get(server, '/articles')).text).not.toContain('Secret draft');
  });

  it('escapes every text: stored script tags and attribute injections come out as text', async () => {
    const { quote } = await createHostileArticle(server, 'hostile-texts');
    const page = await get(server, '/articles/hostile-texts');
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script>alert/i);
    expect(page.text).not.toMatch(/<img/i);
    expect(page.text).not.toContain('"><img');
    expect([...page.text.matchAll(/<script\b/g)]).toHaveLength(2);
    // ... and reads back as the very text stored.
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(marksOf(page.text).map((mark) => mark.text)).toEqual([quote]);
    const reviews = jsonLdOf(page.text);
    expect(reviews).toHaveLength(1);
    expect(reviews[0].claimReviewed).toBe(quote);
    expect(String(reviews[0].description)).toContain(XSS[2]);

    const list = await get(server, '/articles');
    expect(list.text).toContain('Headline &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list.text).not.toMatch(/<script>alert|<img/i);
  });
});

describe('reader page after corrections of the text', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    const editor = await server.signIn(Role.EDITOR);
    const read = () =>
      server.gql<{ article: { id: string; version: number; body: string } }>(
        `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id version body } }`,
      );
    const update = 'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }';
    let { article } = (await read()).data!;
    let result = await server.gql(
      update,
      {
        input: {
          id: article.id,
          expectedVersion: article.version,
          body: article.body.replace('Tuesday April 14', 'Tuesday April 13'),
          changeNote: 'The call was on Tuesday 13 April.',
        },
      },
      editor.token,
    );
    expect(result.errors).toBeUndefined();
    article = (await read()).data!.article;
    const paragraphs = article.body.split('\n\n');
    const body = paragraphs.filter((paragraph) => !paragraph.includes('26 Ukrainian soldiers')).join('\n\n');
    result = await server.gql(
      update,
      {
        input: {
          id: article.id,
          expectedVersion: article.version,
          body,
          changeNote: 'Removed an unsourced paragraph.',
        },
      },
      editor.token,
    );
    expect(result.errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it('shows a stale verdict as such and lists unplaced claims unmarked, flagged', async () => {
    const page = await get(server, `/articles/${DEMO_ARTICLE_SLUG}`);
    expect(page.status).toBe(200);
    const marks = marksOf(page.text);
    const stale = marks.filter((mark) => /\bstale\b/.test(mark.attributes));
    expect(stale.map((mark) => mark.text)).toEqual(['during a phone call on Tuesday April 13']);
    expect(page.text).toContain('Text changed since this was checked (revision 1).');
    expect(page.text).toContain('These words could not be located in the current text of the article.');
    expect(marks.map((mark) => mark.text)).not.toContain(
      '26 Ukrainian soldiers have already been killed since the start of the year',
    );
    expect(page.text.match(/<section class="note /g)).toHaveLength(12);
    expect(page.text).toContain('Corrections');
    expect(page.text).toContain('Removed an unsourced paragraph.');
  });

  it('names the quoted words when a claim stated in its own words cannot be located', async () => {
    const room = new Newsroom(server);
    const editor = await server.signIn(Role.EDITOR);
    const reviewer = await server.signIn(Role.REVIEWER);
    const quote = 'the Ostrel tunnel opens in May';
    const { articleId, claimId } = await room.publishedStory(
      editor,
      reviewer,
      'ostrel',
      `The mayor said ${quote}. Nobody else spoke.`,
      quote,
    );
    await room.ok(
      'mutation($id: ID!) { updateClaim(input: { id: $id, text: "The Ostrel tunnel will open in May." }) { id } }',
      { id: claimId },
      reviewer,
    );
    const { article } = await room.ok<{ article: { version: number } }>('{ article(slug: "ostrel") { version } }', {});
    await room.updateArticle(editor, {
      id: articleId,
      expectedVersion: article.version,
      body: 'Nobody spoke at all.',
      changeNote: 'The mayor said nothing.',
    });
    const page = await get(server, '/articles/ostrel');
    expect(page.text).toContain('<blockquote class="quote"><p>The Ostrel tunnel will open in May.</p>');
    expect(textOf(page.text)).toContain(
      `The quoted words, “${quote}”, could not be located in the current text of the article.`,
    );
    expect(page.text).not.toContain('These words could not be located');
  });
});

/** Writes an outside place behind the API's back, as only a bug or an older version could store it. */
async function insertPlace(
  server: TestServer,
  place: { claimId: number; url: string; title?: string | null; deleted?: boolean },
): Promise<void> {
  const user = await inspectRow(server.db, sql<{ id: number }>`SELECT id FROM users ORDER BY id`);
  await server.db.writes.run(async (manager) => {
    await inspectWrite(
      manager,
      sql`INSERT INTO outside_appearances (claim_id, url, title, created_by_id, created_at, deleted_at)
          VALUES (${place.claimId}, ${place.url}, ${place.title ?? null}, ${user!.id}, ${toSqlDate(new Date())},
                  ${place.deleted ? toSqlDate(new Date()) : null})`,
    );
  });
}

describe("a claim's places outside factline on the reader page", () => {
  let server: TestServer;
  let room: Newsroom;
  let page: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    const editor = await server.signIn(Role.EDITOR);
    const reviewer = await server.signIn(Role.REVIEWER);
    const story = await room.publishedStory(
      editor,
      reviewer,
      'places',
      'Biden said in an interview that Putin is a killer. The ceasefire held until spring.',
      'Putin is a killer',
    );
    const add = (input: Record<string, unknown>) =>
      room.ok<{ addClaimAppearance: { id: string } }>(
        'mutation($input: AddClaimAppearanceInput!) { addClaimAppearance(input: $input) { id } }',
        { input: { claimId: story.claimId, ...input } },
        reviewer,
      );
    await add({
      url: 'https://tv.example.org/interviews/biden',
      title: `Interview ${XSS[1]}`,
      publisher: `TV ${XSS[0]}`,
      appearedAt: '2021-03-17T10:00:00.000Z',
      startSeconds: 30,
      endSeconds: 45,
    });
    await add({ url: 'https://social.example.net/p/123' });
    await add({ url: 'https://radio.example.org/show', title: 'The long show', startSeconds: 3725, endSeconds: 3790 });
    const removed = await add({ url: 'https://removed.example.com/x', title: 'Removed place' });
    await room.ok(
      'mutation($input: RemoveClaimAppearanceInput!) { removeClaimAppearance(input: $input) { removedAppearanceId } }',
      { input: { id: removed.addClaimAppearance.id } },
      reviewer,
    );
    const claimId = fromGlobalIdOf('Claim', story.claimId, 'claimId');
    await insertPlace(server, { claimId, url: 'javascript:alert(1)', title: `Unsafe ${XSS[0]}` });
    await insertPlace(server, { claimId, url: 'https://example.org/a"onmouseover="alert(1)' });
    await room.publishedCheck(reviewer, editor, {
      claimId: story.claimId,
      verdict: 'MISLEADING',
      summary: 'He answered yes to a question.',
      body: 'The transcript shows a yes to a question.',
    });
    page = (await get(server, '/articles/places')).text;
  });
  afterAll(() => server.close());

  const placesOf = (markup: string) => {
    const list = /<h4 class="note-sub">Also made elsewhere<\/h4>\s*<ul class="places">([\s\S]*?)<\/ul>/.exec(markup);
    return [...(list?.[1] ?? '').matchAll(/<li class="place">([\s\S]*?)<\/li>/g)].map((item) => ({
      markup: item[1],
      href: /<a href="([^"]*)"/.exec(item[1])?.[1] ?? null,
      rel: /<a [^>]*rel="([^"]*)"/.exec(item[1])?.[1] ?? null,
      head: textOf(/<p class="place-head">([\s\S]*?)<\/p>/.exec(item[1])![1]),
      meta: textOf(/<p class="place-meta">([\s\S]*?)<\/p>/.exec(item[1])?.[1] ?? ''),
    }));
  };

  it("lists the claim's live places in its note: title or site, publisher, date, where in a recording", () => {
    const note = page.slice(page.indexOf('<section class="note '));
    const places = placesOf(note);
    expect(places.map(({ href, head, meta }) => ({ href, head, meta }))).toEqual([
      {
        href: 'https://tv.example.org/interviews/biden',
        head: `Interview ${XSS[1]}`,
        meta: `TV ${XSS[0]} · 17 March 2021 · at 0:30–0:45`,
      },
      { href: 'https://social.example.net/p/123', head: 'social.example.net', meta: '' },
      { href: 'https://radio.example.org/show', head: 'The long show', meta: 'at 1:02:05–1:03:10' },
      // Stored unsafe: a javascript: url is named, never linked; a quote in a url is percent-encoded.
      { href: null, head: `Unsafe ${XSS[0]}`, meta: '' },
      { href: 'https://example.org/a%22onmouseover=%22alert(1)', head: 'example.org', meta: '' },
    ]);
    for (const place of places.filter(({ href }) => href !== null))
      expect(place.rel).toBe('nofollow noopener noreferrer external');
    expect(places[0].markup).toContain('<time datetime="2021-03-17T10:00:00.000Z">17 March 2021</time>');
  });

  it('escapes what was stored: no script, attribute or javascript: link reaches the page', () => {
    expect(page).not.toMatch(/<script>alert|<img/i);
    expect([...page.matchAll(/<script\b/g)]).toHaveLength(2);
    // No tag carries an event handler (the words "onerror=" are in the escaped text, not in a tag).
    expect(page).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(page).not.toMatch(/href="\s*javascript:/i);
    expect(page).toContain('Unsafe &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Interview &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows no removed place, in the note or the JSON-LD', () => {
    expect(page).not.toContain('removed.example.com');
    expect(page).not.toContain('Removed place');
  });

  it('gives the same places in the JSON-LD, but no url that is not http(s)', () => {
    const [review] = jsonLdOf(page) as { itemReviewed: { appearance: { url: string }[] } }[];
    expect(review.itemReviewed.appearance.map((work) => work.url)).toEqual([
      'http://factline.test/articles/places',
      'https://tv.example.org/interviews/biden',
      'https://social.example.net/p/123',
      'https://radio.example.org/show',
      'https://example.org/a"onmouseover="alert(1)',
    ]);
  });
});

describe('reader page statements', () => {
  let server: TestServer;
  const SIZES = [3, 12];

  beforeAll(async () => {
    server = await startTestServer({
      demo: false,
      dataset: buildDataset(SIZES.map((claims) => ({ slug: `counted-${claims}`, claims }))),
    });
    const claims = await inspectRows(server.db, sql<{ id: number }>`SELECT id FROM claims ORDER BY id`);
    for (const { id } of claims) {
      await insertPlace(server, { claimId: id, url: `https://example.org/live/${id}` });
      await insertPlace(server, { claimId: id, url: `https://example.org/removed/${id}`, deleted: true });
    }
  });
  afterAll(() => server.close());

  it("reads every claim's places, for the notes and the JSON-LD alike, in one statement whatever the claim count", async () => {
    const counts: number[] = [];
    for (const claims of SIZES) {
      // A spy calls through: it only records which statements ran.
      const rows = vi.spyOn(server.db.reader, 'rows');
      const before = server.db.reader.statementCount;
      const { status, text } = await get(server, `/articles/counted-${claims}`);
      counts.push(server.db.reader.statementCount - before);
      const names = rows.mock.calls.map(([statement]) => statement.name);
      rows.mockRestore();
      expect(status).toBe(200);
      expect(names.filter((name) => name === 'appearance.outsideOfClaims')).toHaveLength(1);
      expect(text.match(/<li class="place">/g)).toHaveLength(claims);
      expect(text).not.toContain('/removed/');
      const reviews = jsonLdOf(text) as { itemReviewed: { appearance: unknown[] } }[];
      expect(reviews).toHaveLength(claims);
      expect(reviews.every((review) => review.itemReviewed.appearance.length === 2)).toBe(true);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
