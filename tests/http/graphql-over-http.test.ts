import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { type Audit, type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlOverHttpPlugin, negotiatedMediaType } from '../../src/http/graphql-over-http';
import { startTestServer, type TestServer } from '../helpers/test-app';

/**
 * graphql-http's server audits (https://graphql.github.io/graphql-over-http/) against the real
 * HTTP app, in production mode: every MUST and every SHOULD passes; the MAYs are printed.
 */

const JSON_ACCEPT = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** The audits against `url()`, recording the status of every response they get. */
function auditsFor(url: () => string, statuses: number[]): Audit[] {
  return serverAudits({
    url,
    fetchFn: async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    },
  });
}

function summary(results: AuditResult[]): string {
  return results
    .map((r) => `${r.status.padEnd(6)} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` — ${r.reason}`}`)
    .join('\n');
}

describe('GraphQL over HTTP: graphql-http server audits (production, introspection allowed)', () => {
  // Three audits read `__type(...)` and one of them (a MUST) wants no errors: introspection has
  // to be on for them, see the next describe for the production default.
  let server: TestServer;
  const statuses: number[] = [];
  const results: AuditResult[] = [];
  beforeAll(async () => {
    server = await startTestServer({ demo: false, production: true, config: { introspection: true } });
  });
  afterAll(async () => {
    await server?.close();
    const count = (level: string) => {
      const of = results.filter((r) => r.name.startsWith(level));
      return `${level} ${of.filter((r) => r.status === 'ok').length}/${of.length} ok`;
    };
    console.log(`graphql-http audits: ${['MUST', 'SHOULD', 'MAY'].map(count).join(', ')}\n${summary(results)}`);
  });

  // The server starts in beforeAll; the audits ask for the url when they run.
  const audits = auditsFor(() => server.graphqlUrl, statuses);
  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      results.push(result);
      if (result.status === 'ok') return;
      if (audit.name.startsWith('MAY')) {
        // Optional behaviour: reported, not required.
        const body = result.response.bodyUsed ? '' : ` ${(await result.response.text()).trim().slice(0, 300)}`;
        console.log(`MAY notice ${result.id} ${result.name}: ${result.reason} (${result.response.status})${body}`);
        return;
      }
      expect.fail(`${result.status}: ${result.reason}`);
    });
  }

  it('never answered an audit request with a 5xx', () => {
    expect(audits.length).toBeGreaterThan(20);
    expect(statuses.length).toBeGreaterThanOrEqual(audits.length);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});

describe('GraphQL over HTTP: the audits with introspection off (the production default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, production: true });
  });
  afterAll(() => server?.close());

  it('fails only the audits that need introspection, refused as introspection', async () => {
    const statuses: number[] = [];
    const results = await Promise.all(auditsFor(() => server.graphqlUrl, statuses).map((audit) => audit.fn()));
    const failing = results.filter((r) => r.status === 'error' || r.status === 'warn');
    // 28B9 (MUST, application/json) and 2EA1 (SHOULD, graphql-response+json) send
    // `query Type($name: String!) { __type(name: $name) { name } }` and expect it to run.
    expect(failing.map((r) => r.id).sort(), summary(failing)).toEqual(['28B9', '2EA1']);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const refused = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE },
      body: JSON.stringify({
        query: 'query Type($name: String!) { __type(name: $name) { name } }',
        variables: { name: 'sometype' },
      }),
    });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/introspection is not allowed/);
  });
});

