import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import {
  demoReviewerToken,
  gql,
  killLeftoverServices,
  type ServiceProcess,
  startTestService,
} from '../helpers/service-process';
import { onPostgres } from '../helpers/test-app';

/**
 * A stop under load, as an orchestrator does it (SIGTERM) while clients keep arriving on fresh
 * connections: readiness fails at once, serving goes on for SHUTDOWN_DELAY_MS, then the port
 * closes. Every request the service read gets its whole answer, every acknowledged write is
 * there after a restart, and a write whose answer did not reach its client is in the log.
 */

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-stop-load-'));
});
afterEach(async () => {
  await killLeftoverServices();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Outcome {
  requestId: string;
  summary: string;
  /** The HTTP status and body, or the network error the client saw. */
  status?: number;
  body?: string;
  error?: string;
  sentAt: number;
}

/** One POST on a connection of its own (no keep-alive), as many clients behind a balancer arrive. */
function post(
  port: number,
  requestId: string,
  payload: object,
  token: string,
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
          'x-request-id': requestId,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', reject);
        response.on('end', () =>
          response.complete
            ? resolve({ status: response.statusCode!, body: text })
            : reject(new Error('incomplete answer')),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function readyz(port: number): Promise<number> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      })
      .on('error', () => resolve(0));
  });
}

const CREATE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id summary } }';

describe.skipIf(onPostgres)('stopping under load', () => {
  it('SIGTERM: readiness fails at once, serving goes on for the delay, then every accepted request is answered and no acknowledged write is lost', async () => {
    const file = path.join(tmp, 'factline.db');
    const delayMs = 1_500;
    const service: ServiceProcess = await startTestService(file, { SHUTDOWN_DELAY_MS: String(delayMs) });
    const token = await demoReviewerToken(service);
    const claims = await gql<{ article: { claims: { id: string }[] } }>(
      service,
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id } } }`,
    );
    const claimIds = claims.data!.article.claims.map((claim) => claim.id);

    const outcomes: Outcome[] = [];
    let signalledAt = Infinity;
    let refusedAt = Infinity;
    let counter = 0;
    // Eight clients, each sending a write on a fresh connection as soon as the last is answered,
    // until the port refuses them.
    const client = async () => {
      for (;;) {
        counter += 1;
        const n = counter;
        const outcome: Outcome = { requestId: `stop-load-${n}`, summary: `under load ${n}`, sentAt: Date.now() };
        outcomes.push(outcome);
        try {
          const input = {
            claimId: claimIds[n % claimIds.length],
            verdict: 'MIXED',
            summary: outcome.summary,
            body: 'Written while the service stops.',
          };
          Object.assign(
            outcome,
            await post(service.port, outcome.requestId, { query: CREATE, variables: { input } }, token),
          );
        } catch (error) {
          outcome.error = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          if (outcome.error === 'ECONNREFUSED') {
            refusedAt = Math.min(refusedAt, Date.now());
            return;
          }
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((resolve) => setTimeout(resolve, 500));
    service.child.kill('SIGTERM');
    signalledAt = Date.now();
    // Readiness turns at once; the service keeps answering through the delay.
    let notReady = 0;
    for (let tries = 0; tries < 50 && notReady === 0; tries += 1) {
      if ((await readyz(service.port)) === 503) notReady = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(notReady).toBeGreaterThan(0);
    expect(notReady - signalledAt).toBeLessThan(delayMs / 2);
    await Promise.all(clients);
    const exitCode = await new Promise<number | null>((resolve) =>
      service.child.exitCode !== null ? resolve(service.child.exitCode) : service.child.once('exit', resolve),
    );
    expect(exitCode).toBe(0);

    const answered = outcomes.filter((outcome) => outcome.status !== undefined);
    const failed = outcomes.filter((outcome) => outcome.error !== undefined);
    expect(answered.length).toBeGreaterThan(20);
    // Writes were answered after the signal, while the delay ran.
    expect(answered.some((outcome) => outcome.sentAt > signalledAt + 50)).toBe(true);
    expect(refusedAt - signalledAt).toBeGreaterThanOrEqual(delayMs - 50);

    const db = new Database(file, { readonly: true });
    const stored = new Set(
      (db.prepare('SELECT summary FROM annotations').all() as { summary: string }[]).map((row) => row.summary),
    );
    db.close();
    const log = service.output();
    for (const outcome of answered) {
      expect(outcome.status, outcome.requestId).toBe(200);
      const data = (JSON.parse(outcome.body!) as { data: { createAnnotation: { summary: string } } }).data;
      expect(data.createAnnotation.summary).toBe(outcome.summary);
      expect(stored.has(outcome.summary), outcome.requestId).toBe(true);
    }
    for (const outcome of failed) {
      // The client got no answer: the service never read that request (a connection still
      // waiting to be accepted when the port closed), so there is no write and no log line.
      expect(stored.has(outcome.summary), `${outcome.requestId} (${outcome.error}) wrote without answering`).toBe(
        false,
      );
      expect(
        log.includes(`"requestId":"${outcome.requestId}"`),
        `${outcome.requestId} (${outcome.error}) was read but not answered`,
      ).toBe(false);
    }
    // No client left early, so every request read was answered: none ended without an answer.
    expect(log).not.toContain('request ended without an answer');
    expect(log).toContain('"msg":"stopped"');
  }, 60_000);
});
