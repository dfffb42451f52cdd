// Benchmark harness: the GraphQL service against a raw node:http + SQLite baseline answering
// the same operations with the same JSON, on the same generated dataset.
//
//   npm run bench                    all scenarios, full size (2000 articles, 3 x 10 s per target)
//   npm run bench -- --quick         200 articles, 3 s, 1 round: a smoke test
//   npm run bench -- article         only the named scenarios (article, articleList, createAnnotation, reanchor)
//   npm run bench -- search          search latency on 1M claims (bench/search.mjs): only when named
//   npm run bench -- matching        claim matching latency on the same 1M claims (bench/matching.mjs): only when named
//   npm run bench -- soak --minutes N  mixed reads and writes for N minutes (bench/soak.mjs): only when named
//   npm run bench -- webhooks        webhook deliveries/s and commit-to-delivery lag (bench/webhooks.mjs): only when named
//   npm run bench -- scale           the article query and list pages at 2,000 and 100,000 articles, and
//                                    time to ready: only when named (the large dataset takes ~25 min, ~20 GB)
//   npm run bench -- --postgres      the article query and createAnnotation on PostgreSQL (DATABASE_URL
//                                    postgres://postgres@127.0.0.1:5432/test, or BENCH_DATABASE_URL), against
//                                    bench/raw-pg-server.mjs; the dataset is loaded into bench_* schemas once
//   options: --rounds N --duration S --warmup S --connections N
//
// The servers run pinned to core 0 and the load generator (bench/load.mjs) to core 1, so the
// client never steals CPU from the server measured. Only one server is loaded at a time.
//
// Scenarios (bench/scenarios/*.mjs): { name, description, prepare(env) -> ctx, bodies(ctx),
// headers?(ctx), check(ctx, targets) -> message }. Read-only ones share one copy of the dataset
// and one pair of servers. One with `mutates: true` also has copies(ctx, round) -> files,
// `ackField` and verify(ctx, target, file, result) -> message: each round, both servers start
// on fresh identical copies, and each copy is checked after its load, server stopped.
//
// With --postgres the scenarios of bench/scenarios/postgres.mjs run instead: the same operations
// and checks, the dataset copied into PostgreSQL schemas (bench/postgres.mjs), a target's `file`
// its schema. Their results are named `<scenario> (postgres)`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS, generateDataset } from './generate-dataset.mjs';
import { LOAD_CPU, load, printTable, roundLine, SERVER_CPU, summary } from './measure.mjs';
import { articleCachedScenario, articleScenario } from './scenarios/article.mjs';
import { articleListDeepScenario, articleListFirstScenario, articleListScenario } from './scenarios/article-list.mjs';
import { createAnnotationScenario } from './scenarios/create-annotation.mjs';
import { articlePostgresScenario, createAnnotationPostgresScenario } from './scenarios/postgres.mjs';
import { preparePostgres } from './postgres.mjs';
import { printReanchor, runReanchorBench } from './reanchor.mjs';
import { printMatching, runMatchingBench } from './matching.mjs';
import { printSearch, runSearchBench } from './search.mjs';
import { printSoak, runSoakBench } from './soak.mjs';
import { printWebhooks, runWebhooksBench } from './webhooks.mjs';
import { canPin, freePort, METRICS_TOKEN, pinned, startProcess, stopAll, stopProcess, waitReady } from './support.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const DATA = path.join(BENCH, '.data');
const RESULTS = path.join(BENCH, 'results');

const SCENARIOS = [articleScenario, articleListScenario, articleCachedScenario, createAnnotationScenario];
/** With --postgres: these, and nothing else. */
const POSTGRES_SCENARIOS = [articlePostgresScenario, createAnnotationPostgresScenario];
/** Benchmarks that run and print themselves (reanchor: pure code against a naive baseline). */
const MICRO = {
  reanchor: { run: runReanchorBench, print: printReanchor },
  search: { run: runSearchBench, print: printSearch },
  matching: { run: runMatchingBench, print: printMatching },
  webhooks: { run: runWebhooksBench, print: printWebhooks },
};
/** Minutes long (a million-claim corpus, a soak): run only when named, never by default. */
const OPT_IN = ['search', 'matching', 'soak', 'scale', 'webhooks'];
/** The reads issue #8 wants flat at scale: within 1.5x of their figures at 2,000 articles. */
const SCALE_SCENARIOS = [articleScenario, articleListFirstScenario, articleListDeepScenario];
const SCALE_ARTICLES = 100_000;
const SCALE_TARGETS = { slowdown: 1.5, readyMs: 2000 };

