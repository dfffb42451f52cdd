import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const XSS = '<script>alert(1)</script>"\'&';

describe('GET /claimants/:slug', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;

  beforeAll(async () => {
    server = await startTestServer();
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
  });
  afterAll(() => server.close());

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('shows a claimant with their checked claims, each verdict and the verdict summary', async () => {
    const { article } = await room.ok<{
      article: {
        claims: { quote: string; verdict: string | null; claimant: { slug: string; name: string } | null }[];
      };
    }>(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { quote verdict claimant { slug name } } } }`, {});
    const claimant = article.claims.find((claim) => claim.claimant && claim.verdict)!.claimant!;
    const theirs = article.claims.filter((claim) => claim.claimant?.slug === claimant.slug && claim.verdict);
    const page = await get(`/claimants/${claimant.slug}`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.text).toContain(`<h1>${claimant.name.replace(/&/g, '&amp;')}</h1>`);
    expect(page.text.match(/<li class="card">/g)).toHaveLength(theirs.length);
    expect(page.text).toContain(`aria-label="${theirs.length === 1 ? '1 claim' : `${theirs.length} claims`}`);
    expect(page.text).toContain(`href="/articles/${DEMO_ARTICLE_SLUG}#claim-`);
  });

  it('answers 404 for an unknown slug, a malformed one and a claimant readers cannot see yet', async () => {
    for (const slug of ['no-such-claimant', 'Bad%20Slug', '..', 'x'.repeat(300)])
      expect((await get(`/claimants/${slug}`)).status).toBe(404);
    const draft = await room.mutate<{ id: string }>(
      'createArticle',
      'CreateArticleInput',
      { slug: 'claimant-page-draft', headline: 'Draft', body: 'Someone said the sky is green.' },
      editor,
      'id',
    );
    const claim = await room.mutate<{ claimant: { slug: string } }>(
      'createClaim',
      'CreateClaimInput',
      { articleId: draft.id, quote: 'the sky is green', claimant: `Green ${XSS}` },
      editor,
      'claimant { slug }',
    );
    const hidden = await get(`/claimants/${claim.claimant.slug}`);
    expect(hidden.status).toBe(404);
    expect(hidden.text).not.toContain('Green');
    await room.ok('mutation($id: ID!) { publishArticle(input: { id: $id }) { id } }', { id: draft.id }, editor);
    const shown = await get(`/claimants/${claim.claimant.slug}`);
    expect(shown.status).toBe(200);
    // Escaped everywhere: the name is text, never markup.
    expect(shown.text).not.toContain('<script>alert(1)</script>');
    expect(shown.text).toContain('Green &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(shown.text).toContain('None of their claims has been checked yet.');
  });

  it('the demo claims name real claimants, and ClaimReview names each as a Person or Organization', async () => {
    const { claimants } = await room.ok<{
      claimants: { edges: { node: { name: string; kind: string; wikidataUrl: string | null } }[] };
    }>('{ claimants { edges { node { name kind wikidataUrl } } } }', {});
    expect(claimants.edges.map(({ node }) => node)).toEqual(
      expect.arrayContaining([
        { name: 'Danny Jones', kind: 'PERSON', wikidataUrl: null },
        { name: 'Joe Biden', kind: 'PERSON', wikidataUrl: 'https://www.wikidata.org/wiki/Q6279' },
        { name: 'Vladimir Putin', kind: 'PERSON', wikidataUrl: 'https://www.wikidata.org/wiki/Q7747' },
        { name: 'Jen Psaki', kind: 'PERSON', wikidataUrl: null },
        { name: 'White House', kind: 'ORGANIZATION', wikidataUrl: null },
      ]),
    );
    const feed = JSON.parse((await get('/claimreview.json')).text) as {
      items: { claimReviewed: string; itemReviewed: { author?: Record<string, string> } }[];
    };
    const authorOf = (words: string) =>
      feed.items.find((item) => item.claimReviewed.includes(words))?.itemReviewed.author;
    expect(authorOf('a killer')).toEqual({
      '@type': 'Person',
      name: 'Joe Biden',
      sameAs: 'https://www.wikidata.org/wiki/Q6279',
    });
    expect(authorOf('unwavering commitment')).toEqual({ '@type': 'Organization', name: 'White House' });
    expect(authorOf('Tuesday April 14')).toEqual({ '@type': 'Person', name: 'Danny Jones' });
  });
});
