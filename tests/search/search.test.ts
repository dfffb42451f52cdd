import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { MAIN_JS } from '../helpers/service-process';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

type Hit = {
  type: string;
  score: number;
  field: string;
  snippet: { text: string; highlights: { start: number; end: number }[] };
  node: { id: string; slug?: string; quote?: string };
};
type Page = {
  totalCount: number;
  edges: { cursor: string; node: Hit }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const SEARCH = `query($q: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $q, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { type score field snippet { text highlights { start end } } node { id ... on Article { slug } ... on Claim { quote } } } }
    pageInfo { hasNextPage endCursor }
  } }`;

describe('search', () => {
  let server: TestServer;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let otherReviewer: SignedIn;

  const search = async (
    q: string,
    options: { filter?: unknown; first?: number; after?: string | null; token?: string } = {},
  ) => {
    const result = await server.gql<{ search: Page }>(
      SEARCH,
      { q, filter: options.filter, first: options.first ?? 20, after: options.after },
      options.token,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.search;
  };
  const slugs = (page: Page) => page.edges.filter((e) => e.node.type === 'ARTICLE').map((e) => e.node.node.slug);

  beforeAll(async () => {
    server = await startTestServer({ dataset: buildDataset([{ slug: 'filler', claims: 3 }]) });
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    otherReviewer = await server.signIn(Role.REVIEWER);
    const create = async (slug: string, headline: string, body: string, publish = true) => {
      const created = await server.gql<{ createArticle: { id: string } }>(
        'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
        { input: { slug, headline, body, language: slug.startsWith('de-') ? 'de' : 'en' } },
        editor.token,
      );
      if (publish)
        await server.gql(
          'mutation($id: ID!) { publishArticle(input: { id: $id }) { id } }',
          { id: created.data!.createArticle.id },
          editor.token,
        );
      return created.data!.createArticle.id;
    };
    await create('zebra-headline', 'Zebra crossings return', 'Councils repaint crossings.');
    await create(
      'zebra-body',
      'Road safety report',
      `A long report about roads and traffic and councils. ${'Traffic counts rose. '.repeat(30)}One zebra was seen.`,
    );
    await create('stemming', 'Inspectors checked the figures', 'The budget office checked every line.');
    await create('cafe', 'Le café du coin', 'A café opens.');
    await create('phrase', 'Biden will act firmly', 'The president will act firmly in defence.');
    await create('reversed', 'Firmly act on prices', 'Nothing to see.');
    await create('de-artikel', 'Ein Bericht über Ukraine', 'Die Ukrainische Regierung.');
    await create('embargoed-story', 'Quokka discovery', 'An embargoed quokka story.', false);
    await create('tokens', 'Stats digest', 'Data from stats.example.org shows well-known trends. To be or not to be.');
  });
  afterAll(() => server.close());

  it('ranks a headline hit above a body hit', async () => {
    const page = await search('zebra');
    expect(slugs(page).slice(0, 2)).toEqual(['zebra-headline', 'zebra-body']);
    expect(page.edges[0].node.field).toBe('headline');
    expect(page.edges[0].node.score).toBeGreaterThan(page.edges[1].node.score);
  });

  it('stems ("checks" finds "checked"), folds diacritics (cafe / café) and case', async () => {
    expect(slugs(await search('checks'))).toContain('stemming');
    expect(slugs(await search('cafe'))).toContain('cafe');
    expect(slugs(await search('CAFÉ'))).toContain('cafe');
  });

  it('phrases keep word order; prefixes and exclusions work', async () => {
    const phrase = slugs(await search('"act firmly"'));
    expect(phrase).toContain('phrase');
    expect(phrase).not.toContain('reversed');
    // Without quotes the words may come in any order (the demo article matches too).
    expect(slugs(await search('act firmly'))).toEqual(expect.arrayContaining(['phrase', 'reversed']));
    expect(slugs(await search('ukrain*'))).toContain('de-artikel');
    const excluded = slugs(await search('firmly -prices'));
    expect(excluded).toContain('phrase');
    expect(excluded).not.toContain('reversed');
  });

  it('a quoted phrase matches its exact words, unstemmed (on SQLite through the phrase index)', async () => {
    expect(slugs(await search('"checked the figures"'))).toContain('stemming');
    expect(slugs(await search('"checks the figures"'))).not.toContain('stemming');
    expect(slugs(await search('"Checked THE figures" inspectors'))).toContain('stemming');
    expect(slugs(await search('"checked the figures" -inspectors'))).not.toContain('stemming');
    // The snippet of a phrase hit highlights its words.
    const hit = (await search('"checked the figures"')).edges.find((e) => e.node.node.slug === 'stemming')!.node;
    const marked = hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['checked', 'the', 'figures']));
  });

  it('splits words on punctuation and keeps stop words, as the query language does', async () => {
    expect(slugs(await search('example.org'))).toContain('tokens');
    expect(slugs(await search('stats'))).toContain('tokens');
    expect(slugs(await search('"well known trends"'))).toContain('tokens');
    expect(slugs(await search('"to be or not to be"'))).toContain('tokens');
    expect(slugs(await search('"to be or not to be"'))).toHaveLength(1);
  });

  it('highlights are offsets into the plain snippet text', async () => {
    const page = await search('checked');
    const hit = page.edges.find((e) => e.node.node.slug === 'stemming')!.node;
    expect(hit.snippet.text).not.toMatch(/[<>\uE000\uE001]/);
    expect(hit.snippet.highlights.length).toBeGreaterThan(0);
    for (const { start, end } of hit.snippet.highlights)
      expect(hit.snippet.text.slice(start, end).toLowerCase()).toBe('checked');
  });

  it("each hit's snippet comes from its own document, not from the first that matches", async () => {
    // The document of the 'stemming' article that matched best is its headline.
    for (const query of ['checked', '"checked the figures"', 'inspectors']) {
      const page = await search(query);
      const hits = page.edges.filter((e) => e.node.node.slug === 'stemming');
      expect(hits, query).toHaveLength(1);
      expect(hits[0].node.field).toBe('headline');
      expect(hits[0].node.snippet.text).toBe('Inspectors checked the figures');
    }
  });

  it('filters by type, verdict and language', async () => {
    const claims = await search('putin', { filter: { types: ['CLAIM'] } });
    expect(claims.edges.length).toBeGreaterThan(0);
    expect(claims.edges.every((e) => e.node.type === 'CLAIM')).toBe(true);
    const falseOnes = await search('tuesday', { filter: { verdict: 'FALSE' } });
    expect(falseOnes.edges.map((e) => e.node.type).sort()).toEqual(['ANNOTATION', 'ARTICLE', 'CLAIM']);
    expect(slugs(await search('ukraine', { filter: { language: 'de' } }))).toEqual(['de-artikel']);
  });

  it('filters by publication date; finds sources, which verdict and language filters drop', async () => {
    const source = await server.gql<{ createSource: { id: string } }>(
      'mutation { createSource(input: { url: "https://example.org/ocelot", title: "Ocelot census", kind: DATASET, publishedAt: "2020-01-01T00:00:00Z" }) { id } }',
      {},
      reviewer.token,
    );
    // No published fact-check cites it yet: staff find it, readers do not.
    expect((await search('ocelot')).edges).toEqual([]);
    const ids = async (q: string, filter: unknown) =>
      (await search(q, { filter, token: reviewer.token })).edges.map((e) => e.node.node.id);
    expect(await ids('ocelot', { types: ['SOURCE'] })).toEqual([source.data!.createSource.id]);
    expect(await ids('ocelot', { publishedBefore: '2021-01-01T00:00:00Z' })).toEqual([source.data!.createSource.id]);
    expect(await ids('ocelot', { publishedAfter: '2021-01-01T00:00:00Z' })).toEqual([]);
    expect(await ids('ocelot', { language: 'en' })).toEqual([]);
    expect(await ids('ocelot', { verdict: 'TRUE' })).toEqual([]);
    // The zebra articles were published when this file started.
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect(slugs(await search('zebra', { filter: { publishedAfter: anHourAgo } }))).toEqual([
      'zebra-headline',
      'zebra-body',
    ]);
    expect(slugs(await search('zebra', { filter: { publishedBefore: anHourAgo } }))).toEqual([]);
  });

  it('pages with stable cursors: no gaps, no repeats, same order as one big page', async () => {
    const all = await search('putin', { first: 100 });
    expect(all.totalCount).toBe(all.edges.length);
    const paged: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page: Page = await search('putin', { first: 3, after });
      paged.push(...page.edges.map((e) => e.node.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.edges.map((e) => e.node.node.id));
    const foreign = await server.gql(SEARCH, { q: 'zebra', after: all.edges[1].cursor });
    expect(foreign.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('finds only what the viewer may see', async () => {
    const claim = (await search('tuesday', { filter: { types: ['CLAIM'] } })).edges[0].node.node;
    await server.gql(
      'mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: TRUE, summary: "Wombat draft note", body: "x" }) { id } }',
      { c: claim.id },
      reviewer.token,
    );
    const count = async (q: string, token?: string) => (await search(q, { token })).edges.length;
    expect(await count('wombat')).toBe(0);
    expect(await count('wombat', otherReviewer.token)).toBe(0);
    expect(await count('wombat', reviewer.token)).toBe(1);
    expect(await count('wombat', editor.token)).toBe(1);
    expect(await count('quokka')).toBe(0);
    expect(await count('quokka', reviewer.token)).toBe(0);
    expect(await count('quokka', editor.token)).toBe(1);
  });

  it('triggers keep the index in step with inserts, updates and deletes', async () => {
    const article = await server.gql<{ article: { id: string; version: number } }>(
      '{ article(slug: "cafe") { id version } }',
    );
    const { id } = article.data!.article;
    const claim = await server.gql<{ createClaim: { id: string } }>(
      'mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "A café opens", claimant: "Narwhal Council" }) { id } }',
      { a: id },
      reviewer.token,
    );
    expect((await search('narwhal')).edges.map((e) => e.node.node.id)).toEqual([claim.data!.createClaim.id]);
    await server.gql(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "Walrus Council" }) { id } }',
      { id: claim.data!.createClaim.id },
      reviewer.token,
    );
    expect((await search('narwhal')).edges).toEqual([]);
    expect((await search('walrus')).edges).toHaveLength(1);
    await server.gql(
      'mutation($id: ID!) { deleteClaim(input: { id: $id }) { deletedClaimId } }',
      { id: claim.data!.createClaim.id },
      editor.token,
    );
    expect((await search('walrus')).edges).toEqual([]);
    await server.gql(
      'mutation($id: ID!, $v: Int!) { updateArticle(input: { id: $id, expectedVersion: $v, headline: "Le bistro du coin", changeNote: "Renamed." }) { id } }',
      { id, v: article.data!.article.version },
      editor.token,
    );
    expect(slugs(await search('bistro'))).toEqual(['cafe']);
  });

  it('triggers follow fact-checks through edits, retraction and their article being archived, and sources through edits and deletion', async () => {
    const article = await server.gql<{ article: { id: string; version: number; claims: { id: string }[] } }>(
      '{ article(slug: "phrase") { id version claims { id } } }',
      {},
      editor.token,
    );
    const created = await server.gql<{ createClaim: { id: string } }>(
      'mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "will act firmly" }) { id } }',
      { a: article.data!.article.id },
      reviewer.token,
    );
    const note = await server.gql<{ createAnnotation: { id: string } }>(
      'mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: MIXED, summary: "Pangolin note", body: "x", citations: [{ source: { url: "https://example.org/evidence", title: "Evidence", kind: OTHER }, stance: SUPPORTS, excerpt: "evidence" }] }) { id } }',
      { c: created.data!.createClaim.id },
      reviewer.token,
    );
    const id = note.data!.createAnnotation.id;
    await server.gql(
      'mutation($id: ID!) { submitAnnotation(input: { id: $id, expectedVersion: 1 }) { id } }',
      { id },
      reviewer.token,
    );
    await server.gql(
      'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 2 }) { id } }',
      { id },
      editor.token,
    );
    const found = async (q: string) => (await search(q)).edges.map((e) => e.node.node.id);
    expect(await found('pangolin')).toEqual([id]);
    const updated = await server.gql(
      'mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 3, summary: "Armadillo note", note: "Renamed." }) { id } }',
      { id },
      editor.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(await found('pangolin')).toEqual([]);
    expect(await found('armadillo')).toEqual([id]);
    // Retracted fact-checks stay on the record, and in search.
    await server.gql(
      'mutation($id: ID!) { retractAnnotation(input: { id: $id, reason: "Wrong claim." }) { id } }',
      { id },
      editor.token,
    );
    expect(await found('armadillo')).toEqual([id]);
    // An archived article takes its claims and fact-checks out of readers' search.
    await server.gql(
      'mutation($id: ID!) { archiveArticle(input: { id: $id, note: "Withdrawn." }) { id } }',
      { id: article.data!.article.id },
      editor.token,
    );
    expect(await found('armadillo')).toEqual([]);
    expect(slugs(await search('"act firmly"'))).not.toContain('phrase');

    const source = await server.gql<{ createSource: { id: string } }>(
      'mutation { createSource(input: { url: "https://example.org/tapir", title: "Tapir survey", kind: DATASET }) { id } }',
      {},
      reviewer.token,
    );
    expect(await found('tapir')).toEqual([]);
    // Readers find a source once a fact-check they can see cites it.
    await server.db.writes.run((manager) =>
      manager.query("UPDATE sources SET public_at = created_at WHERE url = 'https://example.org/tapir'"),
    );
    expect(await found('tapir')).toEqual([source.data!.createSource.id]);
    await server.db.writes.run((manager) =>
      manager.query("UPDATE sources SET title = 'Okapi survey' WHERE url = 'https://example.org/tapir'"),
    );
    expect(await found('tapir')).toEqual([]);
    expect(await found('okapi')).toEqual([source.data!.createSource.id]);
    await server.db.writes.run((manager) =>
      manager.query("DELETE FROM sources WHERE url = 'https://example.org/tapir'"),
    );
    expect(await found('okapi')).toEqual([]);
  });

  it('npm run search:rebuild re-derives a damaged index', async () => {
    await server.db.writes.run((manager) => manager.query("DELETE FROM search_documents WHERE type = 'ARTICLE'"));
    expect(slugs(await search('zebra'))).toEqual([]);
    const output = execFileSync(process.execPath, [path.join(path.dirname(MAIN_JS), 'cli', 'search-rebuild.js')], {
      env: { ...process.env, ...server.db.env },
      encoding: 'utf8',
    });
    expect(output).toMatch(/search index rebuilt: \d+ documents/);
    expect(slugs(await search('zebra'))).toEqual(['zebra-headline', 'zebra-body']);
  });

  it.each([
    ['', 'query'],
    ['   ', 'query'],
    ['x'.repeat(501), 'query'],
    ['-putin', 'query'],
  ])('refuses %j with BAD_USER_INPUT', async (q, field) => {
    const result = await server.gql(SEARCH, { q });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('any string as a query gives hits or BAD_USER_INPUT, never another error', async () => {
    const fragments = fc.constantFrom(
      '"',
      '*',
      '-',
      '(',
      ')',
      ':',
      '^',
      'NEAR',
      'AND',
      'OR',
      'NOT',
      '+',
      '{',
      '}',
      'putin',
      'café',
      '😀',
      'עברית',
      ' ',
      'text:',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(fragments, { maxLength: 12 }).map((parts) => parts.join('')),
        ),
        async (q) => {
          const result = await server.gql(SEARCH, { q, first: 5 });
          expect(result.status).toBe(200);
          for (const error of result.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        },
      ),
      { numRuns: 150 },
    );
    expect(server.logger.entries).toEqual([]);
  });
});