function parseArgs(argv) {
  const options = { quick: false, postgres: false, names: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--postgres') options.postgres = true;
    else if (/^--(rounds|duration|warmup|connections|minutes)$/.test(arg)) options[arg.slice(2)] = Number(argv[++i]);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.names.push(arg);
  }
  const base = options.quick
    ? { dataset: { articles: 200 }, rounds: 1, duration: 3, warmup: 1, connections: 10 }
    : { dataset: {}, rounds: 3, duration: 10, warmup: 2, connections: 10 };
  for (const key of ['rounds', 'duration', 'warmup', 'connections'])
    if (options[key] !== undefined) base[key] = options[key];
  const known = [...SCENARIOS.map((s) => s.name), ...Object.keys(MICRO), 'soak', 'scale'];
  const unknown = options.names.filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${known.join(', ')}`);
  if (options.postgres) {
    const supported = POSTGRES_SCENARIOS.map((s) => s.name);
    const refused = options.names.filter((name) => !supported.includes(name));
    if (refused.length) throw new Error(`--postgres runs ${supported.join(' and ')} only, not ${refused.join(', ')}`);
    const scenarios = options.names.length
      ? POSTGRES_SCENARIOS.filter((s) => options.names.includes(s.name))
      : POSTGRES_SCENARIOS;
    return { ...base, quick: options.quick, postgres: true, scenarios, micro: [], soak: null, scale: null };
  }
  const scenarios = options.names.length ? SCENARIOS.filter((s) => options.names.includes(s.name)) : SCENARIOS;
  const micro = Object.keys(MICRO).filter((name) =>
    options.names.length ? options.names.includes(name) : !OPT_IN.includes(name),
  );
  const soak = options.names.includes('soak') ? { minutes: options.minutes ?? (options.quick ? 1 : 5) } : null;
  // --quick: the same comparison at a tenth of each size, to try the harness.
  const scale = options.names.includes('scale')
    ? { sizes: options.quick ? [200, 2_000] : [DEFAULTS.articles, SCALE_ARTICLES] }
    : null;
  return { ...base, quick: options.quick, postgres: false, scenarios, micro, soak, scale };
}

/** process.env without the database settings: each target is told its database explicitly. */
function baseEnv() {
  const env = { ...process.env, METRICS_TOKEN };
  for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_PATH']) delete env[name];
  return env;
}

/**
 * Starts the service on `files.graphql`, then the raw server on `files.raw` (read-write when
 * `write`). The service first: it opens its file read-write (WAL, migrations check) before the
 * raw server may open the same file read-only. With `postgres` ({ url }), `files` are schemas
 * and the raw server is raw-pg-server.mjs.
 */
async function startTargets(entry, files, { write, tag, serviceEnv = {}, postgres = null }) {
  const targets = {};
  const graphqlPort = await freePort();
  const started = performance.now();
  const database = postgres
    ? { DATABASE_URL: postgres.url, DATABASE_SCHEMA: files.graphql }
    : { DATABASE_PATH: files.graphql };
  const service = startProcess('service', pinned(SERVER_CPU, [process.execPath, entry]), {
    cwd: ROOT,
    // Production mode, without the per-client rate limits (one load generator is every client)
    // and the per-request log lines (LOG_LEVEL=warn: the raw baseline writes none either).
    // Uncached (RESPONSE_CACHE_MB=0) unless the scenario is about the cache (serviceEnv).
    env: {
      ...baseEnv(),
      PORT: String(graphqlPort),
      HOST: '127.0.0.1',
      ...database,
      SEED_DEMO: '0',
      NODE_ENV: 'production',
      RATE_LIMIT_MUTATIONS: '0',
      RATE_LIMIT_EXPENSIVE: '0',
      LOG_LEVEL: 'warn',
      RESPONSE_CACHE_MB: '0',
      ...serviceEnv,
    },
    logFile: path.join(DATA, `service${tag}.log`),
  });
  targets.graphql = {
    url: `http://127.0.0.1:${graphqlPort}/graphql`,
    pid: service.child.pid,
    proc: service,
    file: files.graphql,
  };
  try {
    await waitReady(service, targets.graphql.url);
    targets.graphql.readyMs = performance.now() - started;
    const rawPort = await freePort();
    const flags = write ? ['--write'] : [];
    const raw = postgres
      ? startProcess(
          'raw-pg-server',
          pinned(SERVER_CPU, [process.execPath, path.join(BENCH, 'raw-pg-server.mjs'), String(rawPort), ...flags]),
          {
            cwd: ROOT,
            // The service's pool size (DATABASE_POOL_SIZE, default 10) for both.
            env: { ...baseEnv(), NODE_ENV: 'production', DATABASE_URL: postgres.url, DATABASE_SCHEMA: files.raw },
            logFile: path.join(DATA, `raw-pg-server${tag}.log`),
          },
        )
      : startProcess(
          'raw-server',
          pinned(SERVER_CPU, [
            process.execPath,
            path.join(BENCH, 'raw-server.mjs'),
            files.raw,
            String(rawPort),
            ...flags,
          ]),
          {
            cwd: ROOT,
            env: { ...baseEnv(), NODE_ENV: 'production' },
            logFile: path.join(DATA, `raw-server${tag}.log`),
          },
        );
    targets.raw = { url: `http://127.0.0.1:${rawPort}/graphql`, pid: raw.child.pid, proc: raw, file: files.raw };
    await waitReady(raw, targets.raw.url);
    return targets;
  } catch (error) {
    await stopTargets(targets);
    throw error;
  }
}

