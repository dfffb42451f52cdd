import fc from 'fast-check';
import {
  type GraphQLFormattedError,
  type GraphQLSchema,
  buildClientSchema,
  getIntrospectionQuery,
  parse,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TOKENS, QUERY_LIMITS, type QueryLimit, operationCost } from '../../src/graphql/limits';
import { buildAppSchema } from '../../src/app/schema';
import {
  EXAMPLE_ARTICLE_QUERY,
  EXAMPLE_ARTICLE_VARIABLES,
  EXAMPLE_LIST_QUERY,
  EXAMPLE_REVIEW_MUTATIONS,
  EXAMPLE_REVIEW_VARIABLES,
} from '../../src/http/playground/example-queries';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { startTestServer, type TestServer } from '../helpers/test-app';

const ARTICLE = `article(slug: "${DEMO_ARTICLE_SLUG}")`;
/** The fan-out the cost limit exists for: every citation of every fact-check of 100 articles. */
const FAN_OUT =
  '{ articles(first: 100) { edges { node { claims { annotations { citations { source { title } } } } } } } }';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const FULL_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

/** Fields nested along `path`, ending in `leaf`: nest(['a', 'b'], 'c') is `a { b { c } }`. */
function nest(path: string[], leaf = '__typename'): string {
  return path.reduceRight((inner, field) => `${field} { ${inner} }`, leaf);
}

/** The fields of a path `depth` deep (with nest's leaf) through the article's claims and back. */
function deepPath(depth: number): string[] {
  const path = [ARTICLE];
  while (path.length < depth - 1) path.push(path.length % 2 ? 'claims' : 'article');
  return path;
}

interface Answer<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: GraphQLFormattedError[];
}

