import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANKED_LIMIT, RECENT_LIMIT } from '../../src/modules/search/search-ranking';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

type Hit = { type: string; score: number; node: { id: string; slug?: string; article?: { slug: string } } };
type Page = { totalCount: number; edges: { node: Hit }[] };

const SEARCH = `query($q: String!, $filter: SearchFilter, $first: Int) {
  search(query: $q, filter: $filter, first: $first) {
    totalCount
    edges { node { type score node { id ... on Article { slug } ... on Claim { article { slug } } } } }
  } }`;

/**
 * A word in more documents than bm25 ranks takes the recent path: the newest matches, a chunk
 * at a time. Here the newest ones are a draft (hidden from readers) and a German article, so the
 * newest RECENT_LIMIT matches hold few a reader may see, or that pass a filter: the search must
 * reach further back rather than answer with what is left of the newest.
 */
describe('search: the recent path for very common words', () => {
  let server: TestServer;
  let editor: SignedIn;
  // Every factory claim quote says "... percent.": one match per claim, in import order.
  const OLDER = 320;
  const DRAFT = 260;
  const GERMAN = 30;

  beforeAll(async () => {
    server = await startTestServer({
      demo: false,
      dataset: buildDataset([
        { slug: 'older-published', claims: OLDER },
        { slug: 'newer-draft', claims: DRAFT, status: 'DRAFT' },
        { slug: 'newest-german', claims: GERMAN, language: 'de' },
      ]),
    });
    editor = await server.signIn(Role.EDITOR);
    expect(OLDER + DRAFT + GERMAN).toBeGreaterThan(RANKED_LIMIT);
    expect(DRAFT + GERMAN).toBeGreaterThanOrEqual(RECENT_LIMIT);
  });
  afterAll(() => server.close());

  const search = async (filter?: unknown, token?: string) => {
    const result = await server.gql<{ search: Page }>(SEARCH, { q: 'percent', filter, first: 100 }, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.search;
  };
  const articleOf = (hit: Hit) => hit.node.slug ?? hit.node.article?.slug;
  const claimArticles = (page: Page) =>
    page.edges.filter((edge) => edge.node.type === 'CLAIM').map((edge) => articleOf(edge.node));

  it('readers get RECENT_LIMIT visible hits, newest first, though the newest matches are mostly a draft', async () => {
    const page = await search();
    expect(page.totalCount).toBeGreaterThanOrEqual(RECENT_LIMIT);
    expect(page.edges).toHaveLength(100);
    expect(page.edges.every((edge) => articleOf(edge.node) !== 'newer-draft')).toBe(true);
    // Quotes weigh the same: the newest article's claims come first, then the older ones.
    const claims = claimArticles(page);
    expect(claims.slice(0, GERMAN)).toEqual(Array(GERMAN).fill('newest-german'));
    expect(new Set(claims.slice(GERMAN))).toEqual(new Set(['older-published']));
    const scores = page.edges.map((edge) => edge.node.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('editors see the draft in its place by age', async () => {
    const page = await search(undefined, editor.token);
    // Every newest match is visible to an editor: only RECENT_LIMIT of them are checked and
    // kept, not the whole window read from the index.
    expect(page.totalCount).toBeLessThanOrEqual(RECENT_LIMIT);
    const claims = claimArticles(page);
    expect(claims.slice(0, GERMAN)).toEqual(Array(GERMAN).fill('newest-german'));
    expect(claims.slice(GERMAN, GERMAN + 50)).toEqual(Array(50).fill('newer-draft'));
  });

  it('a filter that few of the newest matches pass still fills the page from older ones', async () => {
    const english = await search({ language: 'en' });
    expect(english.totalCount).toBeGreaterThanOrEqual(RECENT_LIMIT);
    expect(new Set(english.edges.map((edge) => articleOf(edge.node)))).toEqual(new Set(['older-published']));
    const german = await search({ language: 'de' });
    // 30 claims and the article's body.
    expect(german.totalCount).toBe(GERMAN + 1);
    expect(new Set(german.edges.map((edge) => articleOf(edge.node)))).toEqual(new Set(['newest-german']));
  });
});