async function stopTargets(targets) {
  await Promise.all(Object.values(targets ?? {}).map((t) => stopProcess(t.proc)));
}

async function runScenario(scenario, env, config) {
  const ctx = await scenario.prepare(env);
  const bodies = scenario.bodies(ctx);
  const extra = { headers: scenario.headers?.(ctx) ?? {} };
  const runs = { raw: [], graphql: [] };
  const checks = [];
  let targets = null;
  try {
    for (let round = 1; round <= config.rounds; round += 1) {
      if (scenario.mutates) {
        // Writes change the data: every round, each target starts on its own fresh copy.
        targets = await startTargets(env.entry, await scenario.copies(ctx, round), {
          write: true,
          tag: `-${scenario.name}`,
          postgres: env.postgres,
        });
      } else if (scenario.serviceEnv) {
        // Its own service (e.g. with the response cache on), against the same raw baseline.
        targets ??= await startTargets(
          env.entry,
          { graphql: env.work, raw: env.work },
          { write: false, tag: `-${scenario.name}`, serviceEnv: scenario.serviceEnv, postgres: env.postgres },
        );
      } else {
        targets = await env.sharedTargets();
      }
      if (scenario.mutates || round === 1) {
        const message = await scenario.check(ctx, targets);
        console.log(`${scenario.name}: ${message}`);
      }
      // Alternating targets round by round spreads any drift (thermal, page cache) over both.
      for (const target of ['raw', 'graphql']) {
        const ackFile = path.join(DATA, `acks-${target}.json`);
        const ack = scenario.mutates ? { ack: { field: scenario.ackField, file: ackFile } } : {};
        const r = await load(targets[target], bodies, config, path.join(DATA, 'load-spec.json'), { ...extra, ...ack });
        runs[target].push(r);
        console.log(roundLine(scenario.name, target, round, config.rounds, r));
        if (scenario.mutates) {
          // Stopped first: the service finishes the writes it has queued and closes the file.
          await stopProcess(targets[target].proc);
          const message = await scenario.verify(ctx, target, targets[target].file, { ...r, ackFile });
          console.log(message);
          checks.push(message);
        }
      }
      if (scenario.mutates) await stopTargets(targets);
    }
  } finally {
    if (scenario.mutates || scenario.serviceEnv) await stopTargets(targets);
  }
  return {
    description: scenario.description,
    summary: summary(runs),
    ...(checks.length ? { dataChecks: checks } : {}),
    runs,
  };
}

