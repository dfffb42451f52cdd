import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { sql } from 'kysely';
import { operationCost, QUERY_LIMITS } from '../../src/graphql/limits';
import { buildAppSchema } from '../../src/app/schema';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow } from '../helpers/inspect';
import { startTestServer, type TestServer } from '../helpers/test-app';

const CREATE_SOURCE = 'mutation Add($input: CreateSourceInput!) { createSource(input: $input) { id } }';
// Three articles with their claims, fact-checks and citations: within the cost limit
// (src/graphql/limits.ts), above the EXPENSIVE_QUERY_COST these tests set.
const EXPENSIVE =
  '{ articles(first: 3) { edges { node { headline claims { quote annotations { summary citations { source { title } } } } } } } }';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

let sourceNumber = 0;
async function createSource(target: TestServer, token: string | null, forwardedFor?: string): Promise<Response> {
  sourceNumber += 1;
  return fetch(target.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({
      query: CREATE_SOURCE,
      variables: {
        input: { kind: 'NEWS_REPORT', title: `Report ${sourceNumber}`, url: `https://example.org/${sourceNumber}` },
      },
    }),
  });
}

async function sourceCount(target: TestServer): Promise<number> {
  return (await inspectRow(target.db, sql<{ n: number }>`SELECT count(*) AS n FROM sources`))!.n;
}

async function expectRateLimited(response: Response, limit: string): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', limit, retryAfterSeconds: retryAfter });
  expect(body.errors[0].message).toMatch(/try again in \d+ s/);
}

