// Webhook deliveries: throughput to local receivers, and the lag from commit to delivery under
// a steady stream of commits, against a raw baseline measured in the same run.
//
//   npm run bench -- webhooks [--quick]
//
// In one process (the compiled dist/, as the service runs it): a SQLite database with the
// demo data, ENDPOINTS receivers on 127.0.0.1, the service's WebhookDispatcher delivering to
// them. The raw baseline is the least any delivery costs: the same signed POSTs (standardwebhooks,
// a fresh connection each, as the dispatcher makes them) sent by a bare loop, one endpoint at a
// time in parallel, with no database at all. Ratio: the dispatcher's deliveries per second
// over the baseline's.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './support.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'src');
const ENDPOINTS = 4;
const ADMIN = { user: { id: 1, name: 'Bench admin', role: 'ADMIN' }, tokenId: null };

/** A receiver that answers 204 and notes when each delivery arrived, by webhook-id. */
async function receiver() {
  const arrivals = new Map();
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      arrivals.set(request.headers['webhook-id'], performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { arrivals, url: `http://127.0.0.1:${server.address().port}/hooks`, close: () => server.close() };
}

async function until(done, ms = 120_000) {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('webhook bench: deliveries did not arrive in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The raw baseline: `count` signed POSTs to each receiver, the endpoints in parallel. */
async function rawDeliveries(receivers, count) {
  const { Webhook } = require('standardwebhooks');
  const { postWebhook } = require(path.join(DIST, 'webhooks', 'deliver.js'));
  const signer = new Webhook(`whsec_${Buffer.alloc(24, 7).toString('base64')}`);
  const started = performance.now();
  await Promise.all(
    receivers.map(async (target) => {
      for (let i = 0; i < count; i += 1) {
        const body = JSON.stringify({
          type: 'fact_check.published',
          timestamp: new Date().toISOString(),
          data: { eventId: String(i) },
        });
        const id = `raw_${i}`;
        const now = new Date();
        const result = await postWebhook(
          target.url,
          body,
          {
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(now / 1000)),
            'webhook-signature': signer.sign(id, now, body),
          },
          { allowPrivate: true },
        );
        if (!result.ok) throw new Error(`raw delivery failed: ${result.error}`);
      }
    }),
  );
  return (receivers.length * count) / ((performance.now() - started) / 1000);
}

export async function runWebhooksBench({ quick = false } = {}) {
  const { openSqliteDatabase } = require(path.join(DIST, 'db', 'database.js'));
  const { DatasetService } = require(path.join(DIST, 'modules', 'dataset', 'dataset.service.js'));
  const { readDemoDataset } = require(path.join(DIST, 'modules', 'dataset', 'demo-dataset.js'));
  const { WebhookService } = require(path.join(DIST, 'modules', 'webhook', 'webhook.service.js'));
  const { WebhookDispatcher } = require(path.join(DIST, 'webhooks', 'dispatcher.js'));
  const burst = quick ? 200 : 1_000;
  const steadySeconds = quick ? 3 : 10;
  const steadyRate = 100;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-webhooks-'));
  const db = await openSqliteDatabase({ path: path.join(dir, 'bench.db') });
  const receivers = await Promise.all(Array.from({ length: ENDPOINTS }, receiver));
  try {
    await new DatasetService({ db }).import(readDemoDataset());
    const rawPerSecond = await rawDeliveries(receivers, burst);
    for (const target of receivers) target.arrivals.clear();

    const webhooks = new WebhookService({ db, policy: { allowHttp: true } });
    for (const target of receivers) await webhooks.create(ADMIN, { url: target.url, eventTypes: ['articleCorrected'] });
    const dispatcher = new WebhookDispatcher(db, { publicUrl: 'http://bench.test', allowPrivate: true }).start();
    const committedAt = new Map();
    const commit = async (n) => {
      await db.writes.run(async (_manager, outbox) => {
        outbox.push({ type: 'articleCorrected', articleId: 1, details: { note: `Correction ${n}` } });
      });
      committedAt.set(n, performance.now());
    };
    const delivered = () => Math.min(...receivers.map((target) => target.arrivals.size));

    // Throughput: a burst of commits, delivered to every endpoint.
    const started = performance.now();
    for (let n = 0; n < burst; n += 1) await commit(n);
    await until(() => delivered() >= burst);
    const servicePerSecond = (ENDPOINTS * burst) / ((performance.now() - started) / 1000);

    // Lag under load: a steady stream of commits; commit to arrival, per endpoint and event.
    const { newest } = await db.eventLog.bounds();
    const lags = [];
    const first = newest + 1;
    const events = steadyRate * steadySeconds;
    const streamStarted = performance.now();
    for (let n = 0; n < events; n += 1) {
      const due = streamStarted + (n * 1000) / steadyRate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await commit(burst + n);
    }
    await until(() => delivered() >= burst + events);
    for (let n = 0; n < events; n += 1)
      for (const target of receivers) lags.push(target.arrivals.get(`evt_${first + n}`) - committedAt.get(burst + n));
    await dispatcher.stop();
    return {
      endpoints: ENDPOINTS,
      burst,
      rawPerSecond,
      servicePerSecond,
      ratio: servicePerSecond / rawPerSecond,
      steady: {
        rate: steadyRate,
        seconds: steadySeconds,
        p50: percentile(lags, 50),
        p99: percentile(lags, 99),
        median: median(lags),
      },
    };
  } finally {
    for (const target of receivers) target.close();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printWebhooks(result) {
  console.log(`\nwebhooks: ${result.endpoints} endpoints on 127.0.0.1, ${result.burst} events each`);
  console.log(
    `  deliveries/s: dispatcher ${result.servicePerSecond.toFixed(0)}, raw signed POSTs ${result.rawPerSecond.toFixed(0)} -> ${result.ratio.toFixed(2)}x`,
  );
  console.log(
    `  commit to delivery at ${result.steady.rate} commits/s for ${result.steady.seconds} s: p50 ${result.steady.p50.toFixed(1)} ms, p99 ${result.steady.p99.toFixed(1)} ms`,
  );
}
