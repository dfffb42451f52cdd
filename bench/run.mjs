// Benchmark harness: the GraphQL service against a raw node:http + SQLite baseline answering
// the same operations with the same JSON, on the same generated dataset.
//
//   npm run bench                    all scenarios, full size (2000 articles, 3 x 10 s per target)
//   npm run bench -- --quick         200 articles, 3 s, 1 round: a smoke test
//   npm run bench -- article         only the named scenarios
//   options: --rounds N --duration S --warmup S --connections N
//
// The servers run pinned to core 0 and the load generator (bench/load.mjs) to core 1, so the
// client never steals CPU from the server measured. Only one server is loaded at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DEFAULTS, generateDataset } from './generate-dataset.mjs';
import { canPin, cpuSeconds, freePort, jsonDiff, median, pinned, postGraphql, runToEnd, short, startProcess, stopAll, waitReady } from './support.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const DATA = path.join(BENCH, '.data');
const RESULTS = path.join(BENCH, 'results');
const SERVER_CPU = 0;
const LOAD_CPU = 1;

const ARTICLE_QUERY = `query BenchArticle($slug: String!) {
  article(slug: $slug) {
    id slug headline standfirst authors section language publishedAt
    claims {
      id quote claimant verdict
      selector { exact prefix suffix start end }
      annotations {
        id verdict summary body version publishedAt
        rating { value best worst label }
        author { name }
        citations { stance excerpt source { id url title publisher kind publishedAt } }
      }
    }
  }
}`;

/**
 * Scenarios: each names the operation bodies the load generator cycles through and the samples
 * both targets must answer identically before timing. A scenario that writes (e.g. a
 * createAnnotation mutation against a raw INSERT) should add `mutates: true` and have the
 * harness give each target its own copy of the dataset; none does yet.
 */
const SCENARIOS = [
  {
    name: 'article',
    description: 'article(slug): claims, fact-checks, ratings, authors, citations, sources',
    // 200 different articles spread over the dataset, so no single row stays hot.
    bodies: (ctx) => ctx.slugs.map((slug) => JSON.stringify({ query: ARTICLE_QUERY, variables: { slug } })),
    samples: (ctx) => [
      ...ctx.slugs.filter((_, i) => i % Math.ceil(ctx.slugs.length / 8) === 0).map((slug) => ({ query: ARTICLE_QUERY, variables: { slug } })),
      { query: ARTICLE_QUERY, variables: { slug: ctx.allSlugs.at(-1) } },
      ...ctx.withHiddenAnnotations.map((slug) => ({ query: ARTICLE_QUERY, variables: { slug } })),
      ...[ctx.hiddenSlugs[0], 'bench-no-such-article'].filter(Boolean).map((slug) => ({ query: ARTICLE_QUERY, variables: { slug }, absent: true })),
    ],
    // Both servers answering null would prove nothing: published articles must be found, and
    // drafts and unknown slugs must not.
    expectFound: (sample, data) => (sample.absent ? data?.article === null : data?.article?.slug === sample.variables.slug),
  },
];

function parseArgs(argv) {
  const options = { quick: false, names: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (/^--(rounds|duration|warmup|connections)$/.test(arg)) options[arg.slice(2)] = Number(argv[++i]);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.names.push(arg);
  }
  const base = options.quick
    ? { dataset: { articles: 200 }, rounds: 1, duration: 3, warmup: 1, connections: 10 }
    : { dataset: {}, rounds: 3, duration: 10, warmup: 2, connections: 10 };
  for (const key of ['rounds', 'duration', 'warmup', 'connections']) if (options[key] !== undefined) base[key] = options[key];
  const unknown = options.names.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const scenarios = options.names.length ? SCENARIOS.filter((s) => options.names.includes(s.name)) : SCENARIOS;
  return { ...base, quick: options.quick, scenarios };
}

/** Every published slug in id order, 200 of them evenly spaced for the load rotation, and the unpublished ones. */
function readSlugs(file) {
  const db = new Database(file, { readonly: true });
  try {
    const allSlugs = db.prepare("SELECT slug FROM articles WHERE status = 'PUBLISHED' ORDER BY id").pluck().all();
    const step = Math.max(1, Math.floor(allSlugs.length / 200));
    const hiddenSlugs = db.prepare("SELECT slug FROM articles WHERE status <> 'PUBLISHED' ORDER BY id").pluck().all();
    // Published articles with a retracted or draft fact-check, which must stay hidden.
    const withHiddenAnnotations = db
      .prepare("SELECT DISTINCT a.slug FROM articles a JOIN claims c ON c.article_id = a.id JOIN annotations n ON n.claim_id = c.id WHERE a.status = 'PUBLISHED' AND n.status <> 'PUBLISHED' ORDER BY a.id LIMIT 2")
      .pluck()
      .all();
    return { allSlugs, hiddenSlugs, withHiddenAnnotations, slugs: allSlugs.filter((_, i) => i % step === 0).slice(0, 200) };
  } finally {
    db.close();
  }
}

