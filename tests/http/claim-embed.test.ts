import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const PUBLIC_URL = 'http://factline.test';
const HOSTILE = '<script>alert(1)</script>"\'&';

describe('claim page, claim card and oEmbed', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let story: { articleId: string; claimId: string; checkId: string };

  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const oembed = (params: Record<string, string>) => get(`/oembed?${new URLSearchParams(params)}`);

  const checkedStory = async (slug: string, quote: string, claimant: string, summary: string) => {
    const article = await room.createArticle(editor, {
      slug,
      headline: `Headline ${slug}`,
      body: `At the rally ${quote} was said twice.`,
    });
    await room.publishArticle(editor, article.id);
    const claim = await room.createClaim(reviewer, { articleId: article.id, quote, claimant });
    const check = await room.publishedCheck(reviewer, editor, {
      claimId: claim.id,
      verdict: 'FALSE',
      summary,
      body: 'The record says otherwise.',
    });
    return { articleId: article.id, claimId: claim.id, checkId: check.id };
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR, 'Ed Editor');
    reviewer = await server.signIn(Role.REVIEWER, 'Rita Reviewer');
    story = await checkedStory('embed-story', 'unemployment tripled', `Flo ${HOSTILE}`, `Summary ${HOSTILE}`);
  });
  afterAll(() => server.close());

  it('the claim page shows the words, claimant, verdict, the fact-check with its sources and where it was made', async () => {
    const page = await get(`/claims/${story.claimId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.text).toContain('<p>unemployment tripled</p>');
    expect(page.text).toContain('Flo &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toMatch(/<span class="badge v-false r-\d+" id="verdict">False<\/span>/);
    expect(page.text).toContain('The public record');
    expect(page.text).toContain(`href="/articles/embed-story#claim-${story.claimId}">Headline embed-story</a>`);
    const discovery = new URLSearchParams({ url: `${PUBLIC_URL}/claims/${story.claimId}`, format: 'json' });
    expect(page.text).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${PUBLIC_URL}/oembed?${discovery.toString().replace(/&/g, '&amp;')}"`,
    );
    expect(page.text).toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/fact-checks.atom"');
    // The article's note links to the claim's page.
    expect((await get('/articles/embed-story')).text).toContain(`href="/claims/${story.claimId}"`);
  });

  it('the card shows claim, claimant and verdict in words, links out, runs no script, and alone may be framed', async () => {
    const card = await get(`/embed/claims/${story.claimId}`);
    expect(card.status).toBe(200);
    const csp = card.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(card.headers.get('x-frame-options')).toBeNull();
    expect(card.text).not.toMatch(/<script/i);
    expect(card.text).not.toMatch(/ on[a-z]+=/i);
    expect(card.text).toContain('“unemployment tripled”');
    expect(card.text).toContain('<footer>Flo &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</footer>');
    expect(card.text).toContain('>False</span>');
    expect(card.text).toContain(
      `<a class="embed-link" href="/claims/${story.claimId}" target="_blank" rel="noopener">Read the full fact-check</a>`,
    );
    // Every other page keeps refusing to be framed.
    for (const path of ['/articles', '/articles/embed-story', `/claims/${story.claimId}`, '/claims/nope'])
      expect((await get(path)).headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
  });

  it('answers 404 for unknown, malformed and unseen claims, and 410 once the article is withdrawn', async () => {
    const draft = await room.createArticle(editor, {
      slug: 'embed-draft',
      headline: 'Draft',
      body: 'Someone said the hidden claim here.',
    });
    const hidden = await room.createClaim(editor, { articleId: draft.id, quote: 'the hidden claim' });
    for (const id of [
      hidden.id,
      toGlobalId('Claim', 999_999),
      toGlobalId('Article', 1),
      'not-an-id',
      '%00',
      story.articleId,
    ]) {
      for (const prefix of ['/claims/', '/embed/claims/']) {
        const answer = await get(`${prefix}${id}`);
        expect(answer.status, `${prefix}${id}`).toBe(404);
        expect(answer.text).not.toContain('hidden claim');
      }
      expect((await oembed({ url: `${PUBLIC_URL}/claims/${id}` })).status).toBe(404);
    }
    const gone = await checkedStory('embed-gone', 'the river ran dry', 'Gus Grey', 'It did not.');
    await room.archiveArticle(editor, gone.articleId, 'Withdrawn: the quote was misattributed.');
    const page = await get(`/claims/${gone.claimId}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain('Withdrawn: the quote was misattributed.');
    expect(page.text).not.toContain('the river ran dry');
    const card = await get(`/embed/claims/${gone.claimId}`);
    expect(card.status).toBe(410);
    expect(card.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(card.text).not.toContain('the river ran dry');
    expect((await oembed({ url: `${PUBLIC_URL}/embed/claims/${gone.claimId}` })).status).toBe(404);
  });

  it('oEmbed answers a rich response framing the card, within maxwidth and maxheight', async () => {
    for (const url of [`${PUBLIC_URL}/claims/${story.claimId}`, `${PUBLIC_URL}/embed/claims/${story.claimId}?x=1`]) {
      const answer = await oembed({ url, maxwidth: '300', maxheight: '900', format: 'json' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(answer.text) as Record<string, unknown>;
      expect(body).toMatchObject({
        version: '1.0',
        type: 'rich',
        width: 300,
        height: 260,
        provider_name: 'factline test desk',
        provider_url: PUBLIC_URL,
        title: 'False: “unemployment tripled”',
      });
      expect(body.html).toBe(
        `<iframe src="${PUBLIC_URL}/embed/claims/${story.claimId}" width="300" height="260" title="False: “unemployment tripled”" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-popups allow-popups-to-escape-sandbox" style="border:0;max-width:100%"></iframe>`,
      );
    }
    const plain = JSON.parse((await oembed({ url: `${PUBLIC_URL}/claims/${story.claimId}` })).text) as {
      width: number;
    };
    expect(plain.width).toBe(480);
  });

  it('oEmbed refuses what it cannot serve: 501 for xml, 400 for bad input, 404 for other sites and pages', async () => {
    const claimUrl = `${PUBLIC_URL}/claims/${story.claimId}`;
    const xml = await oembed({ url: claimUrl, format: 'xml' });
    expect(xml.status).toBe(501);
    expect(JSON.parse(xml.text).error.field).toBe('format');
    const refused: Record<string, string>[] = [
      {},
      { url: '' },
      { url: 'not a url' },
      { url: 'javascript:alert(1)' },
      { url: '/claims/x' },
    ];
    for (const params of refused) {
      const answer = await oembed(params);
      expect(answer.status, JSON.stringify(params)).toBe(400);
      expect(JSON.parse(answer.text).error.field).toBe('url');
    }
    for (const [field, value] of [
      ['maxwidth', '0'],
      ['maxwidth', '-5'],
      ['maxheight', 'tall'],
    ]) {
      const answer = await oembed({ url: claimUrl, [field]: value });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).error.field).toBe(field);
    }
    for (const url of [
      `https://elsewhere.example/claims/${story.claimId}`,
      `${PUBLIC_URL}/articles/embed-story`,
      `${PUBLIC_URL}/claims/${story.claimId}/more`,
    ])
      expect((await oembed({ url })).status, url).toBe(404);
  });

  it('oEmbed answers any url with 200, 400 or 404 only, and always JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string(),
          fc
            .constantFrom(`${PUBLIC_URL}/claims/`, `${PUBLIC_URL}/embed/claims/`)
            .chain((prefix) => fc.string().map((tail) => `${prefix}${tail}`)),
        ),
        async (url) => {
          const answer = await oembed({ url });
          expect([200, 400, 404]).toContain(answer.status);
          expect(() => JSON.parse(answer.text) as unknown).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  });
});
