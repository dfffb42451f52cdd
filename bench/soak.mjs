// Soak: the service under a steady mix of reads and writes for N minutes, to show that it
// answers without errors for as long as it runs and that its memory levels off.
//
//   npm run bench -- soak [--minutes N]     (opt-in, default 5 minutes; --quick: 1 minute)
//
// 8 readers of the article query for every 2 createAnnotation writers, over the bench dataset
// (with a reviewer token, as the createAnnotation scenario makes it). Every answer is read: an
// error is any non-200 status or a body with "errors". Memory: the service's RSS and V8 heap
// (from /metrics) sampled every 5 s; growth compares the last quarter of the samples with the
// first quarter, after a warm-up fifth: RSS by its mean, the heap by its floor (post-GC). Afterwards, every acknowledged write is checked in the file.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { SERVER_CPU } from './measure.mjs';
import { articleScenario } from './scenarios/article.mjs';
import { createAnnotationScenario } from './scenarios/create-annotation.mjs';
import { fetchMetrics, freePort, METRICS_TOKEN, pinned, startProcess, stopProcess, waitReady } from './support.mjs';

const SAMPLE_MS = 5000;

async function sample(url, pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssBytes = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  const text = await (await fetchMetrics(url)).text();
  const heapUsedBytes = Number(/^factline_nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? NaN);
  const queueDepth = Number(/^factline_write_queue_depth (\S+)$/m.exec(text)?.[1] ?? NaN);
  return { at: Date.now(), rssBytes, heapUsedBytes, queueDepth };
}

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

export async function runSoakBench({ minutes, env, root }) {
  const file = path.join(env.DATA, 'soak.db');
  const writeCtx = createAnnotationScenario.prepare(env);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(writeCtx.template, file);
  const readCtx = articleScenario.prepare({ ...env, work: file });
  const reads = articleScenario.bodies(readCtx);
  const writes = createAnnotationScenario.bodies(writeCtx);
  const headers = { 'content-type': 'application/json', ...createAnnotationScenario.headers(writeCtx) };

  const port = await freePort();
  const service = startProcess('service', pinned(SERVER_CPU, [process.execPath, env.entry]), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: file,
      SEED_DEMO: '0',
      NODE_ENV: 'production',
      METRICS_TOKEN,
      RATE_LIMIT_MUTATIONS: '0',
      RATE_LIMIT_EXPENSIVE: '0',
      LOG_LEVEL: 'warn',
    },
    logFile: path.join(env.DATA, 'service-soak.log'),
  });
  const base = `http://127.0.0.1:${port}`;
  const tally = { reads: 0, writes: 0, errors: 0, firstError: null, acknowledged: [] };
  const samples = [];
  try {
    await waitReady(service, `${base}/graphql`);
    const onResponse = (kind) => (status, body) => {
      let parsed = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        // counted below
      }
      tally[kind] += 1;
      if (status !== 200 || !parsed || parsed.errors) {
        tally.errors += 1;
        tally.firstError ??= `${kind}: HTTP ${status}: ${String(body).slice(0, 300)}`;
      } else if (kind === 'writes') tally.acknowledged.push(parsed.data.createAnnotation.id);
    };
    const load = (bodies, kind, connections) =>
      autocannon({
        url: `${base}/graphql`,
        connections,
        duration: minutes * 60,
        requests: bodies.map((body) => ({
          method: 'POST',
          path: '/graphql',
          headers,
          body,
          onResponse: onResponse(kind),
        })),
      });
    const sampler = setInterval(() => {
      sample(`${base}/metrics`, service.child.pid).then(
        (s) => samples.push(s),
        () => {},
      );
    }, SAMPLE_MS);
    console.log(`soak: ${minutes} min of article reads (8 connections) and createAnnotation writes (2 connections)`);
    const [readRun, writeRun] = await Promise.all([load(reads, 'reads', 8), load(writes, 'writes', 2)]);
    clearInterval(sampler);
    await stopProcess(service);

    // Every acknowledged write is in the file, whole (both its citations).
    const db = new Database(file, { readonly: true });
    const citations = db.prepare('SELECT count(*) FROM citations WHERE annotation_id = ?').pluck();
    const missing = tally.acknowledged.filter(
      (id) => citations.get(Number(/^Annotation:(\d+)$/.exec(Buffer.from(id, 'base64url').toString())?.[1])) !== 2,
    );
    db.close();

    // The first fifth is warm-up (JIT, page cache, pools); then the first and last quarters of the rest.
    const warm = samples.slice(Math.floor(samples.length / 5));
    const quarter = Math.max(1, Math.floor(warm.length / 4));
    const first = warm.slice(0, quarter);
    const last = warm.slice(-quarter);
    return {
      minutes,
      requests: {
        reads: tally.reads,
        writes: tally.writes,
        readsPerSecond: readRun.requests.average,
        writesPerSecond: writeRun.requests.average,
      },
      errors: tally.errors + readRun.errors + writeRun.errors + readRun.timeouts + writeRun.timeouts,
      firstError: tally.firstError,
      acknowledgedWrites: tally.acknowledged.length,
      missingWrites: missing.length,
      memory: {
        rssEarlyMB: mean(first.map((s) => s.rssBytes)) / 1e6,
        rssLateMB: mean(last.map((s) => s.rssBytes)) / 1e6,
        rssPeakMB: Math.max(...samples.map((s) => s.rssBytes)) / 1e6,
        // The heap saws up and down with each collection: its floor is what stays alive.
        heapEarlyMB: Math.min(...first.map((s) => s.heapUsedBytes)) / 1e6,
        heapLateMB: Math.min(...last.map((s) => s.heapUsedBytes)) / 1e6,
        maxWriteQueueDepth: Math.max(...samples.map((s) => s.queueDepth)),
      },
      samples,
    };
  } finally {
    await stopProcess(service);
  }
}

export function printSoak(r) {
  const m = r.memory;
  const growth = (a, b) => `${a.toFixed(1)} -> ${b.toFixed(1)} MB (${(((b - a) / a) * 100).toFixed(1)}%)`;
  console.log(
    `soak: ${r.minutes} min, ${r.requests.reads} reads (${r.requests.readsPerSecond.toFixed(0)}/s), ${r.requests.writes} writes (${r.requests.writesPerSecond.toFixed(0)}/s)`,
  );
  console.log(
    `soak: errors ${r.errors}${r.firstError ? ` (first: ${r.firstError})` : ''}; acknowledged writes ${r.acknowledgedWrites}, missing or partial ${r.missingWrites}`,
  );
  console.log(`soak: RSS early -> late ${growth(m.rssEarlyMB, m.rssLateMB)}, peak ${m.rssPeakMB.toFixed(1)} MB`);
  console.log(
    `soak: V8 heap floor (lowest sample) ${growth(m.heapEarlyMB, m.heapLateMB)}; write queue depth at most ${m.maxWriteQueueDepth}`,
  );
  console.log(
    `soak: ${r.errors === 0 && r.missingWrites === 0 ? 'PASS' : 'FAIL'} (errors and missing writes must be 0)`,
  );
}