/** Both targets must return the same JSON (after parsing) for every sample; abort with a diff otherwise. */
async function checkEquivalence(scenario, ctx, targets) {
  for (const sample of scenario.samples(ctx)) {
    const [raw, graphql] = await Promise.all([postGraphql(targets.raw.url, sample.query, sample.variables), postGraphql(targets.graphql.url, sample.query, sample.variables)]);
    const label = `${scenario.name} ${JSON.stringify(sample.variables)}`;
    for (const [name, r] of [['raw', raw], ['graphql', graphql]]) {
      if (r.status !== 200) throw new Error(`${label}: ${name} answered HTTP ${r.status}: ${short(r.text, 500)}`);
    }
    const expected = JSON.parse(raw.text);
    const actual = JSON.parse(graphql.text);
    const diff = jsonDiff(expected, actual, 10_000);
    if (diff.length) {
      // Grouped by field (array indexes folded): one wrong date format is one line, not hundreds.
      const groups = new Map();
      for (const d of diff) {
        const field = d.path.replace(/\[\d+\]/g, '[*]');
        groups.set(field, [...(groups.get(field) ?? []), d]);
      }
      const lines = [...groups].map(([field, list]) => `  ${field}: ${list.length} difference(s), e.g. at ${list[0].path}\n    raw:     ${short(list[0].raw)}\n    graphql: ${short(list[0].graphql)}`);
      const more = lines.length > 12 ? `\n  ... and ${lines.length - 12} more field(s)` : '';
      throw new Error(`${label}: responses differ (a field differing at every index of a list usually means a different order):\n${lines.slice(0, 12).join('\n')}${more}`);
    }
    if (!scenario.expectFound(sample, actual.data)) throw new Error(`${label}: both servers answered ${short(actual, 200)}: expected ${sample.absent ? 'null' : 'the article'}`);
    // Deep-equal but serialised differently means the field order differs from the query's.
    if (JSON.stringify(expected) !== JSON.stringify(actual)) console.warn(`warning: ${label}: same values, different field order`);
  }
}

async function load(target, bodies, config, specFile) {
  fs.writeFileSync(specFile, JSON.stringify({ url: target.url, bodies, connections: config.connections, duration: config.duration, warmup: config.warmup }));
  const loadBefore = os.loadavg()[0];
  let cpuAtStart = null;
  const out = await runToEnd(pinned(LOAD_CPU, [process.execPath, path.join(BENCH, 'load.mjs'), specFile]), {
    cwd: ROOT,
    onLine: (line) => {
      if (line.includes('"phase":"measure"')) cpuAtStart = cpuSeconds(target.pid);
    },
  });
  const cpuAtEnd = cpuSeconds(target.pid);
  const result = JSON.parse(out.trim().split('\n').at(-1));
  const cpu = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart;
  // Below ~95 % the server was not the bottleneck for the whole run: other processes took its
  // core, or the load generator could not keep up. req/CPU-s is the contention-proof figure.
  return { ...result, serverCpuSeconds: cpu, serverCpuPercent: cpu === null ? null : (100 * cpu) / result.duration, requestsPerCpuSecond: cpu ? result.requestsTotal / cpu : null, loadAverageBefore: loadBefore };
}

function summarise(runs) {
  const pick = (f) => median(runs.map(f));
  const cpu = runs.every((r) => r.requestsPerCpuSecond !== null);
  return {
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    p50: pick((r) => r.latency.p50),
    p99: pick((r) => r.latency.p99),
    serverCpuPercent: cpu ? pick((r) => r.serverCpuPercent) : null,
    requestsPerCpuSecond: cpu ? pick((r) => r.requestsPerCpuSecond) : null,
    runs: runs.length,
  };
}

