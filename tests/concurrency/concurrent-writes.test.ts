import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow, inspectRows } from '../helpers/inspect';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const CREATE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }';

describe('concurrent writes over HTTP', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let claimIds: string[];

  beforeAll(async () => {
    server = await startTestServer();
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    const demo = await server.gql<{ article: { claims: { id: string }[] } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id } } }`,
    );
    claimIds = demo.data!.article.claims.map((c) => c.id);
  });
  afterAll(() => server.close());

  it('200 concurrent createAnnotation all land, exactly once, with no error', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        server.gql<{ createAnnotation: { id: string; version: number } }>(
          CREATE,
          {
            input: {
              claimId: claimIds[i % claimIds.length],
              verdict: 'MIXED',
              summary: `concurrent ${i}`,
              body: 'Body.',
              citations: [
                {
                  source: { url: `https://example.org/concurrent/${i % 7}`, title: 'Shared', kind: 'NEWS_REPORT' },
                  stance: 'CONTEXT',
                  excerpt: `e${i}`,
                },
                {
                  source: { url: `https://example.org/own/${i}`, title: 'Own', kind: 'DATASET' },
                  stance: 'SUPPORTS',
                  excerpt: `o${i}`,
                },
              ],
            },
          },
          reviewer.token,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data!.createAnnotation.id)).size).toBe(200);
    const rows = await inspectRows(
      server.db,
      sql<{
        summary: string;
        n: number;
      }>`SELECT summary, COUNT(*) AS n FROM annotations WHERE summary LIKE 'concurrent %' GROUP BY summary`,
    );
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    const sources = await inspectRow(
      server.db,
      sql<{
        shared: number;
        own: number;
      }>`SELECT COUNT(*) FILTER (WHERE url LIKE 'https://example.org/concurrent/%') AS shared, COUNT(*) FILTER (WHERE url LIKE 'https://example.org/own/%') AS own FROM sources`,
    );
    // Shared urls were created once each, however many requests raced to create them.
    expect(sources).toEqual({ shared: 7, own: 200 });
    const revisions = await inspectRow(
      server.db,
      sql<{
        n: number;
      }>`SELECT COUNT(*) AS n FROM annotation_revisions r JOIN annotations n ON n.id = r.annotation_id WHERE n.summary LIKE 'concurrent %'`,
    );
    expect(revisions?.n).toBe(200);
  });

  it('two updates with the same expectedVersion: exactly one wins, the other is CONFLICT with the current version', async () => {
    const created = await server.gql<{ createAnnotation: { id: string } }>(
      CREATE,
      { input: { claimId: claimIds[0], verdict: 'TRUE', summary: 'race', body: 'b' } },
      reviewer.token,
    );
    const id = created.data!.createAnnotation.id;
    const update = (summary: string, who: SignedIn) =>
      server.gql<{ updateAnnotation: { version: number; summary: string } }>(
        'mutation($id: ID!, $s: String!) { updateAnnotation(input: { id: $id, expectedVersion: 1, summary: $s }) { version summary } }',
        { id, s: summary },
        who.token,
      );
    const [a, b] = await Promise.all([update('from the author', reviewer), update('from the editor', editor)]);
    const winners = [a, b].filter((r) => !r.errors);
    const losers = [a, b].filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const stored = await server.gql<{
      annotation: { summary: string; version: number; revisions: { version: number }[] };
    }>('query($id: ID!) { annotation(id: $id) { summary version revisions { version } } }', { id }, editor.token);
    expect(stored.data!.annotation).toEqual({
      summary: winners[0].data!.updateAnnotation.summary,
      version: 2,
      revisions: [{ version: 1 }, { version: 2 }],
    });
  });

  it('a query racing a mutation that fails after its first write never sees that write', async () => {
    const missingSource = toGlobalId('Source', 9_999_999);
    const sightings: string[] = [];
    let running = true;
    const reader = (async () => {
      while (running) {
        const result = await server.gql<{ sources: { edges: { node: { url: string } }[] } }>(
          '{ sources(first: 100) { edges { node { url } } } }',
        );
        for (const edge of result.data!.sources.edges)
          if (edge.node.url.includes('/ghost/')) sightings.push(edge.node.url);
      }
    })();
    const failures = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        server.gql(
          CREATE,
          {
            input: {
              claimId: claimIds[0],
              verdict: 'FALSE',
              summary: `ghost ${i}`,
              body: 'b',
              // The first citation stores a new source; the second fails: the whole mutation is undone.
              citations: [
                {
                  source: { url: `https://example.org/ghost/${i}`, title: 'Ghost', kind: 'OTHER' },
                  stance: 'REFUTES',
                  excerpt: 'x',
                },
                { sourceId: missingSource, stance: 'REFUTES', excerpt: 'y' },
              ],
            },
          },
          reviewer.token,
        ),
      ),
    );
    running = false;
    await reader;
    for (const failure of failures)
      expect(failure.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.citations.1.sourceId' });
    expect(sightings).toEqual([]);
    expect(await inspectRows(server.db, sql`SELECT id FROM sources WHERE url LIKE '%/ghost/%'`)).toEqual([]);
    expect(await inspectRows(server.db, sql`SELECT id FROM annotations WHERE summary LIKE 'ghost %'`)).toEqual([]);
  });
});