/**
 * Issue #8, targets 5 and 6: the article query and the first and deepest list pages on the
 * default dataset and on one 50x larger, each against the raw baseline on the same file, and
 * how soon the service answers after it starts on each.
 */
async function runScale(config, entry) {
  const { sizes } = config.scale;
  const bySize = {};
  for (const articles of sizes) {
    const params = { ...DEFAULTS, articles };
    const cached = path.join(DATA, `dataset-${Object.values(params).join('-')}.db`);
    const dataset = await generateDataset(cached, params);
    // Read-only scenarios: both servers on the cached file itself (a 20 GB copy proves nothing more).
    let shared = null;
    const env = {
      DATA,
      cached,
      work: cached,
      entry,
      sharedTargets: async () =>
        (shared ??= await startTargets(
          entry,
          { graphql: cached, raw: cached },
          { write: false, tag: `-scale-${articles}` },
        )),
    };
    try {
      const { graphql } = await env.sharedTargets();
      console.log(
        `scale: ${articles} articles: the service answered ${graphql.readyMs.toFixed(0)} ms after it was started`,
      );
      const results = {};
      for (const scenario of SCALE_SCENARIOS) results[scenario.name] = await runScenario(scenario, env, config);
      bySize[articles] = { counts: dataset.counts, readyMs: graphql.readyMs, results };
    } finally {
      await stopTargets(shared);
    }
  }
  return { sizes, targets: SCALE_TARGETS, bySize };
}