function printTable(results) {
  const rows = [['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU %', 'req/CPU-s']];
  const fixed = (value, digits) => (value === null ? '-' : value.toFixed(digits));
  const ratios = [];
  for (const [name, r] of Object.entries(results)) {
    for (const target of ['raw', 'graphql']) {
      const s = r.summary[target];
      rows.push([name, target, fixed(s.requestsPerSecond, 0), fixed(s.p50, 1), fixed(s.p99, 1), fixed(s.serverCpuPercent, 0), fixed(s.requestsPerCpuSecond, 0)]);
    }
    const ratio = r.summary.ratio;
    ratios.push(`${name}: graphql/raw  req/s ${fixed(ratio.requestsPerSecond, 3)}  p99 ${fixed(ratio.p99, 2)}x  req/CPU-s ${fixed(ratio.requestsPerCpuSecond, 3)}`);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  for (const line of ratios) console.log(line);
}

async function main() {
  const config = parseArgs(process.argv.slice(2));
  // BENCH_SERVICE_ENTRY: another entry script to measure (e.g. a stand-in while testing the harness).
  const entry = path.resolve(ROOT, process.env.BENCH_SERVICE_ENTRY ?? path.join('dist', 'src', 'main.js'));
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" (npm run bench does).`);
  if (!canPin) console.warn('warning: taskset unavailable: servers and load generator are not pinned to separate cores');
  else if (os.cpus().length < 2) console.warn('warning: one CPU: server and load generator share it');
  fs.mkdirSync(DATA, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });

  const params = { ...DEFAULTS, ...config.dataset };
  const cached = path.join(DATA, `dataset-${Object.values(params).join('-')}.db`);
  const dataset = await generateDataset(cached, params);
  if (dataset.reused) console.log(`dataset: reused ${path.relative(ROOT, cached)}`);
  // The servers get a fresh copy: the service switches the file to WAL and may write to it;
  // the cached original stays pristine for the next run.
  const work = path.join(DATA, 'work.db');
  for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(cached, work);
  const ctx = readSlugs(work);

  // The service first: it opens the file read-write (WAL, migrations check) before the raw
  // server opens it read-only.
  const graphqlPort = await freePort();
  const service = startProcess('service', pinned(SERVER_CPU, [process.execPath, entry]), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(graphqlPort), HOST: '127.0.0.1', DATABASE_PATH: work, SEED_DEMO: '0', NODE_ENV: 'production' },
    logFile: path.join(DATA, 'service.log'),
  });
  const targets = { graphql: { url: `http://127.0.0.1:${graphqlPort}/graphql`, pid: service.child.pid } };
  await waitReady(service, targets.graphql.url);
  const rawPort = await freePort();
  const raw = startProcess('raw-server', pinned(SERVER_CPU, [process.execPath, path.join(BENCH, 'raw-server.mjs'), work, String(rawPort)]), {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    logFile: path.join(DATA, 'raw-server.log'),
  });
  targets.raw = { url: `http://127.0.0.1:${rawPort}/graphql`, pid: raw.child.pid };
  await waitReady(raw, targets.raw.url);

  const results = {};
  for (const scenario of config.scenarios) {
    await checkEquivalence(scenario, ctx, targets);
    console.log(`${scenario.name}: raw and graphql responses identical on ${scenario.samples(ctx).length} samples`);
    const bodies = scenario.bodies(ctx);
    const runs = { raw: [], graphql: [] };
    // Alternating targets round by round spreads any drift (thermal, page cache) over both.
    for (let round = 1; round <= config.rounds; round += 1) {
      for (const target of ['raw', 'graphql']) {
        const r = await load(targets[target], bodies, config, path.join(DATA, 'load-spec.json'));
        runs[target].push(r);
        const problems = r.errors + r.timeouts + r.non2xx;
        console.log(
          `${scenario.name} ${target.padEnd(7)} round ${round}/${config.rounds}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
            `server CPU ${r.serverCpuPercent?.toFixed(0) ?? '-'} %` +
            (problems ? `  WARNING errors=${r.errors} timeouts=${r.timeouts} non2xx=${r.non2xx}` : ''),
        );
      }
    }
    const summary = { raw: summarise(runs.raw), graphql: summarise(runs.graphql) };
    summary.ratio = {
      requestsPerSecond: summary.graphql.requestsPerSecond / summary.raw.requestsPerSecond,
      p99: summary.graphql.p99 / summary.raw.p99,
      requestsPerCpuSecond: summary.raw.requestsPerCpuSecond ? summary.graphql.requestsPerCpuSecond / summary.raw.requestsPerCpuSecond : null,
    };
    results[scenario.name] = { description: scenario.description, summary, runs };
  }

  console.log('');
  printTable(results);
  const timestamp = new Date().toISOString();
  const report = {
    timestamp,
    quick: config.quick,
    config: { rounds: config.rounds, duration: config.duration, warmup: config.warmup, connections: config.connections, pinned: canPin ? { servers: SERVER_CPU, load: LOAD_CPU } : null },
    machine: { cpu: os.cpus()[0]?.model, cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}`, memoryBytes: os.totalmem() },
    dataset: { params, counts: dataset.counts, rotation: ctx.slugs.length },
    scenarios: results,
  };
  const file = path.join(RESULTS, `${timestamp.replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(ROOT, file)} (and bench/results/latest.json)`);
}

let exitCode = 0;
const interrupt = () => stopAll().then(() => process.exit(130));
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);
try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${error.message}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