describe('rate limits', () => {
  it('holds a token to its mutation budget, and the refused mutation changes nothing', async () => {
    server = await startTestServer({
      demo: false,
      config: { rateLimits: { mutationsPerMinute: 3, expensivePerMinute: 0, expensiveCost: 1000 } },
    });
    const { token } = await server.signIn(Role.REVIEWER);
    for (let i = 0; i < 3; i += 1) expect((await createSource(server, token)).status).toBe(200);
    const before = await sourceCount(server);
    await expectRateLimited(await createSource(server, token), 'mutations');
    expect(await sourceCount(server)).toBe(before);
    // Reads are not mutations: still served.
    const read = await server.gql('{ sources(first: 1) { totalCount } }', undefined, token);
    expect(read.errors).toBeUndefined();
  });

  /** One request carrying `n` createSource mutations under aliases, as `token`. */
  async function createSources(
    target: TestServer,
    token: string,
    n: number,
  ): Promise<{
    status: number;
    body: { data?: Record<string, unknown> | null; errors?: { extensions: Record<string, unknown> }[] };
  }> {
    const fields = Array.from({ length: n }, (_, i) => {
      sourceNumber += 1;
      return `s${i}: createSource(input: { kind: DATASET, title: "Aliased ${sourceNumber}", url: "https://example.org/aliased/${sourceNumber}" }) { id }`;
    });
    const response = await fetch(target.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation { ${fields.join(' ')} }` }),
    });
    return { status: response.status, body: (await response.json()) as never };
  }

  it('spends one point per mutation field, so aliases cannot multiply the budget', async () => {
    server = await startTestServer({
      demo: false,
      config: { rateLimits: { mutationsPerMinute: 25, expensivePerMinute: 0, expensiveCost: 1000 } },
    });
    const { token } = await server.signIn(Role.REVIEWER);
    expect((await createSources(server, token, 10)).status).toBe(200);
    expect((await createSources(server, token, 10)).status).toBe(200);
    expect(await sourceCount(server)).toBe(20);
    // 5 points left: a request of 10 is refused as a whole.
    const refused = await createSources(server, token, 10);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(await sourceCount(server)).toBe(20);
  });

  it('refuses a request with more than 10 mutation fields as a whole, counting fragments, and changes nothing', async () => {
    // The attack of the report: 30 aliased createSource mutations a request, on a budget of 120.
    server = await startTestServer({
      demo: false,
      config: { rateLimits: { mutationsPerMinute: 120, expensivePerMinute: 0, expensiveCost: 1000 } },
    });
    const { token } = await server.signIn(Role.REVIEWER);
    for (let i = 0; i < 8; i += 1) {
      const answer = await createSources(server, token, 30);
      expect(answer.body.errors![0].extensions).toMatchObject({
        code: 'TOO_MANY_MUTATIONS',
        limit: 'mutationFields',
        max: 10,
        actual: 30,
      });
      expect(answer.body.data).toBeUndefined();
    }
    expect(await sourceCount(server)).toBe(0);
    // Fields hidden in fragments count too; `__typename` does not.
    const six = Array.from(
      { length: 6 },
      (_, i) => `f${i}: createSource(input: { kind: DATASET, title: "F", url: "https://example.org/f/${i}" }) { id }`,
    ).join(' ');
    const viaFragments = await server.gql(
      `mutation { __typename ...A ... on Mutation { ${six.replace(/f(\d)/g, 'g$1')} } } fragment A on Mutation { ${six} }`,
      undefined,
      token,
    );
    expect(viaFragments.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_MUTATIONS', actual: 12 });
    expect(await sourceCount(server)).toBe(0);
    // Ten is allowed, and spends ten.
    expect((await createSources(server, token, 10)).body.errors).toBeUndefined();
    expect(await sourceCount(server)).toBe(10);
  });

  it('counts per token across addresses and per address across tokens', async () => {
    server = await startTestServer({
      demo: false,
      config: { trustProxy: 1, rateLimits: { mutationsPerMinute: 2, expensivePerMinute: 0, expensiveCost: 1000 } },
    });
    const ana = await server.signIn(Role.REVIEWER);
    const ben = await server.signIn(Role.REVIEWER);
    // One token, two addresses: the token's budget runs out.
    expect((await createSource(server, ana.token, '203.0.113.1')).status).toBe(200);
    expect((await createSource(server, ana.token, '203.0.113.2')).status).toBe(200);
    await expectRateLimited(await createSource(server, ana.token, '203.0.113.3'), 'mutations');
    // Another token from a fresh address is unaffected...
    expect((await createSource(server, ben.token, '198.51.100.7')).status).toBe(200);
    // ...but anonymous clients sharing that address now share its budget.
    expect((await createSource(server, null, '198.51.100.7')).status).toBe(200);
    await expectRateLimited(await createSource(server, null, '198.51.100.7'), 'mutations');
  });

  it('limits expensive queries, not cheap ones', async () => {
    // Uncached: an answer from the response cache costs nothing and spends no budget.
    server = await startTestServer({
      config: { responseCacheMb: 0, rateLimits: { mutationsPerMinute: 0, expensivePerMinute: 2, expensiveCost: 1000 } },
    });
    const cost = operationCost(await buildAppSchema(), parse(EXPENSIVE), undefined, {});
    expect(cost).toBeGreaterThan(1000);
    expect(cost).toBeLessThanOrEqual(QUERY_LIMITS.cost);
    for (let i = 0; i < 10; i += 1)
      expect((await server.gql('{ articles(first: 5) { edges { node { headline } } } }')).status).toBe(200);
    expect((await server.gql(EXPENSIVE)).status).toBe(200);
    expect((await server.gql(EXPENSIVE)).status).toBe(200);
    const refused = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: EXPENSIVE }),
    });
    await expectRateLimited(refused, 'expensive');
  });

  it('charges a query by its cost for the variables sent, on the compiled-query lane as through Apollo', async () => {
    // One request policy (src/http/request-policy.ts) decides for both paths.
    server = await startTestServer({
      config: { responseCacheMb: 0, rateLimits: { mutationsPerMinute: 0, expensivePerMinute: 2, expensiveCost: 1000 } },
    });
    const PAGES =
      'query Pages($first: Int) { articles(first: $first) { edges { node { headline revisions { headline } claims { quote } } } } }';
    const schema = await buildAppSchema();
    expect(operationCost(schema, parse(PAGES), undefined, { first: 1 })).toBeLessThan(1000);
    expect(operationCost(schema, parse(PAGES), undefined, { first: 50 })).toBeGreaterThanOrEqual(1000);
    const before = server.app.lane.answered;
    for (let i = 0; i < 6; i += 1) expect((await server.gql(PAGES, { first: 1 })).status).toBe(200);
    // Cheap for these variables: compiled, answered by the lane, and charged nothing.
    expect(server.app.lane.answered).toBeGreaterThan(before);
    const lanes = server.app.lane.answered;
    expect((await server.gql(PAGES, { first: 50 })).status).toBe(200);
    expect((await server.gql(PAGES, { first: 50 })).status).toBe(200);
    const refused = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PAGES, variables: { first: 50 } }),
    });
    await expectRateLimited(refused, 'expensive');
    // Expensive for these variables: each went through Apollo's plugin, which spent the budget.
    expect(server.app.lane.answered).toBe(lanes);
  });

  it('is off when the limit is 0', async () => {
    server = await startTestServer({ demo: false });
    const { token } = await server.signIn(Role.REVIEWER);
    for (let i = 0; i < 10; i += 1) expect((await createSource(server, token)).status).toBe(200);
  });
});
