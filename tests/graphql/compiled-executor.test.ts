import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { buildAppSchema } from '../../src/app/schema';
import { createHttpApp, type HttpApp, type HttpAppConfig } from '../../src/http/app';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { createTestDatabase, MemoryLogger, startTestServer, type SignedIn, type TestServer } from '../helpers/test-app';

/**
 * The compiled executor (graphql-jit) must answer exactly as graphql-js does: two services over
 * one database, one compiling every query it may (`always`), one never (`off`), each document
 * sent to both, the HTTP answers compared byte for byte (status, data, errors and their order).
 */
type Answer = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

describe('compiled query execution', () => {
  let server: TestServer;
  let interpreted: { app: HttpApp; url: string };
  let editor: SignedIn;
  let reviewer: SignedIn;

  beforeAll(async () => {
    server = await startTestServer({ config: { compileQueries: 'always' } });
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    const config: HttpAppConfig = {
      ...loadConfig({ NODE_ENV: 'test' }),
      rateLimits: { mutationsPerMinute: 0, expensivePerMinute: 0, expensiveCost: 1000 },
      compileQueries: 'off',
    };
    const app = await createHttpApp({
      db: server.db,
      schema: await buildAppSchema(),
      config,
      logger: new MemoryLogger(),
    });
    interpreted = { app, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/graphql` };
  });

  afterAll(async () => {
    await interpreted?.app.close();
    await server?.close();
  });

  async function post(url: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  /**
   * The answer of both services, returned parsed. Status and data must be identical, byte for
   * byte, and so must the first error. Where a non-null field fails in every item of a list,
   * graphql-js reports the first failure and abandons the list; graphql-jit reports each: the
   * same errors (message and code), more of them.
   */
  async function both(query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
    const [compiled, reference] = await Promise.all([
      post(server.graphqlUrl, { query, variables }, token),
      post(interpreted.url, { query, variables }, token),
    ]);
    expect(compiled.status).toBe(reference.status);
    const [fast, slow] = [JSON.parse(compiled.text) as Answer, JSON.parse(reference.text) as Answer];
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data));
    expect(fast.errors?.[0]).toEqual(slow.errors?.[0]);
    const kinds = (answer: Answer) =>
      new Set(answer.errors?.map((error) => `${error.extensions?.code}: ${error.message}`));
    expect(kinds(fast)).toEqual(kinds(slow));
    return fast;
  }

  async function compiledCount(): Promise<number> {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^factline_compiled_queries (\d+)$/m.exec(metrics)?.[1]);
  }

  const ARTICLE_PAGE = `query Page($slug: String!, $withBody: Boolean!) {
    article(slug: $slug) {
      __typename id slug headline standfirst authors section language url status version revision publishedAt
      body @include(if: $withBody)
      claimCount verdictSummary { verdict count }
      claims {
        id quote claimant { name } verdict verdictStale anchorStatus anchorScore checkedRevision
        selector { exact prefix suffix start end }
        article { slug }
        annotations {
          id verdict summary body status version publishedAt retractedAt retractionReason createdAt updatedAt webAnnotation
          rating { value best worst label }
          author { id name role }
          citations { stance excerpt source { id url title publisher kind publishedAt accessedAt } }
          revisions { version verdict summary status change createdAt actor { name role } citations { __typename } }
        }
      }
      corrections { kind note revision previousVerdict newVerdict createdAt claim { quote } }
      revisions { number headline createdAt editor { name role } }
    }
  }`;

  it('answers the same as graphql-js: pages, lists, nodes, fragments, aliases, directives', async () => {
    const list = (await both(
      'query($first: Int) { articles(first: $first) { totalCount edges { cursor node { id slug } } pageInfo { hasNextPage endCursor } } }',
      { first: 2 },
    )) as {
      data: { articles: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
    };
    const articleId = list.data.articles.edges[0].node.id;
    const page = (await both(ARTICLE_PAGE, { slug: DEMO_ARTICLE_SLUG, withBody: true }, editor.token)) as {
      errors?: unknown[];
      data: { article: { claims: { id: string; annotations: { id: string }[] }[] } };
    };
    expect(page.errors).toBeUndefined();
    expect(page.data.article.claims.length).toBeGreaterThan(0);
    const claimId = page.data.article.claims[0].id;
    const annotationId = page.data.article.claims.flatMap((claim) => claim.annotations)[0].id;
    for (const token of [undefined, reviewer.token, editor.token]) {
      await both(ARTICLE_PAGE, { slug: DEMO_ARTICLE_SLUG, withBody: false }, token);
      await both(
        'query($after: String) { articles(first: 1, after: $after, orderBy: PUBLISHED_AT_ASC) { edges { node { headline } } } }',
        { after: list.data.articles.pageInfo.endCursor },
        token,
      );
      await both(
        `query($ids: [ID!]!, $id: ID!) {
          nodes(ids: $ids) { __typename id ...A ... on Claim { quote } ... on Annotation { summary claim { quote } } }
          first: node(id: $id) { ... on Article { h1: headline h2: headline } }
          viewer { name role }
        }
        fragment A on Article { slug claimCount }`,
        {
          ids: [articleId, claimId, annotationId, toGlobalId('Article', 99999), toGlobalId('Source', 1)],
          id: articleId,
        },
        token,
      );
      await both(
        'query($v: Verdict) { claims(first: 5, filter: { verdict: $v }) { totalCount edges { node { quote verdict } } } sources(first: 3) { edges { node { title kind } } } }',
        { v: 'FALSE' },
        token,
      );
      await both(
        'query($q: String!) { search(query: $q, first: 5) { totalCount edges { node { type field snippet { text highlights { start end } } node { __typename id } } } } }',
        { q: 'Putin' },
        token,
      );
      await both(
        'query($id: ID!, $skip: Boolean!) { annotation(id: $id) { id summary @skip(if: $skip) author @skip(if: $skip) { name } } claim(id: $id) { quote } }',
        { id: annotationId, skip: true },
        token,
      );
    }
  });

  it('reports errors as graphql-js does: codes, fields, paths and locations', async () => {
    const cases: [string, Record<string, unknown>][] = [
      // Refused by a resolver: BAD_USER_INPUT naming the argument.
      [
        'query($after: String) { articles(first: 2, after: $after) { edges { node { id } } } }',
        { after: 'not-a-cursor' },
      ],
      ['query($n: Int) { articles(first: $n) { totalCount } }', { n: -1 }],
      ['query($id: ID!) { article(id: $id) { id } }', { id: 'nonsense' }],
      // Variables that do not coerce: graphql-js's messages.
      ['query($n: Int) { articles(first: $n) { totalCount } }', { n: 'ten' }],
      ['query($v: Verdict) { claims(filter: { verdict: $v }) { totalCount } }', { v: 'PANTS_ON_FIRE' }],
      ['query($slug: String!) { article(slug: $slug) { id } }', {}],
      ['query($slug: String!) { article(slug: $slug) { id } }', { slug: null }],
      ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [null] }],
    ];
    for (const [query, variables] of cases) {
      const result = await both(query, variables);
      expect(result.errors?.length, query).toBeGreaterThan(0);
      expect(result.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });

  it('compiles a document on its second execution, and never mutations, string literals or reserved variable names', async () => {
    const logger = new MemoryLogger();
    const db = await createTestDatabase();
    const app = await createHttpApp({
      db,
      schema: await buildAppSchema(),
      config: { ...loadConfig({ NODE_ENV: 'test' }), compileQueries: 'repeated' },
      logger,
    });
    const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    const count = async () =>
      Number(/^factline_compiled_queries (\d+)$/m.exec(await (await fetch(`${url}/metrics`)).text())?.[1]);
    try {
      const run = (query: string, variables?: Record<string, unknown>) => post(`${url}/graphql`, { query, variables });
      expect(await count()).toBe(0);
      await run('query($n: Int) { articles(first: $n) { totalCount } }', { n: 1 });
      expect(await count()).toBe(0);
      // Any number of distinct documents, each once: nothing compiled.
      for (let i = 0; i < 5; i += 1) await run(`query Q${i} { articles { totalCount } }`);
      expect(await count()).toBe(0);
      const repeated = await run('query($n: Int) { articles(first: $n) { totalCount } }', { n: 2 });
      expect(repeated).toEqual({ status: 200, text: `${JSON.stringify({ data: { articles: { totalCount: 0 } } })}\n` });
      expect(await count()).toBe(1);
      // Keyed by the operation, not the name sent: unknown names record nothing; one operation
      // asked for with and without its name is compiled once.
      const named = 'query Named($n: Int) { sources(first: $n) { totalCount } }';
      for (let i = 0; i < 3; i += 1)
        await post(`${url}/graphql`, { query: named, operationName: `Unknown${i}`, variables: { n: 1 } });
      expect(await count()).toBe(1);
      await post(`${url}/graphql`, { query: named, operationName: 'Named', variables: { n: 1 } });
      await run(named, { n: 1 });
      expect(await count()).toBe(2);
      for (let i = 0; i < 3; i += 1) await run('{ article(slug: "literal") { id } }');
      const reserved = await run('query($__proto__: Int) { articles(first: $__proto__) { totalCount } }', {
        ['__proto__']: 2,
      });
      expect(JSON.parse(reserved.text)).toEqual({ data: { articles: { totalCount: 0 } } });
      await run('query($__proto__: Int) { articles(first: $__proto__) { totalCount } }', { ['__proto__']: 2 });
      // Refused (no token), but executed each time: by graphql-js.
      for (let i = 0; i < 3; i += 1)
        await run('mutation($input: RevokeTokenInput!) { revokeToken(input: $input) { id } }', { input: { id: 'x' } });
      expect(await count()).toBe(2);
      expect(logger.entries).toEqual([]);
    } finally {
      await app.close();
      await db.close();
    }
  });

  it("runs no text of a string literal as code (graphql-jit's date marker)", async () => {
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
    const flag = globalThis as { factlineInjected?: number };
    const injected = `${marker}0),x:(globalThis.factlineInjected=1`;
    const before = await compiledCount();
    const result = await both(
      `{ search(query: "${injected}") { totalCount } articles(filter: { section: "${injected}" }) { totalCount } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(flag.factlineInjected).toBeUndefined();
    // The same text as a variable is only data.
    await both('query($q: String!) { search(query: $q) { totalCount } }', { q: injected });
    await both('query($q: String!) { search(query: $q) { totalCount } }', { q: injected });
    expect(flag.factlineInjected).toBeUndefined();
    expect(await compiledCount()).toBe(before + 1);
  });

  it('answers any selection of article fields, aliases and directives as graphql-js does (property)', async () => {
    const articleFields = [
      'id',
      'slug',
      'headline',
      'standfirst',
      'authors',
      'section',
      'language',
      'publishedAt',
      'claimCount',
      'status',
      '__typename',
    ];
    const annotationFields = [
      'id',
      'verdict',
      'summary',
      'version',
      'publishedAt',
      'status',
      'rating { label value }',
      'author { name role }',
      'citations { stance source { title url } }',
      '__typename',
    ];
    const claimFields = ['id', 'quote', 'claimant { name }', 'verdict', 'selector { start end }'];
    const alias = fc.option(fc.constantFrom('a', 'b', 'x_1', 'id', 'slug'), { nil: undefined });
    const directive = fc.constantFrom(
      '',
      ' @include(if: $yes)',
      ' @include(if: $no)',
      ' @skip(if: $yes)',
      ' @skip(if: $no)',
    );
    const selection = (fields: string[], directives = directive) =>
      fc
        .uniqueArray(fc.record({ field: fc.constantFrom(...fields), alias, directive: directives }), {
          minLength: 1,
          maxLength: 6,
          selector: (s) => s.alias ?? s.field.split(' ')[0],
        })
        .map((items) =>
          items
            .map(
              ({ field, alias: name, directive: d }) =>
                `${name ? `${name}: ` : ''}${field.replace(/^(\w+)/, `$1${d}`)}`,
            )
            .join(' '),
        );
    await fc.assert(
      fc.asyncProperty(
        selection(articleFields),
        // Directives in the article's selection only: a document may carry at most 10.
        selection(claimFields, fc.constant('')),
        selection(annotationFields, fc.constant('')),
        fc.constantFrom(undefined, 'reviewer', 'editor'),
        async (article, claim, annotation, who) => {
          const query = `query($slug: String!, $yes: Boolean!, $no: Boolean!) { article(slug: $slug) { yes_: __typename @include(if: $yes) no_: __typename @skip(if: $no) ${article} claims { ${claim} annotations { ${annotation} } } } }`;
          const token = who === 'reviewer' ? reviewer.token : who === 'editor' ? editor.token : undefined;
          const result = await both(query, { slug: DEMO_ARTICLE_SLUG, yes: true, no: false }, token);
          expect(result.errors).toBeUndefined();
        },
      ),
      { numRuns: 60 },
    );
  });
});
