import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { operationCost, QUERY_LIMITS } from '../../src/graphql/limits';
import { buildAppSchema } from '../../src/graphql/schema';
import { Role } from '../../src/modules/user/user.entity';
import { startTestServer, type TestServer } from '../helpers/test-app';

const CREATE_SOURCE = 'mutation Add($input: CreateSourceInput!) { createSource(input: $input) { id } }';
// Three articles with their claims, fact-checks and citations: within the cost limit
// (src/graphql/limits.ts), above the EXPENSIVE_QUERY_COST these tests set.
const EXPENSIVE = '{ articles(first: 3) { edges { node { headline claims { quote annotations { summary citations { source { title } } } } } } } }';

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
    body: JSON.stringify({ query: CREATE_SOURCE, variables: { input: { kind: 'NEWS_REPORT', title: `Report ${sourceNumber}`, url: `https://example.org/${sourceNumber}` } } }),
  });
}

async function sourceCount(target: TestServer): Promise<number> {
  return (await target.db.reader.get<{ n: number }>('SELECT count(*) AS n FROM sources'))!.n;
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
    server = await startTestServer({ demo: false, config: { rateLimits: { mutationsPerMinute: 3, expensivePerMinute: 0, expensiveCost: 1000 } } });
    const { token } = await server.signIn(Role.REVIEWER);
    for (let i = 0; i < 3; i += 1) expect((await createSource(server, token)).status).toBe(200);
    const before = await sourceCount(server);
    await expectRateLimited(await createSource(server, token), 'mutations');
    expect(await sourceCount(server)).toBe(before);
    // Reads are not mutations: still served.
    const read = await server.gql('{ sources(first: 1) { totalCount } }', undefined, token);
    expect(read.errors).toBeUndefined();
  });

  it('counts per token across addresses and per address across tokens', async () => {
    server = await startTestServer({ demo: false, config: { trustProxy: 1, rateLimits: { mutationsPerMinute: 2, expensivePerMinute: 0, expensiveCost: 1000 } } });
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
    server = await startTestServer({ config: { responseCacheMb: 0, rateLimits: { mutationsPerMinute: 0, expensivePerMinute: 2, expensiveCost: 1000 } } });
    const cost = operationCost(await buildAppSchema(), parse(EXPENSIVE), undefined, {});
    expect(cost).toBeGreaterThan(1000);
    expect(cost).toBeLessThanOrEqual(QUERY_LIMITS.cost);
    for (let i = 0; i < 10; i += 1) expect((await server.gql('{ articles(first: 5) { edges { node { headline } } } }')).status).toBe(200);
    expect((await server.gql(EXPENSIVE)).status).toBe(200);
    expect((await server.gql(EXPENSIVE)).status).toBe(200);
    const refused = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: EXPENSIVE }) });
    await expectRateLimited(refused, 'expensive');
  });

  it('is off when the limit is 0', async () => {
    server = await startTestServer({ demo: false });
    const { token } = await server.signIn(Role.REVIEWER);
    for (let i = 0; i < 10; i += 1) expect((await createSource(server, token)).status).toBe(200);
  });
});
