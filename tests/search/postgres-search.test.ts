import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSearch1796000000001 } from '../../migrations/1796000000001-PostgresSearch';
import { Claimants1796200000000 } from '../../migrations/1796200000000-Claimants';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow } from '../helpers/inspect';
import { startTestServer, onPostgres, type TestServer } from '../helpers/test-app';

type Hit = {
  type: string;
  field: string;
  snippet: { text: string; highlights: { start: number; end: number }[] };
  node: { slug?: string };
};
type Page = { totalCount: number; edges: { node: Hit }[] };

const SEARCH = `query($q: String!) {
  search(query: $q, first: 20) { totalCount edges { node { type field snippet { text highlights { start end } } node { ... on Article { slug } } } } }
}`;
const SNIPPETS_ONLY = 'query($q: String!) { search(query: $q, first: 20) { edges { node { snippet { text } } } } }';

/**
 * What only PostgreSQL has: the query language turned into a tsquery, ts_headline snippets,
 * one statement per search and per page of snippets, and the PostgresSearch migration itself.
 * The behaviour both engines share is in search.test.ts.
 */
describe.runIf(onPostgres)('search on PostgreSQL', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    const editor = await server.signIn(Role.EDITOR);
    const create = async (slug: string, headline: string, body: string) => {
      const created = await server.gql<{ createArticle: { id: string } }>(
        'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
        { input: { slug, headline, body, language: 'en' } },
        editor.token,
      );
      await server.gql(
        'mutation($id: ID!) { publishArticle(input: { id: $id }) { id } }',
        { id: created.data!.createArticle.id },
        editor.token,
      );
    };
    // The words meet in the bodies: a search matches within one field (as on SQLite).
    await create('crossing', 'Council repaints the school road', 'The zebra crossing near the school is repainted.');
    await create('sighting', 'A garden visitor', 'No crossing here: a zebra and an okapi escaped.');
    await create(
      'long',
      'Traffic report',
      `${'Traffic counts rose again. '.repeat(20)}A wildebeest was seen at zoo.example.org, a well-known café. ${'More traffic. '.repeat(20)}`,
    );
  });
  afterAll(() => server.close());

  const search = async (q: string) => {
    const result = await server.gql<{ search: Page }>(SEARCH, { q });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.search;
  };
  const slugs = async (q: string) => [...new Set((await search(q)).edges.map((edge) => edge.node.node.slug))].sort();

  it('websearch syntax: quoted phrases, -exclusion and prefix* become tsquery operators; OR is a word, as on SQLite', async () => {
    expect(await slugs('"zebra crossing"')).toEqual(['crossing']);
    expect(await slugs('zebra crossing')).toEqual(['crossing', 'sighting']);
    expect(await slugs('zebra -okapi')).toEqual(['crossing']);
    expect(await slugs('zebra -"okapi escaped"')).toEqual(['crossing']);
    expect(await slugs('wildebe*')).toEqual(['long']);
    expect(await slugs('repaint*')).toEqual(['crossing']);
    // Every word must match: "OR" too, which neither body holds.
    expect(await slugs('zebra OR okapi')).toEqual([]);
    expect(await slugs('crossing -"zebra crossing"')).toEqual(['sighting']);
  });

  it('one statement finds the hits and one more makes the snippets of a page', async () => {
    const before = server.db.reader.statementCount;
    const result = await server.gql(SNIPPETS_ONLY, { q: 'zebra' });
    expect(result.errors).toBeUndefined();
    expect(server.db.reader.statementCount - before).toBe(2);
  });

  it('snippets mark the stored text: its spelling and punctuation, ellipses where the text goes on', async () => {
    const hits = async (q: string) =>
      (await search(q)).edges
        .filter((edge) => edge.node.node.slug === 'long' && edge.node.field === 'body')
        .map((edge) => edge.node.snippet);
    const marked = (snippet: Hit['snippet']) =>
      snippet.highlights.map(({ start, end }) => snippet.text.slice(start, end));
    const [cafe] = await hits('cafe');
    expect(marked(cafe)).toEqual(['café']);
    expect(cafe.text).toMatch(/^….*zoo\.example\.org, a well-known café\. .*…$/);
    expect(cafe.text.split(' ').length).toBeLessThanOrEqual(30);
    const [host] = await hits('"example.org"');
    expect(marked(host)).toEqual(['example', 'org']);
    const [hyphen] = await hits('"well known"');
    expect(marked(hyphen)).toEqual(['well', 'known']);
  });

  it('the migration goes down and up again, and up() indexes what is already there', async () => {
    const count = async () =>
      (await inspectRow(server.db, sql<{ n: number }>`SELECT count(*) AS n FROM search_documents`))!.n;
    const documents = await count();
    expect(documents).toBeGreaterThan(0);
    const migration = new PostgresSearch1796000000001();
    // Claimants changed what the claims' documents are made of: it goes down first and up last.
    const later = new Claimants1796200000000();
    const runner = server.db.write.createQueryRunner();
    try {
      await runner.startTransaction();
      await later.down(runner);
      await migration.down(runner);
      expect((await runner.query(`SELECT to_regclass('search_documents') AS t`))[0].t).toBeNull();
      await migration.up(runner);
      await later.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await count()).toBe(documents);
    expect(await slugs('"zebra crossing"')).toEqual(['crossing']);
  });
});
