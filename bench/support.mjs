// Plumbing for run.mjs: child processes pinned to cores, readiness, GraphQL POSTs, JSON diffs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** `taskset` pins the server and the load generator to different cores; without it (or one core) they share. */
export const canPin = spawnSync('taskset', ['--version']).status === 0;

/** The services run in production, where /metrics needs a token: the bench scrapes with this one. */
export const METRICS_TOKEN = 'bench-scrape';

/** GET /metrics of a server the bench started (the raw baselines ignore the token). */
export function fetchMetrics(url) {
  return fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
}

/** argv prefixed with `taskset -c <cpu>` when pinning is possible. */
export function pinned(cpu, argv) {
  return canPin ? ['taskset', '-c', String(cpu), ...argv] : argv;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function postGraphql(url, query, variables, headers = {}) {
  // A connection per request, not fetch's pool: after a pause longer than the server's
  // keep-alive timeout (a slow prepare on a 20 GB dataset), a pooled socket the server has just
  // closed fails the next request ("fetch failed").
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const children = new Set();

/** Starts a long-lived server process whose output goes to `logFile`; stopped by stopAll. */
export function startProcess(name, argv, { cwd, env, logFile }) {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const proc = { name, child, logFile, exited: null };
  child.on('exit', (code, signal) => {
    proc.exited = { code, signal };
    children.delete(proc);
  });
  children.add(proc);
  return proc;
}

export function logTail(proc, lines = 30) {
  try {
    return fs.readFileSync(proc.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls POST { __typename } until it answers 200: the service is up, migrated and serving. */
export async function waitReady(proc, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exited)
      throw new Error(
        `${proc.name} exited (${JSON.stringify(proc.exited)}) before it was ready. Log ${proc.logFile}:\n${logTail(proc)}`,
      );
    try {
      if ((await postGraphql(url, '{ __typename }')).status === 200) return;
    } catch {
      // Not listening yet.
    }
    // Often: the scale bench times how soon the service is ready.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${proc.name} not ready after ${timeoutMs / 1000} s. Log ${proc.logFile}:\n${logTail(proc)}`);
}

/**
 * Stops one process this harness started, by pid: SIGTERM (servers finish what they have in
 * flight and close the database), SIGKILL after 5 s. Resolves with how it exited.
 */
export function stopProcess(proc) {
  return new Promise((resolve) => {
    if (proc.exited) return resolve(proc.exited);
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), 5000);
    proc.child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
    proc.child.kill('SIGTERM');
  });
}

/** Stops every process this harness started (only those). */
export async function stopAll() {
  await Promise.all([...children].map(stopProcess));
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc; null where unavailable.
 * Requests per server CPU-second stays meaningful when other work on the machine steals the
 * server's core, which req/s alone does not.
 */
export function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Runs a short-lived process to completion, returning stdout (throws with stderr on failure); `onLine` sees stdout lines as they come. */
export function runToEnd(argv, { cwd, onLine = () => {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      const start = out.lastIndexOf('\n') + 1;
      out += d;
      for (const line of out.slice(start).split('\n').slice(0, -1)) onLine(line);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${argv.join(' ')} exited ${code}:\n${err}`)),
    );
  });
}

/** Paths where two parsed JSON values differ, with both values (first `limit` only). */
export function jsonDiff(expected, actual, limit = 15, at = '$', out = []) {
  if (out.length >= limit) return out;
  const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(expected) !== kind(actual)) {
    out.push({ path: at, raw: expected, graphql: actual });
  } else if (kind(expected) === 'array') {
    if (expected.length !== actual.length)
      out.push({ path: `${at}.length`, raw: expected.length, graphql: actual.length });
    for (let i = 0; i < Math.min(expected.length, actual.length); i += 1)
      jsonDiff(expected[i], actual[i], limit, `${at}[${i}]`, out);
  } else if (kind(expected) === 'object') {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      if (!(key in actual)) out.push({ path: `${at}.${key}`, raw: expected[key], graphql: '(missing)' });
      else if (!(key in expected)) out.push({ path: `${at}.${key}`, raw: '(missing)', graphql: actual[key] });
      else jsonDiff(expected[key], actual[key], limit, `${at}.${key}`, out);
    }
  } else if (expected !== actual) {
    out.push({ path: at, raw: expected, graphql: actual });
  }
  return out.slice(0, limit);
}

/**
 * Throws with the differences between two parsed JSON values, grouped by field (array indexes
 * folded): one wrong date format is one line, not hundreds. A field differing at every index
 * of a list usually means a different order.
 */
export function assertSameJson(label, expected, actual) {
  const diff = jsonDiff(expected, actual, 10_000);
  if (!diff.length) return;
  const groups = new Map();
  for (const d of diff) {
    const field = d.path.replace(/\[\d+\]/g, '[*]');
    groups.set(field, [...(groups.get(field) ?? []), d]);
  }
  const lines = [...groups].map(
    ([field, list]) =>
      `  ${field}: ${list.length} difference(s), e.g. at ${list[0].path}\n    raw:     ${short(list[0].raw)}\n    graphql: ${short(list[0].graphql)}`,
  );
  const more = lines.length > 12 ? `\n  ... and ${lines.length - 12} more field(s)` : '';
  throw new Error(
    `${label}: responses differ (a field differing at every index of a list usually means a different order):\n${lines.slice(0, 12).join('\n')}${more}`,
  );
}

export const short = (value, max = 100) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}...` : text;
};

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