describe('GraphQL over HTTP: status codes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
  });
  afterAll(() => server?.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const requestErrors = [
    { name: 'a document that does not parse', body: { query: '{' }, code: 'GRAPHQL_PARSE_FAILED' },
    {
      name: 'a document that does not validate',
      body: { query: '{ noSuchField }' },
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'variables that do not coerce',
      body: { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: null } },
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'an operation name not in the document',
      body: { query: 'query A { __typename }', operationName: 'B' },
      code: 'OPERATION_RESOLUTION_FAILURE',
    },
  ];

  it.each(requestErrors)(
    '$name: 200 for application/json, 400 for application/graphql-response+json',
    async ({ body, code }) => {
      for (const [accept, status] of [
        [JSON_ACCEPT, 200],
        [undefined, 200],
        ['*/*', 200],
        [GRAPHQL_RESPONSE, 400],
      ] as const) {
        const response = await post(body, accept ? { accept } : {});
        expect({ accept, status: response.status }).toEqual({ accept, status });
        const result = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
        // Either way a GraphQL response with the error and no data.
        expect(result.data).toBeUndefined();
        expect(result.errors[0].extensions.code).toBe(code);
      }
    },
  );

  // The status follows the content type Apollo picks, whatever the Accept header says.
  it.each([
    [undefined, JSON_ACCEPT],
    ['application/json', JSON_ACCEPT],
    ['application/json; charset=utf-8', JSON_ACCEPT],
    ['*/*', JSON_ACCEPT],
    ['application/*', JSON_ACCEPT],
    ['text/html, */*;q=0.1', JSON_ACCEPT],
    ['application/json, application/graphql-response+json', JSON_ACCEPT],
    ['application/graphql-response+json', GRAPHQL_RESPONSE],
    ['application/graphql-response+json, application/json', GRAPHQL_RESPONSE],
    ['application/graphql-response+json, application/json;q=0.9', GRAPHQL_RESPONSE],
    ['application/json;q=0.5, application/graphql-response+json', GRAPHQL_RESPONSE],
    ['application/json;q=0, */*', GRAPHQL_RESPONSE],
    ['application/graphql-response+json;q=0, */*', JSON_ACCEPT],
  ])('Accept %s: content type %s, and the status that goes with it', async (accept, expected) => {
    expect(negotiatedMediaType(accept)).toBe(expected);
    const response = await post({ query: '{ noSuchField }' }, accept ? { accept } : {});
    expect(response.headers.get('content-type')).toMatch(new RegExp(`^${expected.replace('+', '\\+')};`));
    expect(response.status).toBe(expected === JSON_ACCEPT ? 200 : 400);
  });

  it('an Accept with neither JSON type gets 406, as before', async () => {
    // (An empty header counts as none, as in Apollo.)
    expect(negotiatedMediaType('')).toBe(JSON_ACCEPT);
    expect(negotiatedMediaType('text/html')).toBeNull();
    const response = await post({ query: '{ noSuchField }' }, { accept: 'text/html' });
    expect(response.status).toBe(406);
  });

  it('requests that are not well-formed GraphQL keep their 4xx with application/json', async () => {
    const json = { accept: JSON_ACCEPT };
    // Malformed and oversized bodies (express, before Apollo).
    expect((await post('{"query": ', json)).status).toBe(400);
    expect((await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }), json)).status).toBe(413);
    // No query, or a query that is not a string.
    expect((await post({ variables: {} }, json)).status).toBe(400);
    expect((await post({ query: { kind: 'Document' } }, json)).status).toBe(400);
    expect((await post({ query: '{ __typename }', variables: 'x' }, json)).status).toBe(400);
    // CSRF prevention: a simple content type with no preflight header.
    const csrf = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...json },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/Cross-Site Request Forgery/);
    // A mutation over GET: 405 with Allow: POST.
    const get = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('mutation { __typename }')}`, {
      headers: { ...json, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('field errors keep 200 with their data', async () => {
    const response = await post({ query: '{ node(id: "not an id!") { id } }' }, { accept: GRAPHQL_RESPONSE });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(result.data).toEqual({ node: null });
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('graphqlOverHttpPlugin leaves deliberate statuses alone', () => {
  // A rate limiter refuses in didResolveOperation with a status of its own (src/http/rate-limit.ts).
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'hi' } } }),
  });
  const apollo = new ApolloServer({
    schema,
    plugins: [
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ request }) {
              if (request.operationName === 'Limited') {
                throw new GraphQLError('Too many requests.', {
                  extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map() } },
                });
              }
            },
          };
        },
      },
      graphqlOverHttpPlugin(),
    ],
  });
  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  const run = (query: string, operationName?: string) =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([
          ['content-type', 'application/json'],
          ['accept', JSON_ACCEPT],
        ]),
        search: '',
        body: operationName ? { query, operationName } : { query },
      },
      context: async () => ({}),
    });

  it('a 429 stays 429 with application/json; a validation error becomes 200', async () => {
    expect((await run('query Limited { hello }', 'Limited')).status).toBe(429);
    expect((await run('query Fine { hello }', 'Fine')).status ?? 200).toBe(200);
    expect((await run('{ nope }')).status).toBe(200);
  });
});