function printScale(scale) {
  const [small, large] = scale.sizes;
  const rows = [
    [
      'scenario',
      `req/s at ${small}`,
      `req/s at ${large}`,
      'slowdown',
      `<= ${SCALE_TARGETS.slowdown}x`,
      `raw at ${small}`,
      `raw at ${large}`,
      'SQL/req',
      'peak RSS MB',
    ],
  ];
  for (const scenario of SCALE_SCENARIOS) {
    const [a, b] = [
      scale.bySize[small].results[scenario.name].summary,
      scale.bySize[large].results[scenario.name].summary,
    ];
    const slowdown = a.graphql.requestsPerSecond / b.graphql.requestsPerSecond;
    rows.push([
      scenario.name,
      a.graphql.requestsPerSecond.toFixed(0),
      b.graphql.requestsPerSecond.toFixed(0),
      `${slowdown.toFixed(2)}x`,
      slowdown <= SCALE_TARGETS.slowdown ? 'PASS' : 'FAIL',
      a.raw.requestsPerSecond.toFixed(0),
      b.raw.requestsPerSecond.toFixed(0),
      `${a.graphql.statementsPerRequest?.toFixed(1) ?? '-'} / ${b.graphql.statementsPerRequest?.toFixed(1) ?? '-'}`,
      (b.graphql.peakRssMb ?? 0).toFixed(0),
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(
    `\nscale: the service at ${small} and ${large} articles (median req/s of the rounds; raw baseline on the same files)`,
  );
  for (const row of rows)
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  for (const size of scale.sizes) {
    const ready = scale.bySize[size].readyMs;
    console.log(
      `ready: ${size} articles: ${ready.toFixed(0)} ms after start (target < ${SCALE_TARGETS.readyMs} ms): ${ready < SCALE_TARGETS.readyMs ? 'PASS' : 'FAIL'}`,
    );
  }
}

async function main() {
  const config = parseArgs(process.argv.slice(2));
  // BENCH_SERVICE_ENTRY: another entry script to measure (e.g. a stand-in while testing the harness).
  const entry = path.resolve(ROOT, process.env.BENCH_SERVICE_ENTRY ?? path.join('dist', 'src', 'main.js'));
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" (npm run bench does).`);
  if (!canPin)
    console.warn('warning: taskset unavailable: servers and load generator are not pinned to separate cores');
  else if (os.cpus().length < 2) console.warn('warning: one CPU: server and load generator share it');
  fs.mkdirSync(DATA, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });

  if (config.postgres)
    console.log(
      `postgres: ${config.scenarios.map((s) => s.name).join(' and ')} on PostgreSQL (the other scenarios and micro-benchmarks run on SQLite only: skipped)`,
    );
  const params = { ...DEFAULTS, ...config.dataset };
  const cached = path.join(DATA, `dataset-${Object.values(params).join('-')}.db`);
  // Self-contained benchmarks alone (e.g. `-- search`) need none of the shared dataset.
  const dataset = config.scenarios.length || config.soak ? await generateDataset(cached, params) : null;
  if (dataset?.reused) console.log(`dataset: reused ${path.relative(ROOT, cached)}`);
  // PostgreSQL: the dataset copied into its schemas once (later runs reset them), both servers
  // on the base schema for reads.
  const postgres = config.postgres ? await preparePostgres({ root: ROOT, sqliteFile: cached, params }) : null;
  if (postgres)
    console.log(
      `postgres: PostgreSQL ${postgres.server}; the database server is not pinned: it shares both cores with the servers and the load generator`,
    );
  // Read-only scenarios share a fresh copy: the service switches the file to WAL; the cached
  // original stays pristine for the next run (and for the copies of mutating scenarios).
  const work = postgres ? postgres.schemas.base : path.join(DATA, 'work.db');
  if (dataset && !postgres) {
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(cached, work);
  }
  let shared = null;
  const env = {
    DATA,
    cached,
    work,
    entry,
    postgres,
    sharedTargets: async () =>
      (shared ??= await startTargets(
        entry,
        { graphql: work, raw: work },
        { write: false, tag: postgres ? '-postgres' : '', postgres },
      )),
  };

  const results = {};
  const failures = [];
  if (config.scale) {
    results.scale = await runScale(config, entry);
    printScale(results.scale);
  }
  for (const name of config.micro) {
    results[name] = await MICRO[name].run({ quick: config.quick });
    MICRO[name].print(results[name]);
  }
  if (config.soak) {
    results.soak = await runSoakBench({ minutes: config.soak.minutes, env, root: ROOT });
    printSoak(results.soak);
    if (results.soak.errors > 0 || results.soak.missingWrites > 0) failures.push('soak');
  }
  for (const scenario of config.scenarios) {
    // Idle servers of read-only scenarios would only share the core with a mutating one's.
    if (scenario.mutates && shared) {
      await stopTargets(shared);
      shared = null;
    }
    const label = scenario.database ? `${scenario.name} (${scenario.database})` : scenario.name;
    try {
      results[label] = await runScenario(scenario, env, config);
    } catch (error) {
      console.error(`\n${label} FAILED: ${error.message}\n`);
      results[label] = { description: scenario.description, failed: error.message };
      failures.push(label);
    }
  }
  await stopTargets(shared);

  if (config.scenarios.length) {
    console.log('');
    printTable(results);
  }
  const timestamp = new Date().toISOString();
  const report = {
    timestamp,
    quick: config.quick,
    config: {
      rounds: config.rounds,
      duration: config.duration,
      warmup: config.warmup,
      connections: config.connections,
      pinned: canPin ? { servers: SERVER_CPU, load: LOAD_CPU } : null,
    },
    machine: {
      cpu: os.cpus()[0]?.model,
      cpus: os.cpus().length,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      memoryBytes: os.totalmem(),
    },
    dataset: dataset ? { params, counts: dataset.counts } : null,
    database: postgres
      ? { kind: 'postgres', server: postgres.server, schemas: postgres.schemas, rows: postgres.counts }
      : { kind: 'sqlite' },
    scenarios: results,
  };
  const file = path.join(RESULTS, `${timestamp.replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(ROOT, file)} (and bench/results/latest.json)`);
  if (failures.length) throw new Error(`scenario(s) failed: ${failures.join(', ')} (see above)`);
}

let exitCode = 0;
const interrupt = () => stopAll().then(() => process.exit(130));
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);
try {
  await main();
} catch (error) {
  // fetch and friends put the reason in `cause` ("fetch failed" alone says nothing).
  console.error(`\nbench failed: ${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ''}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
