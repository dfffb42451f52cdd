import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import {
  demoReviewerToken,
  gql,
  killLeftoverServices,
  runServiceToExit,
  type ServiceProcess,
  startTestService,
  testServiceEnv,
} from '../helpers/service-process';

/**
 * Graceful shutdown of the built service (src/main.ts): on SIGTERM it stops accepting
 * connections, answers the requests in flight, closes the database and exits 0; a client that
 * never finishes its request holds it no longer than SHUTDOWN_TIMEOUT_MS.
 *
 * "The server has the request" is made certain, not guessed from a delay, with
 * `Expect: 100-continue`: Node answers 100 Continue as it hands the request to the app, so a
 * client that got it knows its request is in flight. A request merely sent could still sit in
 * the listen backlog, where closing the port resets it: no server can answer that one.
 */

let tmp: string;
const sockets: net.Socket[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-shutdown-'));
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await killLeftoverServices();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function start(overrides: Record<string, string> = {}): Promise<ServiceProcess> {
  return startTestService(path.join(tmp, 'factline.db'), overrides);
}

function exited(service: ServiceProcess): Promise<number | null> {
  if (service.child.exitCode !== null || service.child.signalCode !== null)
    return Promise.resolve(service.child.exitCode);
  return new Promise((resolve) => service.child.once('exit', (code) => resolve(code)));
}

/** A connection attempt: refused (nothing listens) or accepted (closed again at once). */
function tryConnect(port: number): Promise<'refused' | 'accepted' | 'other'> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'other'),
    );
  });
}

async function waitUntilRefused(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await tryConnect(port)) !== 'refused') {
    if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Answer {
  status: number | undefined;
  complete: boolean;
  text: string;
}

interface InFlight {
  label: string;
  /** Resolves when the server has the request (100 Continue). */
  received: Promise<void>;
  sendBody(): void;
  answer: Promise<Answer>;
  answered: boolean;
}

/** A POST /graphql on its own connection whose body waits for `sendBody`. */
function openRequest(port: number, label: string, payload: object, token?: string): InFlight {
  const body = JSON.stringify(payload);
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/graphql',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  const received = new Promise<void>((resolve) => request.once('continue', () => resolve()));
  const inFlight: InFlight = {
    label,
    received,
    sendBody: () => request.end(body),
    answered: false,
    answer: new Promise<Answer>((resolve, reject) => {
      request.once('error', reject);
      request.once('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.once('error', reject);
        response.once('end', () => {
          inFlight.answered = true;
          resolve({ status: response.statusCode, complete: response.complete, text });
        });
      });
    }),
  };
  // Headers now, the body later.
  request.flushHeaders();
  return inFlight;
}

/** A raw connection, to play clients that never finish: records when the server closes it. */
function rawSocket(port: number): Promise<net.Socket & { received: string; closedAt: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1') as net.Socket & { received: string; closedAt: Promise<number> };
    sockets.push(socket);
    socket.received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (socket.received += chunk));
    // A reset is also the server closing it.
    socket.on('error', () => {});
    socket.closedAt = new Promise((done) => socket.once('close', () => done(Date.now())));
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const CREATE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id summary } }';