describe('abuse limits on GraphQL documents', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    server = await startTestServer();
    schema = await buildAppSchema();
  });
  afterAll(() => server.close());

  /**
   * POSTs asking for application/graphql-response+json, where a document refused by
   * validation or parsing is a 400 (with the legacy application/json the status is 200 by
   * GraphQL over HTTP, see src/http/graphql-over-http.ts and the last tests here).
   */
  async function post<Data = Record<string, unknown>>(body: unknown, accept = GRAPHQL_RESPONSE): Promise<Answer<Data>> {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, ...((await response.json()) as Omit<Answer<Data>, 'status'>) };
  }
  const gql = <Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
    post<Data>({ query, variables });

  /** The service still answers an ordinary query. */
  async function expectStillServing(): Promise<void> {
    const result = await server.gql('{ articles(first: 1) { totalCount edges { node { slug } } } }');
    expect(result).toEqual({
      status: 200,
      data: { articles: { totalCount: 1, edges: [{ node: { slug: DEMO_ARTICLE_SLUG } }] } },
    });
  }

  /** Refused with 400, the limit's code, its name and numbers first among the errors. */
  async function expectRefused(
    answer: Answer,
    code: string,
    limit: QueryLimit,
    actual?: number,
  ): Promise<GraphQLFormattedError> {
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    const error = answer.errors![0];
    expect(error.extensions).toEqual({
      code,
      limit,
      max: QUERY_LIMITS[limit],
      ...(actual === undefined ? {} : { actual }),
    });
    expect(error.message).toContain(`${QUERY_LIMITS[limit]}`);
    expect(JSON.stringify(answer.errors)).not.toMatch(/stack|at \w+ \(/i);
    await expectStillServing();
    return error;
  }

  describe('graphql-cop style attacks are refused with a code naming the limit', () => {
    it('101 aliases: TOO_MANY_ALIASES', async () => {
      const aliases = Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ');
      const error = await expectRefused(await gql(`{ ${aliases} }`), 'TOO_MANY_ALIASES', 'aliases', 101);
      expect(error.message).toBe('Alias count 101 exceeds the limit of 30.');
    });

    it('500 duplicated fields: TOO_MANY_FIELDS', async () => {
      const error = await expectRefused(
        await gql(`{ ${'__typename '.repeat(500)}}`),
        'TOO_MANY_FIELDS',
        'selections',
        500,
      );
      expect(error.message).toMatch(/^Selection count 500 exceeds the limit of 400\./);
    });

    it('fields duplicated by spreading one fragment many times: TOO_MANY_FIELDS after expansion', async () => {
      const query = `{ ${'...F '.repeat(25)}} fragment F on Query { ${'__typename '.repeat(20)}}`;
      await expectRefused(await gql(query), 'TOO_MANY_FIELDS', 'selections', 25 * 21);
    });

    it('fragments doubling each other (2^30 fields) are refused without expanding them', async () => {
      const fragments = Array.from(
        { length: 30 },
        (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      ).join(' ');
      const query = `{ ...F0 } ${fragments} fragment F30 on Query { __typename }`;
      // s(F30) = 1, s(Fi) = 2 spreads + 2 copies of s(Fi+1), so s(F0) = 3 * 2^30 - 2; plus the spread of F0.
      await expectRefused(await gql(query), 'TOO_MANY_FIELDS', 'selections', 3 * 2 ** 30 - 1);
    });

    it("circular fragments get graphql-js's clean refusal, no stack overflow", async () => {
      const result = await gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
      expect(result.status).toBe(400);
      expect(result.errors![0]).toMatchObject({
        message: expect.stringMatching(/Cannot spread fragment "A" within itself via "B"/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect(result.errors!.every((e) => e.extensions?.limit === undefined)).toBe(true);
      // A cycle through fields, and a fan of fragments all spreading each other.
      const throughFields = await gql(`{ ${ARTICLE} { ...A } } fragment A on Article { claims { article { ...A } } }`);
      expect(throughFields.status).toBe(400);
      expect(throughFields.errors![0].message).toMatch(/Cannot spread fragment "A" within itself/);
      const names = Array.from({ length: 12 }, (_, i) => `F${i}`);
      const fan = names
        .map((name) => `fragment ${name} on Query { __typename ${names.map((n) => `...${n}`).join(' ')} }`)
        .join(' ');
      const tangled = await gql(`{ ...F0 } ${fan}`);
      expect(tangled.status).toBe(400);
      expect(tangled.errors![0].message).toMatch(/within itself/);
      await expectStillServing();
    });

    it('deep introspection (__schema types fields type fields ...): QUERY_TOO_DEEP on introspectionDepth', async () => {
      const path = ['__schema', 'types', ...Array.from({ length: 7 }, () => ['fields', 'type']).flat()];
      const error = await expectRefused(
        await gql(`{ ${nest(path, 'name')} }`),
        'QUERY_TOO_DEEP',
        'introspectionDepth',
        17,
      );
      expect(error.message).toBe('Introspection depth 17 exceeds the limit of 15.');
    });

    it('ofType nested 20 deep: QUERY_TOO_DEEP on introspectionDepth', async () => {
      const path = ['__type(name: "Article")', ...Array.from({ length: 20 }, () => 'ofType')];
      await expectRefused(await gql(`{ ${nest(path, 'name')} }`), 'QUERY_TOO_DEEP', 'introspectionDepth', 22);
    });

    // Some depth limiters skip introspection by operation or fragment name: ours goes by field.
    it.each([
      ['an operation named __schema', `query __schema { ${nest(deepPath(13))} }`],
      ['an operation named __type', `query __type { ${nest(deepPath(13))} }`],
      ['a fragment named __schema', `{ ...__schema } fragment __schema on Query { ${nest(deepPath(13))} }`],
      [
        'a fragment named __type on Article',
        `{ ${ARTICLE} { ...__type } } fragment __type on Article { ${nest(deepPath(13).slice(1))} }`,
      ],
      ['a field aliased __schema', `{ __schema: ${nest(deepPath(13))} }`],
      ['a deep query beside __schema', `{ __schema { queryType { name } } ${nest(deepPath(13))} }`],
    ])('%s does not dodge the depth limit', async (_name, query) => {
      await expectRefused(await gql(query), 'QUERY_TOO_DEEP', 'depth', 13);
    });

    it('directive overload (one directive repeated 50 times): TOO_MANY_DIRECTIVES', async () => {
      const result = await gql(`{ __typename ${'@include(if: true) '.repeat(50)}}`);
      const error = await expectRefused(result, 'TOO_MANY_DIRECTIVES', 'directives', 50);
      expect(error.message).toBe('Directive count 50 exceeds the limit of 10.');
    });

    it('11 directives on different fields: TOO_MANY_DIRECTIVES, the only error', async () => {
      const fields = Array.from({ length: 11 }, (_, i) => `f${i}: __typename @skip(if: false)`).join(' ');
      const result = await gql(`{ ${fields} }`);
      await expectRefused(result, 'TOO_MANY_DIRECTIVES', 'directives', 11);
      expect(result.errors).toHaveLength(1);
    });

    it('a query 13 fields deep: QUERY_TOO_DEEP', async () => {
      const result = await gql(`{ ${nest(deepPath(13))} }`);
      const error = await expectRefused(result, 'QUERY_TOO_DEEP', 'depth', 13);
      expect(error.message).toBe('Query depth 13 exceeds the limit of 12.');
      expect(result.errors).toHaveLength(1);
    });

    it('a fan-out over 100 articles: QUERY_TOO_COMPLEX with its cost', async () => {
      const expected = operationCost(schema, parse(FAN_OUT), null, {});
      expect(expected).toBe(68201);
      const error = await expectRefused(await gql(FAN_OUT), 'QUERY_TOO_COMPLEX', 'cost', expected);
      expect(error.message).toMatch(/^Query cost 68201 exceeds the limit of 5000\./);
    });

    it('`first` from a variable is costed at its maximum (validation is cached for all variables)', async () => {
      const query =
        'query Feed($n: Int) { articles(first: $n) { edges { node { claims { annotations { citations { source { title } } } } } } } }';
      await expectRefused(await gql(query, { n: 1 }), 'QUERY_TOO_COMPLEX', 'cost', 68201);
      // A cheap selection with a variable page size passes, whatever the variable.
      const cheap = await gql(
        'query Feed($n: Int) { articles(first: $n) { edges { node { headline claims { quote } } } } }',
        { n: 100 },
      );
      expect(cheap.status).toBe(200);
      expect(cheap.errors).toBeUndefined();
    });

    it('@skip on a variable does not hide an expensive subtree', async () => {
      const query = FAN_OUT.replace(
        '{ articles(first: 100)',
        'query($hide: Boolean!) { __typename articles(first: 100) @skip(if: $hide)',
      );
      expect(query).not.toBe(FAN_OUT);
      await expectRefused(await gql(query, { hide: true }), 'QUERY_TOO_COMPLEX', 'cost', 68201);
    });

    it('a token flood: QUERY_TOO_LARGE from the parser', async () => {
      const result = await gql(`{ ${'__typename '.repeat(MAX_TOKENS)}}`);
      const error = await expectRefused(result, 'QUERY_TOO_LARGE', 'tokens');
      expect(error.message).toMatch(new RegExp(`Document contains more tha[nt] ${MAX_TOKENS} tokens`));
    });

    it('limits are inclusive: exactly at each limit passes, one over is refused', async () => {
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
      const directives = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`;
      const selections = (n: number) => `{ ${'__typename '.repeat(n)}}`;
      for (const [limit, make] of [
        ['aliases', aliases],
        ['directives', directives],
        ['selections', selections],
      ] as const) {
        const atLimit = await gql(make(QUERY_LIMITS[limit]));
        expect(atLimit, limit).toMatchObject({ status: 200, data: expect.any(Object) });
        expect(atLimit.errors, limit).toBeUndefined();
        const over = await gql(make(QUERY_LIMITS[limit] + 1));
        expect(over.status, limit).toBe(400);
        expect(over.errors![0].extensions, limit).toMatchObject({ limit, actual: QUERY_LIMITS[limit] + 1 });
      }
    });
  });

  describe('fast-check: the limits hold for any input', () => {
    // A random walk through the schema's object graph; @skip keeps cost out of a depth test.
    const STEPS: Record<string, [field: string, type: string][]> = {
      Article: [
        ['claims', 'Claim'],
        ['corrections', 'Correction'],
      ],
      Claim: [
        ['article', 'Article'],
        ['annotations', 'Annotation'],
        ['corrections', 'Correction'],
      ],
      Annotation: [['claim', 'Claim']],
      Correction: [['claim', 'Claim']],
    };
    function walk(depth: number, picks: number[]): string {
      if (depth === 1) return '{ __typename }';
      const path = [`${ARTICLE} @skip(if: true)`];
      let type = 'Article';
      for (let i = 0; path.length < depth - 1; i += 1) {
        const [field, next] = STEPS[type][picks[i] % STEPS[type].length];
        path.push(field);
        type = next;
      }
      return `{ ${nest(path)} }`;
    }

    it('a query d fields deep is accepted iff d <= 12', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 24 }),
          fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
          async (depth, picks) => {
            const result = await gql(walk(depth, picks));
            if (depth <= QUERY_LIMITS.depth) {
              expect(result.status).toBe(200);
              expect(result.errors).toBeUndefined();
            } else {
              expect(result.status).toBe(400);
              expect(result.errors![0].extensions).toEqual({
                code: 'QUERY_TOO_DEEP',
                limit: 'depth',
                max: 12,
                actual: depth,
              });
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it('a page of n full articles is accepted iff its cost (operationCost) is within the limit', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 100 }), async (n) => {
          const query = FAN_OUT.replace('first: 100', `first: ${n}`);
          const cost = operationCost(schema, parse(query));
          expect(cost).toBe(1 + 682 * n);
          const result = await gql(query);
          if (cost <= QUERY_LIMITS.cost) {
            expect(result.status).toBe(200);
            expect(result.errors).toBeUndefined();
          } else {
            expect(result.status).toBe(400);
            expect(result.errors![0].extensions).toEqual({
              code: 'QUERY_TOO_COMPLEX',
              limit: 'cost',
              max: 5000,
              actual: cost,
            });
          }
        }),
        // Both sides of the limit every run: n <= 7 fits, n >= 8 does not.
        { numRuns: 40, examples: [[0], [7], [8], [100]] },
      );
    });
  });

  describe('realistic documents pass', () => {
    it("the playground's article and list examples", async () => {
      const article = await gql<{ article: { claims: { annotations: unknown[] }[] } }>(
        EXAMPLE_ARTICLE_QUERY,
        JSON.parse(EXAMPLE_ARTICLE_VARIABLES),
      );
      expect(article.status).toBe(200);
      expect(article.errors).toBeUndefined();
      expect(article.data!.article.claims.length).toBeGreaterThan(0);
      const list = await gql(EXAMPLE_LIST_QUERY);
      expect(list.status).toBe(200);
      expect(list.errors).toBeUndefined();
      expect(
        operationCost(schema, parse(EXAMPLE_ARTICLE_QUERY), 'DemoArticle', JSON.parse(EXAMPLE_ARTICLE_VARIABLES)),
      ).toBeLessThan(QUERY_LIMITS.cost);
    });

    it('the full introspection query (GraphiQL) against the dev server', async () => {
      for (const query of [getIntrospectionQuery(), FULL_INTROSPECTION]) {
        const result = await gql<Parameters<typeof buildClientSchema>[0]>(query);
        expect(result.status).toBe(200);
        expect(result.errors).toBeUndefined();
        expect(buildClientSchema(result.data!).getType('Article')).toBeDefined();
      }
      // It needs exactly introspectionDepth: one more ofType is refused.
      const deeper = FULL_INTROSPECTION.replace(/ofType \{\s*name\s*kind\s*\}/, 'ofType { name kind ofType { name } }');
      expect(deeper).not.toBe(FULL_INTROSPECTION);
      await expectRefused(await gql(deeper), 'QUERY_TOO_DEEP', 'introspectionDepth', 16);
    });

    it('a whole article page: claims, fact-checks, citations, revisions, corrections', async () => {
      const query = `query ArticlePage($slug: String!) {
        article(slug: $slug) {
          id headline standfirst body authors publishedAt revision
          verdictSummary { verdict count }
          corrections { kind note createdAt claim { quote } }
          revisions { number note createdAt }
          claims {
            id quote claimant { name } verdict verdictStale anchorStatus
            selector { start end exact prefix suffix }
            corrections { kind previousVerdict newVerdict note createdAt }
            annotations {
              id verdict summary body publishedAt status
              rating { value best worst label }
              author { name }
              citations { stance excerpt source { id title publisher url publishedAt kind } }
              revisions { change createdAt actor { name } citations { stance source { title } } }
            }
          }
        }
      }`;
      expect(operationCost(schema, parse(query), 'ArticlePage', { slug: DEMO_ARTICLE_SLUG })).toBeLessThan(
        QUERY_LIMITS.cost,
      );
      const result = await gql(query, { slug: DEMO_ARTICLE_SLUG });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    });

    it('Relay nesting: a feed page down to the sources, and a search hit 12 fields deep', async () => {
      const feed = await gql(
        `{ articles(first: 5) { ${nest(['edges', 'node', 'claims', 'annotations', 'citations', 'source'], 'title url')} pageInfo { hasNextPage endCursor } } }`,
      );
      expect(feed.status).toBe(200);
      expect(feed.errors).toBeUndefined();
      const hit = `{ search(query: "Putin", first: 1) { ${nest(['edges', 'node', 'node', '... on Annotation', 'claim', 'article', 'claims', 'annotations', 'revisions', 'citations', 'source'], 'title')} } }`;
      const result = await gql(hit);
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      // With the default page of 20 the same feed is a cost problem, not a depth one.
      const defaultPage = await gql(
        `{ articles { ${nest(['edges', 'node', 'claims', 'annotations', 'citations', 'source'], 'title')} } }`,
      );
      expect(defaultPage.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', actual: 13641 });
    });

    it("the playground's review mutations, as a reviewer and an editor", async () => {
      const reviewer = await server.signIn(Role.REVIEWER);
      const editor = await server.signIn(Role.EDITOR);
      const variables = JSON.parse(EXAMPLE_REVIEW_VARIABLES) as Record<string, unknown>;
      const run = async (operationName: string, token: string, extra: Record<string, unknown> = {}) => {
        const response = await fetch(server.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: EXAMPLE_REVIEW_MUTATIONS,
            operationName,
            variables: { ...variables, ...extra },
          }),
        });
        const body = (await response.json()) as {
          data?: Record<string, { id: string; version: number; status: string }>;
          errors?: unknown;
        };
        expect(response.status, operationName).toBe(200);
        expect(body.errors, operationName).toBeUndefined();
        return body.data!;
      };
      const draft = (await run('WriteFactCheck', reviewer.token)).createAnnotation;
      const submitted = (await run('Submit', reviewer.token, { id: draft.id, version: draft.version }))
        .submitAnnotation;
      const published = (await run('Publish', editor.token, { id: draft.id, version: submitted.version }))
        .publishAnnotation;
      expect(published.status).toBe('PUBLISHED');
    });
  });

  describe('operationCost, for the rate limiter', () => {
    const feed = parse(
      'query Feed($n: Int, $more: Boolean = false) { articles(first: $n) { edges { node { claims { quote } more: claims @include(if: $more) { annotations { summary } } } } } }',
    );

    it('uses the variables: `first: $n`, @include on a variable', () => {
      // Per article: edges 1 + node 1 + claims 20 x 1; with `more` another 20 x (1 + 3).
      expect(operationCost(schema, feed, 'Feed', { n: 1 })).toBe(1 + 1 * 22);
      expect(operationCost(schema, feed, 'Feed', { n: 10 })).toBe(1 + 10 * 22);
      expect(operationCost(schema, feed, 'Feed', {})).toBe(1 + 20 * 22); // the default page
      expect(operationCost(schema, feed, 'Feed', { n: 10, more: true })).toBe(1 + 10 * (22 + 80));
    });

    it('falls back to the worst case when the variables do not coerce', () => {
      expect(operationCost(schema, feed, 'Feed', { n: 'ten' })).toBe(1 + 100 * (22 + 80));
    });

    it('counts `nodes` by its ids and search as heavier than a page', () => {
      const nodes = parse('query($ids: [ID!]!) { nodes(ids: $ids) { id } }');
      expect(operationCost(schema, nodes, undefined, { ids: ['a', 'b', 'c'] })).toBe(3);
      expect(operationCost(schema, parse('{ search(query: "x", first: 2) { edges { node { score } } } }'))).toBe(
        10 + 2 * 2,
      );
    });
  });

  describe('HTTP', () => {
    it('with the legacy application/json a refusal is a 200 carrying the same error (GraphQL over HTTP)', async () => {
      for (const query of [`{ ${nest(deepPath(13))} }`, `{ ${'__typename '.repeat(MAX_TOKENS)}}`]) {
        const modern = await gql(query);
        const legacy = await post({ query }, 'application/json');
        expect(modern.status).toBe(400);
        expect(legacy.status).toBe(200);
        expect(legacy.errors).toEqual(modern.errors);
        expect(legacy.errors![0].extensions?.limit).toBeDefined();
      }
    });

    it('batching is off: a JSON array gets a clear 400', async () => {
      const result = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(result.status).toBe(400);
      expect(result.errors![0]).toMatchObject({
        message: expect.stringMatching(/batch/i),
        extensions: { code: 'BAD_REQUEST' },
      });
      await expectStillServing();
    });

    it('a body over 1 MB gets 413 BAD_REQUEST', async () => {
      const result = await post({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` });
      expect(result.status).toBe(413);
      expect(result.errors![0].extensions).toEqual({ code: 'BAD_REQUEST' });
      await expectStillServing();
    });
  });

  it('nothing unexpected reached the error log', () => {
    expect(server.logger.entries).toEqual([]);
  });
});
