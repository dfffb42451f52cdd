import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fingerprint } from '../helpers/fingerprint';
import { connectLive } from '../helpers/live-client';
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

  async function send(
    method: string,
    contentType: string | null,
    body: string | null,
    path = '/graphql',
  ): Promise<number> {
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
  const NAMES = [
    'article',
    'articles',
    'claims',
    'claim',
    'annotations',
    'node',
    'nodes',
    'search',
    'sources',
    'viewer',
    'id',
    'headline',
    'slug',
    'edges',
    'createAnnotation',
    'publishAnnotation',
    'createSource',
    '__schema',
    '__type',
    'types',
    'fields',
    'name',
    '__typename',
    'query',
    'totalCount',
    'verdict',
    'citations',
  ];
  const value = fc.oneof(
    fc.integer(),
    fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('true', 'null', 'FALSE', '[]', '{}', '$x', '1e999', '-0', '"\\u0000"'),
  );
  const field: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(
        fc.constantFrom(...NAMES),
        fc.option(
          fc.array(fc.tuple(fc.constantFrom('id', 'slug', 'first', 'after', 'query', 'input', 'ids', 'asOf'), value), {
            maxLength: 2,
          }),
        ),
        depth > 1 ? fc.option(fc.array(field(depth - 1), { minLength: 1, maxLength: 3 })) : fc.constant(null),
      )
      .map(
        ([name, args, children]) =>
          `${name}${args && args.length ? `(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}${children ? ` { ${children.join(' ')} }` : ''}`,
      ),
  );
  const document = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('', 'query', 'mutation', 'subscription', 'query Q($x: ID)', 'fragment F on Article'),
        fc.array(field(4), { minLength: 1, maxLength: 3 }),
      )
      .map(([head, fields]) => `${head} { ${fields.join(' ')} }`),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const jsonBody = fc.oneof(
    fc
      .record(
        {
          query: document,
          variables: fc.option(fc.jsonValue(), { nil: undefined }),
          operationName: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
        },
        { requiredKeys: [] },
      )
      .map((body) => JSON.stringify(body)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 300 }),
  );

  /**
   * One WebSocket: the handshake (or not), then `message`; resolves with the close code, or 0 if
   * the server kept the socket open (it answered, or waits for more) for 300 ms.
   */
  function sendOverSocket(init: string | null, message: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      let timer: NodeJS.Timeout | undefined;
      socket.on('error', reject);
      socket.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      socket.on('open', () => {
        if (init !== null) socket.send(init);
        socket.send(message);
        timer = setTimeout(() => {
          socket.removeAllListeners('close');
          socket.terminate();
          resolve(0);
        }, 300);
      });
    });
  }

  it('answers arbitrary WebSocket messages without an internal error, and keeps serving subscriptions', async () => {
    const init = fc.oneof(
      fc.constant(JSON.stringify({ type: 'connection_init' })),
      fc.jsonValue().map((payload) => JSON.stringify({ type: 'connection_init', payload })),
      fc
        .string({ maxLength: 60 })
        .map((token) => JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
      fc.constant(null),
    );
    const message = fc.oneof(
      fc
        .record(
          {
            query: document,
            variables: fc.option(fc.jsonValue(), { nil: undefined }),
            operationName: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
          },
          { requiredKeys: [] },
        )
        .map((payload) => JSON.stringify({ id: '1', type: 'subscribe', payload })),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .constantFrom('ping', 'pong', 'complete', 'next', 'error', 'connection_ack')
        .map((type) => JSON.stringify({ type, id: '1' })),
      fc.string({ maxLength: 200 }),
    );
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(init, message, async (first, second) => {
        const code = await sendOverSocket(first, second);
        codes.add(code);
        // 4500 and 1011 are the protocol's and WebSocket's "internal error".
        expect([4500, 1011]).not.toContain(code);
      }),
      { numRuns: 150 },
    );
    // Refusals were seen (bad messages close with 4400, bad tokens with 4403), not only silence.
    expect([...codes].some((code) => code >= 4400 && code < 4500)).toBe(true);
    const client = connectLive(server);
    const stream = await client.subscribe('subscription { annotationPublished(articleId: "QXJ0aWNsZTox") { id } }');
    expect(stream.completed).toBe(false);
    expect(server.db.events.subscriberCount).toBeGreaterThanOrEqual(1);
    await client.close();
    await stillServing();
    expect(await fingerprint(server)).toBe(before);
    expect(server.logger.entries).toEqual([]);
  });

  it('answers arbitrary JSON bodies and GraphQL documents without a 5xx, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonBody,
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/graphql-response+json',
          'text/plain',
          'application/x-www-form-urlencoded',
          null,
        ),
        async (body, contentType) => {
          const status = await send('POST', contentType, body);
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
    await stillServing();
    expect(await fingerprint(server)).toBe(before);
    // A resolver that crashed answers 200 with a masked error, but it is logged: none may be.
    expect(server.logger.entries).toEqual([]);
  });

  it('refuses a subscription over HTTP as invalid, not as an unexpected error', async () => {
    for (const query of [
      'subscription { __typename }',
      'subscription { annotationPublished(articleId: "QXJ0aWNsZTox") { id } }',
    ]) {
      const result = await server.gql(query);
      expect(result.errors!.map((error) => error.extensions!.code)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors!.map((error) => error.message)).toContain(
        'Subscriptions stream over WebSocket (the graphql-transport-ws protocol) on this same path, not over HTTP.',
      );
    }
    expect(server.logger.entries).toEqual([]);
  });

  it('answers arbitrary query strings, methods and paths without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        document,
        fc.constantFrom('/graphql', '/', '/articles', '/claimreview.json', '/metrics', '/nope'),
        async (method, query, path) => {
          const status = await send(
            method,
            method === 'GET' ? null : 'application/json',
            JSON.stringify({ query }),
            `${path}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(query.slice(0, 30))}`,
          );
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
    await stillServing();
    expect(await fingerprint(server)).toBe(before);
    // A resolver that crashed answers 200 with a masked error, but it is logged: none may be.
    expect(server.logger.entries).toEqual([]);
  });
});
