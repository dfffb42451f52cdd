import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const ARTICLE = `query Article($slug: String!) {
  article(slug: $slug) {
    id slug headline publishedAt
    claims { id quote verdict annotations { id verdict summary publishedAt author { name } citations { stance source { id url publishedAt } } } }
  }
}`;
const LIST =
  'query List($first: Int) { articles(first: $first) { totalCount edges { cursor node { id headline claimCount } } } }';

interface Answer {
  status: number;
  contentType: string | null;
  requestId: string | null;
  text: string;
}

async function post(server: TestServer, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    text: await response.text(),
  };
}

/**
 * src/http/compiled-query-lane.ts: repeated queries answered before express and Apollo. The
 * lane must change nothing but speed: the same bytes, status and headers, the same logs and
 * metrics, and everything it does not take answered by Apollo as before.
 */
describe('the compiled-query lane', () => {
  let server: TestServer;
  let editor: SignedIn;
  beforeAll(async () => {
    // No response cache: each answer here is executed, by the lane or by Apollo.
    server = await startTestServer({ config: { responseCacheMb: 0 } });
    editor = await server.signIn(Role.EDITOR);
  });
  afterAll(() => server.close());

  const answered = () => server.app.lane.answered;

  it('answers a query Apollo has run with the same bytes, status and content type', async () => {
    const body = JSON.stringify({ query: ARTICLE, variables: { slug: DEMO_ARTICLE_SLUG }, operationName: 'Article' });
    for (const accept of [undefined, 'application/graphql-response+json', 'application/json, */*;q=0.5']) {
      const headers: Record<string, string> = accept ? { accept } : {};
      const before = answered();
      const first = await post(server, body, headers);
      const second = await post(server, body, headers);
      expect(second).toEqual({ ...first, requestId: second.requestId });
      expect(second.requestId).not.toBe(first.requestId);
      expect(first.status).toBe(200);
      expect(JSON.parse(second.text).data.article.claims.length).toBeGreaterThan(0);
      // The first text went through Apollo; from then on the lane answered.
      expect(answered()).toBeGreaterThan(before);
    }
  });

  it('serves a signed-in viewer their own view, and passes on a refused credential', async () => {
    const body = JSON.stringify({ query: LIST, variables: { first: 50 } });
    const anonymous = JSON.parse((await post(server, body)).text).data.articles.totalCount as number;
    const created = await server.gql(
      'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
      { input: { slug: 'lane-draft', headline: 'A draft only editors see', body: 'Draft text.', language: 'en' } },
      editor.token,
    );
    expect(created.errors).toBeUndefined();
    const asEditor = { authorization: `Bearer ${editor.token}` };
    await post(server, body, asEditor);
    const before = answered();
    const editorView = JSON.parse((await post(server, body, asEditor)).text);
    expect(answered()).toBe(before + 1);
    expect(editorView.data.articles.totalCount).toBe(anonymous + 1);
    expect(JSON.parse((await post(server, body)).text).data.articles.totalCount).toBe(anonymous);

    const refused = await post(server, body, { authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('passes on what it does not take, answered as Apollo answers it', async () => {
    const known = { query: ARTICLE, variables: { slug: DEMO_ARTICLE_SLUG } };
    await post(server, JSON.stringify(known));
    const cases: { body: string; headers?: Record<string, string>; status: number; code?: string }[] = [
      // Variables that do not fit the operation.
      { body: JSON.stringify({ ...known, variables: { slug: 42 } }), status: 200, code: 'BAD_USER_INPUT' },
      { body: JSON.stringify({ ...known, variables: {} }), status: 200, code: 'BAD_USER_INPUT' },
      // A result with errors: the malformed slug is reported by the resolver.
      { body: JSON.stringify({ ...known, variables: { slug: 'NOT A SLUG' } }), status: 200, code: 'BAD_USER_INPUT' },
      // An operation the document does not have.
      { body: JSON.stringify({ ...known, operationName: 'Other' }), status: 200, code: 'OPERATION_RESOLUTION_FAILURE' },
      // Fields Apollo reads or refuses itself.
      {
        body: JSON.stringify({ ...known, extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }),
        status: 400,
      },
      { body: JSON.stringify({ ...known, variables: [] }), status: 400 },
      // An Accept Apollo cannot answer.
      { body: JSON.stringify(known), headers: { accept: 'text/html' }, status: 406 },
      // Bodies that are not a JSON object.
      { body: '{"query": ', status: 400, code: 'BAD_REQUEST' },
      { body: '"a string"', status: 400, code: 'BAD_REQUEST' },
      { body: '   ', status: 400, code: 'BAD_REQUEST' },
      { body: JSON.stringify([known]), status: 400 },
    ];
    for (const { body, headers, status, code } of cases) {
      const before = answered();
      const answer = await post(server, body, headers);
      expect({ body, status: answer.status }).toEqual({ body, status });
      if (code) expect({ body, code: JSON.parse(answer.text).errors[0].extensions.code }).toEqual({ body, code });
      expect(answered()).toBe(before);
    }
  });

  it('takes a UTF-8 charset, and leaves large and compressed bodies to express', async () => {
    const body = JSON.stringify({ query: LIST, variables: { first: 2 } });
    await post(server, body);
    const before = answered();
    expect((await post(server, body, { 'content-type': 'Application/JSON; charset=UTF-8' })).status).toBe(200);
    expect(answered()).toBe(before + 1);
    const large = await post(
      server,
      JSON.stringify({ query: LIST, variables: { first: 2 }, padding: 'x'.repeat(1024 * 1024) }),
    );
    expect(large.status).toBe(413);
    expect(JSON.parse(large.text).errors[0].extensions.code).toBe('BAD_REQUEST');
    // express.json() drops a byte order mark; so does the front.
    expect((await post(server, `\ufeff${body}`)).status).toBe(200);
    expect(answered()).toBe(before + 2);
    const compressed = await post(server, body, { 'content-encoding': 'identity' });
    expect(compressed.status).toBe(200);
    expect(answered()).toBe(before + 2);
  });

  it('logs and counts its answers as Apollo does', async () => {
    const body = JSON.stringify({ query: LIST, variables: { first: 3 }, operationName: 'List' });
    await post(server, body);
    const before = answered();
    const answer = await post(server, body, { 'x-request-id': 'lane-log-check' });
    expect(answered()).toBe(before + 1);
    expect(answer.requestId).toBe('lane-log-check');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const line = server.logger.all.find(
      (entry) => entry.message === 'request' && entry.details.requestId === 'lane-log-check',
    );
    expect(line?.details).toMatchObject({
      method: 'POST',
      route: 'graphql',
      operation: 'List',
      operationType: 'query',
      status: 200,
    });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/factline_http_requests_total\{route="graphql",operation="List",status="200"\} [1-9]/);
    expect(metrics).toMatch(new RegExp(`factline_compiled_lane_answers ${answered()}\\b`));
  });
});

/**
 * Differential: a server whose lane is active and one without it (COMPILE_QUERIES=off: nothing
 * is compiled, so nothing reaches the lane) give the same answers to the same requests,
 * whatever the variables, operation names, Accept headers and repeats.
 */
describe('the compiled-query lane against Apollo alone', () => {
  let withLane: TestServer;
  let apolloOnly: TestServer;
  beforeAll(async () => {
    [withLane, apolloOnly] = await Promise.all([
      startTestServer({ config: { responseCacheMb: 0 } }),
      startTestServer({ config: { responseCacheMb: 0, compileQueries: 'off' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([withLane.close(), apolloOnly.close()]);
  });

  const slug = fc.oneof(
    fc.constant(DEMO_ARTICLE_SLUG),
    fc.constantFrom('no-such-article', 'NOT A SLUG', ''),
    fc.string({ maxLength: 12 }),
    fc.integer(),
  );
  const request = fc.oneof(
    fc.record(
      {
        query: fc.constant(ARTICLE),
        variables: fc.option(fc.record({ slug }, { requiredKeys: [] }), { nil: undefined }),
        operationName: fc.option(fc.constantFrom('Article', 'Other'), { nil: undefined }),
      },
      { requiredKeys: ['query'] },
    ),
    fc.record(
      {
        query: fc.constant(LIST),
        variables: fc.option(
          fc.record(
            { first: fc.oneof(fc.integer({ min: -2, max: 120 }), fc.constant(null), fc.string({ maxLength: 3 })) },
            { requiredKeys: [] },
          ),
          { nil: undefined },
        ),
      },
      { requiredKeys: ['query'] },
    ),
  );
  const accept = fc.constantFrom(
    undefined,
    'application/json',
    'application/graphql-response+json',
    'application/graphql-response+json;q=0.9, application/json',
    'text/html',
  );

  it('answers every request as Apollo alone does', async () => {
    // Each sample is sent twice: the first may teach the lane the text, the second uses it.
    await fc.assert(
      fc.asyncProperty(request, accept, async (body, acceptHeader) => {
        const headers: Record<string, string> = acceptHeader ? { accept: acceptHeader } : {};
        for (let round = 0; round < 2; round += 1) {
          const [lane, apollo] = await Promise.all([
            post(withLane, JSON.stringify(body), headers),
            post(apolloOnly, JSON.stringify(body), headers),
          ]);
          expect({ ...lane, requestId: null }).toEqual({ ...apollo, requestId: null });
        }
      }),
      { numRuns: 100 },
    );
    expect(withLane.app.lane.answered).toBeGreaterThan(0);
    expect(apolloOnly.app.lane.answered).toBe(0);
  });
});
