import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServiceToExit, type ServiceProcess, startService } from '../helpers/service-process';

/**
 * The built service (`node dist/src/main.js`) as a child process: first start, restart on the
 * same file, configuration errors, and what it serves over HTTP.
 */

const DEMO_SLUG = 'biden-warns-putin-act-firmly-ukraine-tensions';
const DEMO_CLAIMS = 12;
const DEMO_SOURCES = 10;

let tmp: string;
const children: ServiceProcess[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-startup-'));
});

afterEach(async () => {
  // Never leave a service running, whatever the test did.
  for (const service of children.splice(0)) {
    if (service.child.exitCode === null && service.child.signalCode === null) await service.stop('SIGKILL');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Only what the test sets: the parent's settings must not leak into the child. */
function env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: path.join(tmp, 'factline.db'),
    SEED_DEMO: '1',
    NODE_ENV: 'test',
    ...overrides,
  };
}

async function start(overrides: Record<string, string> = {}): Promise<ServiceProcess> {
  const service = await startService(env(overrides));
  children.push(service);
  return service;
}

async function gql<Data>(service: ServiceProcess, query: string): Promise<Data> {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown[] };
  expect(response.status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data as Data;
}

interface Counts {
  articles: number;
  claimCount: number | undefined;
  claims: number;
  sources: number;
}

async function counts(service: ServiceProcess): Promise<Counts> {
  const data = await gql<{
    articles: { totalCount: number };
    article: { claimCount: number } | null;
    claims: { totalCount: number };
    sources: { totalCount: number };
  }>(
    service,
    `{
      articles { totalCount }
      article(slug: "${DEMO_SLUG}") { claimCount }
      claims(first: 100) { totalCount }
      sources(first: 100) { totalCount }
    }`,
  );
  return {
    articles: data.articles.totalCount,
    claimCount: data.article?.claimCount,
    claims: data.claims.totalCount,
    sources: data.sources.totalCount,
  };
}

function expectSingleLineError(output: string, variable: string): void {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(lines[0]).toContain(variable);
  expect(output).not.toMatch(/^ {4}at /m);
}

describe('first start and restart', () => {
  it('creates the database folder, loads the demo once, stops cleanly on SIGTERM and keeps the data', async () => {
    const file = path.join(tmp, 'nested', 'deeper', 'factline.db');
    expect(fs.existsSync(path.dirname(file))).toBe(false);

    const first = await start({ DATABASE_PATH: file });
    expect(first.port).toBeGreaterThan(0);
    expect(fs.statSync(file).isFile()).toBe(true);
    expect(first.output()).toContain('loaded the demo dataset');
    expect(await counts(first)).toEqual({
      articles: 1,
      claimCount: DEMO_CLAIMS,
      claims: DEMO_CLAIMS,
      sources: DEMO_SOURCES,
    });
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.child.signalCode).toBeNull();

    const second = await start({ DATABASE_PATH: file });
    expect(second.output()).not.toContain('loaded the demo dataset');
    expect(await counts(second)).toEqual({
      articles: 1,
      claimCount: DEMO_CLAIMS,
      claims: DEMO_CLAIMS,
      sources: DEMO_SOURCES,
    });
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('SEED_DEMO=0 leaves an empty database empty', async () => {
    const service = await start({ SEED_DEMO: '0' });
    expect(service.output()).not.toContain('loaded the demo dataset');
    expect(await counts(service)).toEqual({ articles: 0, claimCount: undefined, claims: 0, sources: 0 });
    expect(await service.stop('SIGTERM')).toBe(0);
  });
});

describe('bad configuration stops the process with one line naming the variable', () => {
  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['SEED_DEMO', { SEED_DEMO: 'maybe' }],
  ])('%s: %j', async (variable, overrides) => {
    const { code, output } = await runServiceToExit(env(overrides));
    expect(code).not.toBeNull();
    expect(code).not.toBe(0);
    expectSingleLineError(output, variable);
    expect(output).toContain(Object.values(overrides)[0]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('DATABASE_PATH under /proc (a folder that cannot be created)', async () => {
    // procfs answers ENOENT to mkdir, which Node's recursive mkdir retries forever: bound the wait.
    const { code, output } = await runServiceToExit(env({ DATABASE_PATH: '/proc/factline-test/x.db' }), 10_000);
    expect(code).not.toBeNull();
    expect(code).not.toBe(0);
    expectSingleLineError(output, 'DATABASE_PATH');
    expect(fs.existsSync('/proc/factline-test')).toBe(false);
  }, 15_000);

  it('DATABASE_PATH under an existing regular file', async () => {
    const parent = path.join(tmp, 'file.txt');
    fs.writeFileSync(parent, 'not a folder\n');
    const { code, output } = await runServiceToExit(env({ DATABASE_PATH: path.join(parent, 'x.db') }));
    expect(code).not.toBeNull();
    expect(code).not.toBe(0);
    expectSingleLineError(output, 'DATABASE_PATH');
    expect(fs.readFileSync(parent, 'utf8')).toBe('not a folder\n');
  });

  it('DATABASE_PATH that is an existing file but not a SQLite database', async () => {
    const file = path.join(tmp, 'garbage.db');
    const garbage = 'this is not a SQLite database, just some text\n'.repeat(200);
    fs.writeFileSync(file, garbage);
    const { code, output } = await runServiceToExit(env({ DATABASE_PATH: file }));
    expect(code).not.toBeNull();
    expect(code).not.toBe(0);
    expectSingleLineError(output, 'DATABASE_PATH');
    // The file is left as it was, not overwritten or migrated.
    expect(fs.readFileSync(file, 'utf8')).toBe(garbage);
  });
});

describe('HTTP surface', () => {
  it('serves the offline playground to browsers, GraphQL over GET to clients, and the probes', async () => {
    const service = await start();

    for (const route of ['/', '/graphql']) {
      const response = await fetch(`${service.url}${route}`, { headers: { accept: 'text/html' } });
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = response.headers.get('content-security-policy');
      expect(csp).not.toBeNull();
      expect(csp!.split(';').map((directive) => directive.trim())).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<div id="graphiql">');
      // data: URIs (the empty favicon) load nothing; every other reference is this server's.
      const references = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)]
        .map((match) => match[1])
        .filter((ref) => !ref.startsWith('data:'));
      expect(references.length).toBeGreaterThanOrEqual(4);
      for (const reference of references) {
        expect(reference, `reference ${reference} on ${route}`).toMatch(/^\/(?!\/)/);
      }
      // Every asset the page references is served by this server.
      for (const reference of references) {
        const asset = await fetch(`${service.url}${reference}`);
        expect(asset.status, reference).toBe(200);
        await asset.arrayBuffer();
      }
    }

    const graphiql = await fetch(`${service.url}/playground/assets/graphiql.js`);
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get('content-type')).toMatch(/javascript/);
    expect((await graphiql.text()).length).toBeGreaterThan(100_000);

    // A client that asks for JSON gets GraphQL, not the page. Apollo's CSRF prevention (on by
    // default) wants a preflight-forcing header on GET; a bare GET is refused with 400, not run.
    const query = encodeURIComponent('{__typename}');
    const get = await fetch(`${service.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const bare = await fetch(`${service.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(bare.headers.get('content-type')).toMatch(/^application\/json/);
    const bareBody = (await bare.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(bare.status).toBe(400);
    expect(bareBody.data).toBeUndefined();
    expect(bareBody.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');

    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    expect(await service.stop('SIGTERM')).toBe(0);
  });
});

describe('PORT', () => {
  it('the service listens on the port it is given', async () => {
    // A port the OS just handed out and released: free for the service to take.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const service = await start({ PORT: String(port) });
    expect(service.port).toBe(port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
