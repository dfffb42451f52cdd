import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/http/json-depth';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { startTestServer, type TestServer } from '../helpers/test-app';

/** `levels` arrays inside each other around `inner`. */
function nested(levels: number, inner = '1'): string {
  return `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
}

/** JSON.stringify's own count of nesting, for the property below. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('nestsDeeperThan', () => {
  it('agrees with the depth of the parsed value, for any JSON value and limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, max) => {
        expect(nestsDeeperThan(JSON.stringify(value), max)).toBe(depthOf(value) > max);
      }),
      { numRuns: 500 },
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[[[[[[[', b: '\\"{{{{{{{{{{' }), 2)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });
});

describe('requests nested too deeply', () => {
  let server: TestServer;
  let before: string;
  beforeAll(async () => {
    server = await startTestServer();
    before = await fingerprint(server);
  });
  afterAll(() => server.close());

  const deepVariables = `{"query":"query($x: ID) { __typename }","variables":{"x":${nested(5000)}}}`;

  async function post(
    body: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: { errors?: { message: string; extensions: Record<string, unknown> }[] } }> {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as never };
  }

  function expectRefused(answer: {
    status: number;
    body: { errors?: { extensions: Record<string, unknown> }[] };
  }): void {
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions).toEqual({
      code: 'JSON_TOO_DEEP',
      limit: 'jsonDepth',
      max: MAX_JSON_DEPTH,
    });
  }

  it('an anonymous POST with variables 5,000 levels deep gets 400 JSON_TOO_DEEP, logs nothing and changes nothing', async () => {
    expectRefused(await post(deepVariables));
    // Twice: the second goes where a query seen before goes (compiled lane, response cache).
    expectRefused(await post(deepVariables));
    expect(server.logger.entries).toEqual([]);
    expect(await fingerprint(server)).toBe(before);
  });

  it('is refused the same on every way in: a signed-in POST, a chunked body express reads, a GET (within the limit on urls)', async () => {
    const editor = await server.signIn(Role.EDITOR);
    expectRefused(await post(deepVariables, { authorization: `Bearer ${editor.token}` }));
    // No Content-Length: the front leaves the body to express.json().
    const chunked = await new Promise<{ status: number; body: never }>((resolve, reject) => {
      const request = http.request(
        server.graphqlUrl,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) as never }));
        },
      );
      request.on('error', reject);
      request.write(deepVariables.slice(0, 100));
      request.end(deepVariables.slice(100));
    });
    expectRefused(chunked);
    const get = await fetch(
      `${server.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(`{"x":${nested(200)}}`)}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expectRefused({ status: get.status, body: (await get.json()) as never });
    expect(server.logger.entries).toEqual([]);
  });

  it('a body at the limit is still served', async () => {
    const answer = await post(
      `{"query":"query($x: ID) { __typename }","variables":{"y":${nested(MAX_JSON_DEPTH - 2)}}}`,
    );
    expect(answer.status).toBe(200);
  });

  it('a WebSocket message nested too deeply closes the socket with 4400, not an internal error', async () => {
    const code = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      socket.on('error', reject);
      socket.on('close', (closeCode) => resolve(closeCode));
      socket.on('open', () => {
        socket.send(JSON.stringify({ type: 'connection_init' }));
        socket.send(
          `{"id":"1","type":"subscribe","payload":{"query":"subscription { __typename }","variables":{"x":${nested(5000)}}}}`,
        );
      });
    });
    expect(code).toBe(4400);
    expect(server.logger.entries).toEqual([]);
  });
});
