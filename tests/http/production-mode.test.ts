import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config';
import { SourceService } from '../../src/modules/source/source.service';
import { Role } from '../../src/modules/user/user.entity';
import { type ServiceProcess, startService } from '../helpers/service-process';
import { startTestServer, type TestServer } from '../helpers/test-app';

/**
 * What NODE_ENV=production changes, over real HTTP: no introspection, no schema hints in
 * errors, no playground, unexpected errors masked and logged without detail, no demo tokens
 * printed; and CSRF prevention, on in every mode.
 */

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: Reply['body'] = {};
  try {
    body = JSON.parse(text) as Reply['body'];
  } catch {
    // Not JSON (an HTML page): `text` says what it is.
  }
  return { status: response.status, headers: response.headers, text, body };
}

function post(server: TestServer, query: string, headers: Record<string, string> = {}): Promise<Reply> {
  return fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  }).then(reply);
}

function get(server: TestServer, pathAndQuery: string, headers: Record<string, string> = {}): Promise<Reply> {
  return fetch(`${server.url}${pathAndQuery}`, { headers }).then(reply);
}

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('production mode', () => {
  /** NODE_ENV=production, nothing else set. */
  let production: TestServer;
  /** NODE_ENV=production with ALLOW_INTROSPECTION=1 and PLAYGROUND=1. */
  let opened: TestServer;
  /** NODE_ENV=test: the development defaults. */
  let development: TestServer;

  beforeAll(async () => {
    [production, opened, development] = await Promise.all([
      startTestServer({ demo: false, production: true }),
      startTestServer({ demo: false, production: true, config: { introspection: true, playground: true } }),
      startTestServer({ demo: false }),
    ]);
  });
  afterAll(() => Promise.all([production, opened, development].map((server) => server?.close())));
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe('configuration', () => {
    it('turns introspection and the playground off in production, on elsewhere', () => {
      expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
        production: true,
        introspection: false,
        playground: false,
      });
      expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({
        production: false,
        introspection: true,
        playground: true,
      });
      expect(loadConfig({})).toMatchObject({ production: false, introspection: true, playground: true });
    });

    it('ALLOW_INTROSPECTION=1 and PLAYGROUND=1 turn them back on in production', () => {
      expect(loadConfig({ NODE_ENV: 'production', ALLOW_INTROSPECTION: '1' })).toMatchObject({
        production: true,
        introspection: true,
        playground: false,
      });
      expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND: '1' })).toMatchObject({
        production: true,
        introspection: false,
        playground: true,
      });
      // And 0 turns them off in development.
      expect(loadConfig({ ALLOW_INTROSPECTION: '0', PLAYGROUND: 'off' })).toMatchObject({
        introspection: false,
        playground: false,
      });
    });
  });

  describe('introspection', () => {
    it('is refused in production', async () => {
      const result = await post(production, INTROSPECTION);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.body.errors?.[0].message).toMatch(/introspection is not allowed/);
      // __type too, not only __schema.
      expect(
        (await post(production, '{ __type(name: "Article") { fields { name } } }')).body.errors?.[0].message,
      ).toMatch(/introspection is not allowed/);
    });

    it('still answers __typename, which clients add to every selection', async () => {
      expect((await post(production, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    });

    it('is allowed in production with ALLOW_INTROSPECTION=1, and in development', async () => {
      for (const server of [opened, development]) {
        const result = await post(server, INTROSPECTION);
        expect(result.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      }
    });
  });

  describe('field suggestions', () => {
    // "Did you mean" hints spell out the schema that introspection hides.
    const typos = [
      '{ articlez { totalCount } }',
      '{ articles(frist: 1) { totalCount } }',
      '{ articles { totalCont } }',
    ];

    it.each(typos)('are hidden in production: %s', async (query) => {
      const result = await post(production, query);
      expect(result.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.text).not.toMatch(/Did you mean/);
    });

    it.each(typos)('are shown in development: %s', async (query) => {
      const result = await post(development, query);
      expect(result.body.errors?.[0].message).toMatch(/Did you mean/);
    });
  });

  describe('playground', () => {
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

    it('is off in production: no page at / or /graphql, no assets', async () => {
      const root = await get(production, '/', html);
      expect(root.status).toBe(404);
      expect(root.text).not.toMatch(/GraphQL playground|graphiql/i);
      // /graphql is the API only: a browser's GET is a GraphQL request, refused for want of a query.
      const endpoint = await get(production, '/graphql', html);
      expect(endpoint.status).toBeGreaterThanOrEqual(400);
      expect(endpoint.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(endpoint.text).not.toMatch(/GraphQL playground|graphiql/i);
      expect((await get(production, '/playground/assets/graphiql.js')).status).toBe(404);
    });

    it('is on in production with PLAYGROUND=1, and in development', async () => {
      for (const server of [opened, development]) {
        for (const page of ['/', '/graphql']) {
          const result = await get(server, page, html);
          expect(result.status).toBe(200);
          expect(result.headers.get('content-type')).toMatch(/^text\/html/);
          expect(result.text).toContain('<title>factline · GraphQL playground</title>');
        }
      }
    });
  });

  describe('unexpected errors', () => {
    const SECRET = 'secret: SQLITE_ERROR near "SELECT token_hash FROM auth_tokens"';

    /** `sources` fails inside the service, as a driver error would, for one request. */
    function failNextSourceList(): void {
      vi.spyOn(SourceService.prototype, 'list').mockRejectedValueOnce(new Error(SECRET));
    }

    it('are masked as INTERNAL_SERVER_ERROR, with nothing of the error in the response', async () => {
      failNextSourceList();
      const before = production.logger.entries.length;
      const result = await post(production, '{ sources { totalCount } }');
      expect(result.status).toBe(200);
      expect(result.body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['sources'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(result.text).not.toMatch(/secret|SQLITE|SELECT|stack/i);
      // Logged without message or stack: driver errors can carry SQL and data.
      expect(production.logger.entries.slice(before)).toEqual([
        { message: 'unexpected error while serving a request', details: { errorName: 'Error' } },
      ]);
      expect(JSON.stringify(production.logger.all)).not.toMatch(/secret/);
    });

    it('are masked in development too, where the log keeps the message and stack', async () => {
      failNextSourceList();
      const before = development.logger.entries.length;
      const result = await post(development, '{ sources { totalCount } }');
      expect(result.body.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(result.text).not.toMatch(/secret|stacktrace/i);
      const [entry] = development.logger.entries.slice(before);
      expect(entry.details).toMatchObject({
        errorName: 'Error',
        message: SECRET,
        stack: expect.stringContaining(SECRET),
      });
    });
  });

  describe('CSRF prevention', () => {
    const typename = `/graphql?query=${encodeURIComponent('{ __typename }')}`;

    it('refuses a GET query without a preflight-forcing header', async () => {
      for (const headers of [
        {},
        { accept: 'application/json' },
        { accept: 'application/graphql-response+json' },
      ] as Record<string, string>[]) {
        const result = await get(production, typename, headers);
        expect(result.status).toBe(400);
        expect(result.body.data).toBeUndefined();
        expect(result.body.errors?.[0]).toMatchObject({
          message: expect.stringMatching(/Cross-Site Request Forgery/),
          extensions: { code: 'BAD_REQUEST' },
        });
      }
    });

    it('runs a GET query with apollo-require-preflight or x-apollo-operation-name', async () => {
      for (const headers of [
        { 'apollo-require-preflight': 'true' },
        { 'x-apollo-operation-name': 'Typename' },
      ] as Record<string, string>[]) {
        const result = await get(production, typename, { accept: 'application/json', ...headers });
        expect(result.status).toBe(200);
        expect(result.body).toEqual({ data: { __typename: 'Query' } });
      }
    });

    it('refuses a mutation over GET with 405, even with a preflight header, and does not run it', async () => {
      const editor = await production.signIn(Role.EDITOR);
      const mutation =
        'mutation { createSource(input: { url: "https://example.org/get-csrf", title: "Via GET", kind: OTHER }) { id } }';
      const result = await get(production, `/graphql?query=${encodeURIComponent(mutation)}`, {
        accept: 'application/json',
        'apollo-require-preflight': 'true',
        authorization: `Bearer ${editor.token}`,
      });
      expect(result.status).toBe(405);
      expect(result.headers.get('allow')).toBe('POST');
      expect(result.body.errors?.[0].message).toMatch(/GET requests only support query operations/);
      expect((await post(production, '{ sources { totalCount } }')).body.data).toEqual({ sources: { totalCount: 0 } });
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
      'refuses a POST of content type %s (a form can send it cross-site)',
      async (contentType) => {
        const editor = await production.signIn(Role.EDITOR);
        const response = await fetch(production.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': contentType, accept: 'application/json', authorization: `Bearer ${editor.token}` },
          body: JSON.stringify({
            query:
              'mutation { createSource(input: { url: "https://example.org/csrf", title: "Forged", kind: OTHER }) { id } }',
          }),
        });
        const result = await reply(response);
        expect(result.status).toBe(400);
        expect(result.body.errors?.[0]).toMatchObject({
          message: expect.stringMatching(/Cross-Site Request Forgery/),
          extensions: { code: 'BAD_REQUEST' },
        });
        expect((await post(production, '{ sources { totalCount } }')).body.data).toEqual({
          sources: { totalCount: 0 },
        });
      },
    );
  });
});

describe('production start-up (node dist/src/main.js)', () => {
  let service: ServiceProcess | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await service?.stop('SIGKILL');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the demo dataset without printing demo tokens or the playground hint', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-production-'));
    service = await startService({ NODE_ENV: 'production', DATABASE_PATH: path.join(dir, 'factline.db') });
    // The demo dataset did load: the branch that prints tokens outside production was reached.
    expect(service.output()).toMatch(/loaded the demo dataset/);
    expect(service.output()).not.toMatch(/Bearer fl_|fl_[\w-]{10,}/);
    expect(service.output()).not.toMatch(/Demo accounts|GraphQL playground/);
    expect(await service.stop('SIGTERM')).toBe(0);
    // Nothing more on the way out either.
    expect(service.output()).not.toMatch(/Bearer fl_/);
  });
});