describe('graceful shutdown', () => {
  it('SIGTERM: the port closes at once, every request in flight gets its whole answer, writes are kept, exit 0', async () => {
    const service = await start();
    const token = await demoReviewerToken(service);
    const claims = await gql<{ article: { claims: { id: string }[] } }>(
      service,
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id } } }`,
    );
    const claimIds = claims.data!.article.claims.map((claim) => claim.id);

    // Queries and mutations; half of them send their body before the signal, half only after
    // the port has closed (requests still arriving while the service drains).
    const requests: (InFlight & { summary?: string; early: boolean })[] = [];
    for (let i = 0; i < 16; i += 1) {
      const early = i % 4 < 2;
      if (i % 2 === 0) {
        const summary = `shutdown ${i}`;
        const input = {
          claimId: claimIds[i % claimIds.length],
          verdict: 'MIXED',
          summary,
          body: `Written while the service stops (${i}).`,
          citations: [
            {
              source: { url: `https://example.org/shutdown/${i}`, title: 'Source', kind: 'NEWS_REPORT' },
              stance: 'CONTEXT',
              excerpt: `excerpt ${i}`,
            },
          ],
        };
        requests.push(
          Object.assign(openRequest(service.port, `mutation ${i}`, { query: CREATE, variables: { input } }, token), {
            summary,
            early,
          }),
        );
      } else {
        const query = `{ articles { totalCount } article(slug: "${DEMO_ARTICLE_SLUG}") { headline claims { id quote annotations { id summary } } } }`;
        requests.push(Object.assign(openRequest(service.port, `query ${i}`, { query }, token), { early }));
      }
    }
    await Promise.all(requests.map((request) => request.received));
    for (const request of requests.filter((r) => r.early)) request.sendBody();

    service.child.kill('SIGTERM');
    // New connections are refused while requests are still in flight...
    await waitUntilRefused(service.port, 5_000);
    const held = requests.filter((r) => !r.early);
    expect(held.some((r) => r.answered)).toBe(false);
    expect(service.child.exitCode).toBeNull();
    // ...and those still get answered.
    for (const request of held) request.sendBody();

    const answers = await Promise.all(requests.map((request) => request.answer));
    const acknowledged: { id: string; summary: string }[] = [];
    answers.forEach((answer, i) => {
      const { label, summary } = requests[i];
      expect(answer.status, label).toBe(200);
      expect(answer.complete, label).toBe(true);
      const body = JSON.parse(answer.text) as {
        data?: { createAnnotation?: { id: string; summary: string } };
        errors?: unknown[];
      };
      expect(body.errors, label).toBeUndefined();
      expect(body.data, label).toBeTruthy();
      if (summary) {
        expect(body.data!.createAnnotation!.summary).toBe(summary);
        acknowledged.push(body.data!.createAnnotation!);
      }
    });
    expect(acknowledged).toHaveLength(8);

    expect(await exited(service)).toBe(0);
    expect(service.child.signalCode).toBeNull();
    expect(service.output()).toContain('"msg":"stopped"');
    expect(service.output()).not.toContain('closing the connections still open');
    expect(await tryConnect(service.port)).toBe('refused');

    const restarted = await start();
    for (const { id, summary } of acknowledged) {
      expect(
        await gql(
          restarted,
          'query($id: ID!) { annotation(id: $id) { summary citations { excerpt } } }',
          { id },
          token,
        ),
      ).toEqual({
        status: 200,
        data: { annotation: { summary, citations: [{ excerpt: `excerpt ${summary.split(' ')[1]}` }] } },
      });
    }
    expect(await restarted.stop('SIGTERM')).toBe(0);
  }, 60_000);

  // NODE_ENV=production too: outside tests Apollo also stops itself on these signals, a second
  // stop() that main.ts must not wait on (see stopOnSignals in src/main.ts).
  it.each(['test', 'production'])('SIGINT stops the service the same way (NODE_ENV=%s)', async (nodeEnv) => {
    const service = await start({ SEED_DEMO: '0', NODE_ENV: nodeEnv });
    const signalled = Date.now();
    expect(await service.stop('SIGINT')).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(service.output()).toContain('"signal":"SIGINT"');
    expect(service.output()).toContain('"msg":"stopped"');
    expect(await tryConnect(service.port)).toBe('refused');
  });

  it.each(['test', 'production'])(
    'idle keep-alive connections do not delay the exit (NODE_ENV=%s)',
    async (nodeEnv) => {
      // The default cap (10 s): idle connections are closed at once, not waited for.
      const service = await start({ SEED_DEMO: '0', NODE_ENV: nodeEnv });
      const silent = await rawSocket(service.port);
      const keepAlive = await rawSocket(service.port);
      keepAlive.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
      await waitFor(() => keepAlive.received.includes('{"status":"ok"}'), 'the keep-alive answer');

      const signalled = Date.now();
      service.child.kill('SIGTERM');
      expect(await exited(service)).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(5_000);
      expect(service.output()).toContain('"msg":"stopped"');
      await Promise.all([silent.closedAt, keepAlive.closedAt]);
    },
  );

  it('a request whose body never finishes holds the exit no longer than SHUTDOWN_TIMEOUT_MS', async () => {
    const capMs = 1_000;
    const service = await start({ SEED_DEMO: '0', SHUTDOWN_TIMEOUT_MS: String(capMs) });
    const idle = await rawSocket(service.port);
    const hung = await rawSocket(service.port);
    hung.write(
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n',
    );
    await waitFor(() => hung.received.includes('100 Continue'), 'the server to take the request');
    hung.write('{"query":"{ articles { total');

    const signalled = Date.now();
    service.child.kill('SIGTERM');
    expect(await exited(service)).toBe(0);
    const elapsed = Date.now() - signalled;
    // It waited for the request (up to the cap), then cut it and exited anyway.
    expect(elapsed).toBeGreaterThanOrEqual(capMs - 50);
    expect(elapsed).toBeLessThan(capMs + 5_000);
    expect(service.output()).toContain('closing the connections still open after the cap');
    expect(await idle.closedAt).toBeLessThan(await hung.closedAt);
    expect(hung.received).not.toContain('HTTP/1.1 200');
  });

  it('a bad SHUTDOWN_TIMEOUT_MS stops the start with one line naming it', async () => {
    const { code, output } = await runServiceToExit(
      testServiceEnv(path.join(tmp, 'factline.db'), { SHUTDOWN_TIMEOUT_MS: '5s' }),
    );
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toContain('SHUTDOWN_TIMEOUT_MS');
    expect(output).toContain('"5s"');
  });
});
