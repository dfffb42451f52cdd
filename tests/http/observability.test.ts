import http from 'node:http';
import net from 'node:net';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow } from '../helpers/inspect';
import { onPostgres, startTestServer, type TestServer } from '../helpers/test-app';

const ARTICLE_QUERY = 'query ReadArticle($slug: String!) { article(slug: $slug) { headline } }';

async function post(server: TestServer, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('request logs and metrics', () => {
  let server: TestServer;
  let reviewer: { token: string };
  beforeAll(async () => {
    server = await startTestServer();
    reviewer = await server.signIn(Role.REVIEWER);
  });
  afterAll(() => server.close());

  const requestLines = () => server.logger.all.filter((line) => line.message === 'request');

  it('gives every request an id (its own X-Request-Id if sane) and logs one line for it', async () => {
    const own = await post(
      server,
      { query: ARTICLE_QUERY, variables: { slug: 'no-such-article' }, operationName: 'ReadArticle' },
      { 'x-request-id': 'client-abc.123' },
    );
    expect(own.headers.get('x-request-id')).toBe('client-abc.123');
    const odd = await post(server, { query: '{ __typename }' }, { 'x-request-id': 'spaces and <html>' });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const line = requestLines().find((entry) => entry.details.requestId === 'client-abc.123');
    expect(line?.details).toEqual(
      expect.objectContaining({
        method: 'POST',
        route: 'graphql',
        operation: 'ReadArticle',
        operationType: 'query',
        status: 200,
        durationMs: expect.any(Number),
      }),
    );
    expect(requestLines().some((entry) => entry.details.requestId === odd.headers.get('x-request-id'))).toBe(true);
  });

  it('logs error codes, never the token, the query, the variables or the body', async () => {
    const secretTitle = 'Secret draft title 7f3a';
    const response = await post(
      server,
      {
        query: 'mutation Add($input: CreateSourceInput!) { createSource(input: $input) { id } }',
        operationName: 'Add',
        variables: { input: { kind: 'NOPE', title: secretTitle, url: 'x' } },
      },
      { authorization: `Bearer ${reviewer.token}`, 'x-request-id': 'bad-input-1' },
    );
    expect(response.status).toBe(200);
    const line = requestLines().find((entry) => entry.details.requestId === 'bad-input-1');
    expect(line?.details.errorCodes).toEqual(['BAD_USER_INPUT']);
    const everything = JSON.stringify(server.logger.all);
    expect(everything).not.toContain(reviewer.token);
    expect(everything).not.toContain(secretTitle);
    expect(everything).not.toContain('createSource(input');
  });

  it('does not log health probes and metric scrapes', async () => {
    const before = requestLines().length;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    expect(requestLines().length).toBe(before);
  });

  it('labels a request sent in absolute form (as through a proxy) by its path', async () => {
    const send = (target: string, requestId: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port: new URL(server.url).port,
            method: body ? 'POST' : 'GET',
            path: target,
            headers: { 'x-request-id': requestId, ...(body ? { 'content-type': 'application/json' } : {}) },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const before = requestLines().length;
    expect(await send(`${server.url}/healthz?probe=1`, 'absolute-health')).toBe(200);
    expect(requestLines().length).toBe(before); // still a quiet path
    const body = JSON.stringify({
      query: ARTICLE_QUERY,
      variables: { slug: 'no-such-article' },
      operationName: 'ReadArticle',
    });
    expect(await send(`${server.graphqlUrl}?x=1`, 'absolute-graphql', body)).toBe(200);
    const line = requestLines().find((entry) => entry.details.requestId === 'absolute-graphql');
    expect(line?.details).toEqual(
      expect.objectContaining({ method: 'POST', route: 'graphql', operation: 'ReadArticle', status: 200 }),
    );
  });

  it('serves Prometheus metrics: requests and latency by operation, errors by code, write-queue depth', async () => {
    await post(server, { query: ARTICLE_QUERY, variables: { slug: 'no-such-article' }, operationName: 'ReadArticle' });
    await post(server, { query: '{ article(slug: "Not A Slug") { id } }', operationName: null });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/factline_http_requests_total\{route="graphql",operation="ReadArticle",status="200"\} [1-9]/);
    expect(text).toMatch(
      /factline_http_request_duration_seconds_bucket\{le="0\.005",route="graphql",operation="ReadArticle"\} \d+/,
    );
    expect(text).toMatch(/factline_errors_total\{code="BAD_USER_INPUT"\} [1-9]/);
    expect(text).toMatch(/^factline_write_queue_depth 0$/m);
    expect(text).toMatch(/^factline_process_resident_memory_bytes \d+/m);
  });

  it('counts SQL statements per connection, for statements per request', async () => {
    const counts = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const read = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)![1]);
      return { read: read('factline_sql_read_statements_total'), write: read('factline_sql_write_statements_total') };
    };
    const reviewer = await server.signIn(Role.REVIEWER);
    const before = await counts();
    // A slug that is not an article: one lookup, nothing under it.
    await post(server, { query: '{ article(slug: "no-such-article") { id claims { id } } }' });
    const afterRead = await counts();
    expect(afterRead).toEqual({ read: before.read + 1, write: before.write });
    await post(
      server,
      {
        query:
          'mutation { createSource(input: { url: "https://example.org/counted", title: "Counted", kind: OTHER }) { id } }',
      },
      { authorization: `Bearer ${reviewer.token}` },
    );
    const afterWrite = await counts();
    expect(afterWrite.write).toBeGreaterThan(afterRead.write);
  });

  it('keeps operation labels bounded, whatever names clients send', async () => {
    // Past the cap of 200 distinct names, the rest count as "(other)".
    await Promise.all(
      Array.from({ length: 205 }, (_, i) =>
        post(server, { query: `query Op${i} { __typename }`, operationName: `Op${i}` }),
      ),
    );
    await post(server, { query: 'query { __typename }', operationName: '' });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const names = new Set(
      [...text.matchAll(/factline_http_requests_total\{[^}]*operation="([^"]*)"/g)].map((m) => m[1]),
    );
    expect(names.size).toBeLessThanOrEqual(202); // 200 names, "(other)", and "" for non-GraphQL routes
    expect(names).toContain('(other)');
    expect(text).not.toMatch(/operation="[^"]*[<> ]/);
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  it('refuses a scrape without the token', async () => {
    const server = await startTestServer({ demo: false, config: { metricsToken: 'scrape-secret' } });
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('answers that never reach their client', () => {
  // The SQLite write queue holds the write back (PostgreSQL runs writes side by side).
  it.skipIf(onPostgres)(
    'a write whose client left before the answer is logged with its request id and operation, and the write stands',
    async () => {
      const server = await startTestServer();
      try {
        const reviewer = await server.signIn(Role.REVIEWER);
        const claims = await server.gql<{ article: { claims: { id: string }[] } }>(
          `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id } } }`,
        );
        const body = JSON.stringify({
          query: 'mutation Gone($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
          variables: {
            input: { claimId: claims.data!.article.claims[0].id, verdict: 'TRUE', summary: 'Left early', body: 'b' },
          },
        });
        // A write ahead in the queue holds this one long enough for its client to give up.
        let release = () => {};
        const blocker = server.db.writes.run(() => new Promise<void>((resolve) => (release = resolve)));
        const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
        socket.on('error', () => {});
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${reviewer.token}\r\nX-Request-Id: gone-1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        socket.destroy();
        await new Promise((resolve) => setTimeout(resolve, 100));
        release();
        await blocker;
        const logged = () => server.logger.all.find((line) => line.message === 'request ended without an answer');
        for (let waited = 0; waited < 5_000 && !logged(); waited += 20)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(logged()?.details).toMatchObject({
          requestId: 'gone-1',
          route: 'graphql',
          operation: 'Gone',
          operationType: 'mutation',
        });
        await server.db.writes.drain();
        expect(await inspectRow(server.db, sql`SELECT id FROM annotations WHERE summary = 'Left early'`)).toBeTruthy();
      } finally {
        await server.close();
      }
    },
  );
});

describe('metrics in production', () => {
  it('are not served to anyone on the service port without METRICS_TOKEN or METRICS_PORT', async () => {
    const server = await startTestServer({ demo: false, production: true });
    try {
      const response = await fetch(`${server.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('factline_http_requests_total');
      expect(
        server.logger.all.some((line) => line.level === 'warn' && line.message.startsWith('/metrics is off')),
      ).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('with METRICS_PORT, are served on 127.0.0.1 at that port only, behind the token when there is one', async () => {
    const server = await startTestServer({
      demo: false,
      production: true,
      config: { metricsPort: 0, metricsToken: 'scrape-secret' },
    });
    try {
      expect(
        (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } })).status,
      ).toBe(404);
      const local = `http://127.0.0.1:${server.app.metricsPort}/metrics`;
      expect((await fetch(local)).status).toBe(401);
      const scraped = await fetch(local, { headers: { authorization: 'Bearer scrape-secret' } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('factline_http_requests_total');
    } finally {
      await server.close();
    }
  });
});

describe('the pino logger', () => {
  function capture(level: Parameters<typeof createLogger>[0] = {}) {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk) => chunks.push(String(chunk)));
    return {
      logger: createLogger({ ...level, stream }),
      lines: () =>
        chunks
          .join('')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
    };
  }

  it('writes one JSON object a line with level, time, message and details', () => {
    const { logger, lines } = capture();
    logger.info('request', { requestId: 'r1', status: 200 });
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        requestId: 'r1',
        status: 200,
        service: 'factline',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
  });

  it('honours LOG_LEVEL and redacts credentials passed by mistake', () => {
    const { logger, lines } = capture({ level: 'warn' });
    logger.info('hidden');
    logger.warn('shown', { authorization: 'Bearer fl_abc', token: 'fl_def' });
    expect(lines()).toHaveLength(1);
    expect(JSON.stringify(lines())).not.toMatch(/fl_abc|fl_def/);
  });
});
