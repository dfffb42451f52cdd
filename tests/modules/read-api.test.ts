import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { type GraphQLResult, startTestServer, type TestServer } from '../helpers/test-app';

interface Page<Node> {
  totalCount: number;
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

type ArticleNode = { id: string; slug: string; publishedAt: string };

const ARTICLES = `query($first: Int, $after: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
  articles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount edges { cursor node { id slug publishedAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

describe('read API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      dataset: buildDataset([
        ...Array.from({ length: 25 }, (_, i) => ({
          slug: `daily-${String(i).padStart(2, '0')}`,
          // Two articles share each publication time: the id must break the tie.
          publishedAt: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 2))).toISOString(),
          section: i % 2 === 0 ? 'Politics' : 'Science',
          language: i % 5 === 0 ? 'de' : 'en',
          claims: 2,
          verdicts: i % 3 === 0 ? (['FALSE', 'TRUE'] as const).slice() : (['TRUE'] as const).slice(),
        })),
        { slug: 'unpublished-draft', status: 'DRAFT', claims: 2 },
      ]),
    });
  });
  afterAll(() => server.close());

  async function allPages(variables: Record<string, unknown>, first: number): Promise<ArticleNode[]> {
    const seen: ArticleNode[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const result: GraphQLResult<{ articles: Page<ArticleNode> }> = await server.gql<{ articles: Page<ArticleNode> }>(
        ARTICLES,
        { ...variables, first, after },
      );
      expect(result.errors).toBeUndefined();
      const page: Page<ArticleNode> = result.data!.articles;
      seen.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return seen;
  }

  it('lists published articles newest first, paged by cursor without gaps or repeats', async () => {
    const pages = await allPages({}, 7);
    expect(pages).toHaveLength(26); // 25 + the demo article; the draft is hidden
    expect(new Set(pages.map((a) => a.id)).size).toBe(26);
    const times = pages.map((a) => a.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(pages.map((a) => a.slug)).not.toContain('unpublished-draft');
    const first = await server.gql<{ articles: Page<ArticleNode> }>(ARTICLES, { first: 3 });
    expect(first.data!.articles.totalCount).toBe(26);
    expect(first.data!.articles.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.data!.articles.pageInfo.startCursor).toBe(first.data!.articles.edges[0].cursor);
  });

  it('orders oldest first on request', async () => {
    const pages = await allPages({ orderBy: 'PUBLISHED_AT_ASC' }, 10);
    expect(pages.map((a) => a.publishedAt)).toEqual(pages.map((a) => a.publishedAt).sort());
    expect(pages[0].slug).toBe(DEMO_ARTICLE_SLUG);
  });

  it('filters by section, language, publication window and verdict', async () => {
    expect(await allPages({ filter: { section: 'Politics' } }, 100)).toHaveLength(13);
    expect((await allPages({ filter: { language: 'de' } }, 100)).map((a) => a.slug)).toEqual([
      'daily-20',
      'daily-15',
      'daily-10',
      'daily-05',
      'daily-00',
    ]);
    const window = await allPages(
      { filter: { publishedAfter: '2024-01-02T00:00:00Z', publishedBefore: '2024-01-04T00:00:00Z' } },
      100,
    );
    expect(window.map((a) => a.slug).sort()).toEqual(['daily-02', 'daily-03', 'daily-04', 'daily-05']);
    const falseOnes = await allPages({ filter: { verdict: 'FALSE' } }, 100);
    // daily-00, 03, ... (i % 3 === 0) have a FALSE claim, and so does the demo article.
    expect(falseOnes.map((a) => a.slug).sort()).toEqual(
      [DEMO_ARTICLE_SLUG, ...['00', '03', '06', '09', '12', '15', '18', '21', '24'].map((n) => `daily-${n}`)].sort(),
    );
    const page = await server.gql<{ articles: Page<ArticleNode> }>(ARTICLES, {
      first: 2,
      filter: { verdict: 'FALSE', section: 'Politics' },
    });
    expect(page.data!.articles.totalCount).toBe(5); // 00, 06, 12, 18, 24
  });

  it('serves an article with claims in text order, counts and a verdict summary', async () => {
    const result = await server.gql<{
      article: {
        claimCount: number;
        verdictSummary: { verdict: string; count: number }[];
        claims: { selector: { start: number } }[];
      };
    }>('{ article(slug: "daily-03") { claimCount verdictSummary { verdict count } claims { selector { start } } } }');
    expect(result.data!.article.claimCount).toBe(2);
    expect(result.data!.article.verdictSummary).toEqual([
      { verdict: 'TRUE', count: 1 },
      { verdict: 'FALSE', count: 1 },
    ]);
    const starts = result.data!.article.claims.map((c) => c.selector.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('finds an article by id, slug and node(id); a draft is invisible everywhere', async () => {
    const bySlug = await server.gql<{ article: { id: string; headline: string } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id headline } }`,
    );
    const { id } = bySlug.data!.article;
    const byId = await server.gql<{ article: { id: string }; node: { __typename: string; slug: string } }>(
      `query($id: ID!) { article(id: $id) { id } node(id: $id) { __typename ... on Article { slug } } }`,
      { id },
    );
    expect(byId.data).toEqual({ article: { id }, node: { __typename: 'Article', slug: DEMO_ARTICLE_SLUG } });
    const draft = await server.gql('{ article(slug: "unpublished-draft") { id } }');
    expect(draft).toMatchObject({ data: { article: null } });
    const draftId = Buffer.from('Article:27').toString('base64url');
    const hidden = await server.gql(`{ node(id: "${draftId}") { id } claims(first: 100) { totalCount } }`);
    expect(hidden.data).toEqual({ node: null, claims: { totalCount: 12 + 25 * 2 } });
  });

  it('resolves every node type through node and nodes, in order, with null for misses', async () => {
    const ids = await server.gql<{
      article: {
        id: string;
        claims: { id: string; annotations: { id: string; citations: { source: { id: string } }[] }[] }[];
      };
    }>(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { id claims { id annotations { id citations { source { id } } } } } }`);
    const article = ids.data!.article;
    const claim = article.claims[0];
    const annotation = claim.annotations[0];
    const source = annotation.citations[0].source;
    const missing = Buffer.from('Claim:999999').toString('base64url');
    const result = await server.gql<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
      { ids: [source.id, annotation.id, missing, claim.id, article.id] },
    );
    expect(result.data!.nodes).toEqual([
      { __typename: 'Source', id: source.id },
      { __typename: 'Annotation', id: annotation.id },
      null,
      { __typename: 'Claim', id: claim.id },
      { __typename: 'Article', id: article.id },
    ]);
    const direct = await server.gql<Record<string, { id: string } | null>>(
      'query($c: ID!, $a: ID!, $s: ID!) { claim(id: $c) { id article { id } } annotation(id: $a) { id claim { id } } source(id: $s) { id } }',
      { c: claim.id, a: annotation.id, s: source.id },
    );
    expect(direct.data).toEqual({
      claim: { id: claim.id, article: { id: article.id } },
      annotation: { id: annotation.id, claim: { id: claim.id } },
      source: { id: source.id },
    });
  });

  it('lists claims filtered by article, verdict and claimant, and pages sources', async () => {
    const demo = await server.gql<{ article: { id: string } }>(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { id } }`);
    const claims = await server.gql<{
      byArticle: Page<unknown>;
      falseOnes: Page<{ verdict: string }>;
      byClaimant: Page<{ claimant: { name: string } }>;
    }>(
      `query($articleId: ID!) {
        byArticle: claims(first: 5, filter: { articleId: $articleId }) { totalCount edges { cursor } pageInfo { hasNextPage } }
        falseOnes: claims(first: 100, filter: { verdict: FALSE }) { totalCount edges { node { verdict } } }
        byClaimant: claims(first: 100, filter: { claimant: "  jen   PSAKI " }) { totalCount edges { node { claimant { name } } } }
      }`,
      { articleId: demo.data!.article.id },
    );
    expect(claims.data!.byArticle.totalCount).toBe(12);
    expect(claims.data!.byArticle.pageInfo.hasNextPage).toBe(true);
    expect(claims.data!.falseOnes.totalCount).toBe(1 + 9);
    expect(claims.data!.falseOnes.edges.every((e) => e.node.verdict === 'FALSE')).toBe(true);
    expect(claims.data!.byClaimant.totalCount).toBe(1);
    const sources = await server.gql<{ sources: Page<{ url: string }> }>(
      '{ sources(first: 5) { totalCount edges { cursor node { url } } pageInfo { endCursor hasNextPage } } }',
    );
    const rest = await server.gql<{ sources: Page<{ url: string }> }>(
      'query($after: String) { sources(first: 100, after: $after) { edges { node { url } } pageInfo { hasNextPage } } }',
      {
        after: sources.data!.sources.pageInfo.endCursor,
      },
    );
    const urls = [...sources.data!.sources.edges, ...rest.data!.sources.edges].map((e) => e.node.url);
    expect(urls).toHaveLength(sources.data!.sources.totalCount);
    expect(new Set(urls).size).toBe(urls.length);
    expect(rest.data!.sources.pageInfo.hasNextPage).toBe(false);
  });

  it('rates verdicts on the ClaimReview scale', async () => {
    const result = await server.gql<{
      article: {
        claims: {
          annotations: {
            verdict: string;
            rating: { value: number | null; best: number; worst: number; label: string };
          }[];
        }[];
      };
    }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { annotations { verdict rating { value best worst label } } } } }`,
    );
    const ratings = new Map(
      result.data!.article.claims.flatMap((c) => c.annotations.map((a) => [a.verdict, a.rating])),
    );
    expect(ratings.get('TRUE')).toEqual({ value: 5, best: 5, worst: 1, label: 'True' });
    expect(ratings.get('MOSTLY_TRUE')).toEqual({ value: 4, best: 5, worst: 1, label: 'Mostly true' });
    expect(ratings.get('FALSE')).toEqual({ value: 1, best: 5, worst: 1, label: 'False' });
    expect(ratings.get('MISLEADING')).toEqual({ value: null, best: null, worst: null, label: 'Misleading' });
    expect(ratings.get('NEEDS_CONTEXT')).toEqual({ value: null, best: null, worst: null, label: 'Needs context' });
  });

  it('serves every user in an answer with its role: authors, revision actors and editors, also as of a moment', async () => {
    const { token } = await server.signIn(Role.EDITOR);
    const users = `author { name role } revisions { actor { name role } }`;
    const result = await server.gql<{
      article: {
        revisions: { editor: { role: string } | null }[];
        claims: { annotations: { author: { role: string }; revisions: { actor: { role: string } }[] }[] }[];
      };
      then: { claims: { annotations: { author: { role: string } }[] }[] };
    }>(
      `query($slug: String!, $now: DateTime!) {
        article(slug: $slug) { revisions { editor { name role } } claims { annotations { ${users} } } }
        then: article(slug: $slug, asOf: $now) { claims { annotations { author { name role } } } }
      }`,
      { slug: DEMO_ARTICLE_SLUG, now: new Date().toISOString() },
      token,
    );
    expect(result.errors).toBeUndefined();
    const annotations = result.data!.article.claims.flatMap((claim) => claim.annotations);
    expect(annotations.length).toBeGreaterThan(0);
    const roles = [
      ...annotations.flatMap((annotation) => [
        annotation.author.role,
        ...annotation.revisions.map((revision) => revision.actor.role),
      ]),
      ...result.data!.then.claims.flatMap((claim) => claim.annotations.map((annotation) => annotation.author.role)),
      ...result.data!.article.revisions.flatMap((revision) => (revision.editor ? [revision.editor.role] : [])),
    ];
    expect(roles.length).toBeGreaterThan(annotations.length);
    for (const role of roles) expect(Object.values(Role)).toContain(role);
  });
});
