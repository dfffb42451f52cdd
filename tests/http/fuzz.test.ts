import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/fingerprint';
import { startTestServer, type TestServer } from '../helpers/test-app';

/**
 * Whatever arrives over HTTP, the answer is never a 5xx, the service keeps serving and, for
 * anonymous clients, who may change nothing, the data stays as it was.
 */
describe('fuzzing the HTTP endpoint', () => {
  let server: TestServer;
  let before: string;
  beforeAll(async () => {
    server = await startTestServer();
    before = await fingerprint(server);
  });
  afterAll(() => server.close());

  async function send(method: string, contentType: string | null, body: string | null, path = '/graphql'): Promise<number> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), 'apollo-require-preflight': 'true' },
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function stillServing(): Promise<void> {
    const result = await server.gql<{ articles: { totalCount: number } }>('{ articles { totalCount } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.articles.totalCount).toBeGreaterThan(0);
  }

  // Words of the schema's own language, so a good share of documents parse and some validate.
  const NAMES = ['article', 'articles', 'claims', 'claim', 'annotations', 'node', 'nodes', 'search', 'sources', 'viewer', 'id', 'headline', 'slug', 'edges', 'createAnnotation', 'publishAnnotation', 'createSource', '__schema', '__type', 'types', 'fields', 'name', '__typename', 'query', 'totalCount', 'verdict', 'citations'];
  const value = fc.oneof(fc.integer(), fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)), fc.constantFrom('true', 'null', 'FALSE', '[]', '{}', '$x', '1e999', '-0', '"\\u0000"'));
  const field: fc.Memo<string> = fc.memo((depth) =>
    fc.tuple(fc.constantFrom(...NAMES), fc.option(fc.array(fc.tuple(fc.constantFrom('id', 'slug', 'first', 'after', 'query', 'input', 'ids', 'asOf'), value), { maxLength: 2 })), depth > 1 ? fc.option(fc.array(field(depth - 1), { minLength: 1, maxLength: 3 })) : fc.constant(null)).map(
      ([name, args, children]) => `${name}${args && args.length ? `(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}${children ? ` { ${children.join(' ')} }` : ''}`,
    ),
  );
  const document = fc.oneof(
    fc.tuple(fc.constantFrom('', 'query', 'mutation', 'subscription', 'query Q($x: ID)', 'fragment F on Article'), fc.array(field(4), { minLength: 1, maxLength: 3 })).map(([head, fields]) => `${head} { ${fields.join(' ')} }`),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const jsonBody = fc.oneof(
    fc.record({ query: document, variables: fc.option(fc.jsonValue(), { nil: undefined }), operationName: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }) }, { requiredKeys: [] }).map((body) => JSON.stringify(body)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 300 }),
  );

  it('answers arbitrary JSON bodies and GraphQL documents without a 5xx, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/graphql-response+json', 'text/plain', 'application/x-www-form-urlencoded', null), async (body, contentType) => {
        const status = await send('POST', contentType, body);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    await stillServing();
    expect(await fingerprint(server)).toBe(before);
    // A resolver that crashed answers 200 with a masked error, but it is logged: none may be.
    expect(server.logger.entries).toEqual([]);
  });

  it('refuses a subscription over HTTP as invalid, not as an unexpected error', async () => {
    for (const query of ['subscription { __typename }', 'subscription { annotationPublished(articleId: "QXJ0aWNsZTox") { id } }']) {
      const result = await server.gql(query);
      expect(result.errors!.map((error) => error.extensions!.code)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors!.map((error) => error.message)).toContain('Subscriptions stream over WebSocket (the graphql-transport-ws protocol) on this same path, not over HTTP.');
    }
    expect(server.logger.entries).toEqual([]);
  });

  it('answers arbitrary query strings, methods and paths without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), document, fc.constantFrom('/graphql', '/', '/articles', '/claimreview.json', '/metrics', '/nope'), async (method, query, path) => {
        const status = await send(method, method === 'GET' ? null : 'application/json', JSON.stringify({ query }), `${path}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(query.slice(0, 30))}`);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await stillServing();
    expect(await fingerprint(server)).toBe(before);
    // A resolver that crashed answers 200 with a masked error, but it is logged: none may be.
    expect(server.logger.entries).toEqual([]);
  });
});
