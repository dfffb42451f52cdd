import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../helpers/factories';
import { inspectRow } from '../helpers/inspect';
import { startTestServer, type TestServer } from '../helpers/test-app';

/** The article query a client app sends: article + claims + fact-checks + citations + sources. */
const ARTICLE_QUERY = `query($slug: String!) {
  article(slug: $slug) {
    id headline claimCount verdictSummary { verdict count }
    claims { id quote verdict claimant { name slug } selector { start end }
      annotations { id verdict rating { value label } summary author { name }
        citations { stance excerpt source { id url title publisher kind } } } }
  } }`;

const SIZES = [5, 20, 100];

describe('the article query costs a constant number of SQL statements', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      demo: false,
      dataset: buildDataset(
        SIZES.map((claims) => ({
          slug: `article-${claims}`,
          claims,
          annotationsPerClaim: 2,
          citationsPerAnnotation: 2,
        })),
      ),
    });
  });
  afterAll(() => server.close());

  it.each(SIZES)('at %i claims: at most 5 statements', async (claims) => {
    const before = server.db.reader.statementCount;
    const result = await server.gql<{ article: { claims: { annotations: { citations: unknown[] }[] }[] } }>(
      ARTICLE_QUERY,
      { slug: `article-${claims}` },
    );
    const statements = server.db.reader.statementCount - before;
    expect(result.errors).toBeUndefined();
    expect(result.data!.article.claims).toHaveLength(claims);
    expect(
      result.data!.article.claims.every(
        (c) => c.annotations.length === 2 && c.annotations.every((a) => a.citations.length === 2),
      ),
    ).toBe(true);
    expect(statements).toBeLessThanOrEqual(5);
    // article, claims (+ claimants), claim stats, annotations (+ authors), citations (+ sources)
    expect(statements).toBe(5);
  });

  it('a page of articles with their counts costs the same whatever the page size', async () => {
    const count = async (first: number) => {
      const before = server.db.reader.statementCount;
      const result = await server.gql(
        `{ articles(first: ${first}) { edges { node { headline claimCount verdictSummary { verdict count } claims { annotations { author { name } } } } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return server.db.reader.statementCount - before;
    };
    expect(await count(1)).toBe(await count(3));
  });

  it('reads article bodies only when asked for, in one statement for the page', async () => {
    const page = async (fields: string) => {
      const before = server.db.reader.statementCount;
      const result = await server.gql<{ articles: { edges: { node: { slug: string; body?: string } }[] } }>(
        `{ articles(first: 3) { edges { node { ${fields} } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return {
        statements: server.db.reader.statementCount - before,
        nodes: result.data!.articles.edges.map((edge) => edge.node),
      };
    };
    const without = await page('slug headline');
    const withBody = await page('slug headline body');
    expect(withBody.statements).toBe(without.statements + 1);
    expect(withBody.nodes).toHaveLength(3);
    for (const node of withBody.nodes) {
      const stored = await inspectRow(
        server.db,
        sql<{ body: string }>`SELECT body FROM articles WHERE slug = ${node.slug}`,
      );
      expect(node.body).toBe(stored!.body);
    }
  });
});
