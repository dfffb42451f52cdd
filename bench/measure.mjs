// Measuring for run.mjs: one load run against a target (bench/load.mjs pinned to its own core,
// the server's CPU time sampled around the measured phase), medians over rounds, the table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, fetchMetrics, median, pinned, runToEnd } from './support.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
export const SERVER_CPU = 0;
export const LOAD_CPU = 1;

/**
 * Loads `target` with `bodies` cycled over `config.connections` connections. `extra.headers` go
 * with every request; `extra.ack` ({ field, file }) makes load.mjs record the acknowledged ids.
 */
export async function load(target, bodies, config, specFile, extra = {}) {
  fs.writeFileSync(
    specFile,
    JSON.stringify({
      url: target.url,
      bodies,
      connections: config.connections,
      duration: config.duration,
      warmup: config.warmup,
      ...extra,
    }),
  );
  const loadBefore = os.loadavg()[0];
  let cpuAtStart = null;
  let statementsAtStart = Promise.resolve(null);
  const out = await runToEnd(pinned(LOAD_CPU, [process.execPath, path.join(BENCH, 'load.mjs'), specFile]), {
    cwd: path.resolve(BENCH, '..'),
    onLine: (line) => {
      if (!line.includes('"phase":"measure"')) return;
      cpuAtStart = cpuSeconds(target.pid);
      statementsAtStart = statementsSoFar(target);
    },
  });
  const cpuAtEnd = cpuSeconds(target.pid);
  const [startStatements, endStatements] = [await statementsAtStart, await statementsSoFar(target)];
  const result = JSON.parse(out.trim().split('\n').at(-1));
  const cpu = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart;
  const statements = startStatements === null || endStatements === null ? null : endStatements - startStatements;
  // Below ~95 % the server was not the bottleneck for the whole run: other processes took its
  // core, or the load generator could not keep up. req/CPU-s is the contention-proof figure.
  return {
    ...result,
    serverCpuSeconds: cpu,
    serverCpuPercent: cpu === null ? null : (100 * cpu) / result.duration,
    requestsPerCpuSecond: cpu ? result.requestsTotal / cpu : null,
    // Requests in flight at either edge of the phase blur this by a few in thousands.
    statementsPerRequest: statements === null ? null : statements / result.requestsTotal,
    peakRssMb: peakRssMb(target.pid),
    loadAverageBefore: loadBefore,
  };
}

/** SQL statements the target has run so far, from its /metrics (both servers expose them), or null. */
async function statementsSoFar(target) {
  try {
    const text = await (await fetchMetrics(new URL('/metrics', target.url))).text();
    const counts = [...text.matchAll(/^factline_sql_(?:read|write)_statements_total (\d+)$/gm)].map((match) =>
      Number(match[1]),
    );
    return counts.length ? counts.reduce((x, y) => x + y, 0) : null;
  } catch {
    return null;
  }
}

/** The process's peak resident memory so far (Linux), in MB. */
function peakRssMb(pid) {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** One line per load run, as it finishes. */
export function roundLine(name, target, round, rounds, r) {
  const problems = r.errors + r.timeouts + r.non2xx;
  return (
    `${name} ${target.padEnd(7)} round ${round}/${rounds}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
    `server CPU ${r.serverCpuPercent?.toFixed(0) ?? '-'} %` +
    (problems ? `  WARNING errors=${r.errors} timeouts=${r.timeouts} non2xx=${r.non2xx}` : '')
  );
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
    statementsPerRequest: runs.every((r) => r.statementsPerRequest !== null)
      ? pick((r) => r.statementsPerRequest)
      : null,
    peakRssMb: runs.every((r) => r.peakRssMb !== null) ? Math.max(...runs.map((r) => r.peakRssMb)) : null,
    runs: runs.length,
  };
}

/** Medians per target and the graphql/raw ratios. */
export function summary(runs) {
  const s = { raw: summarise(runs.raw), graphql: summarise(runs.graphql) };
  s.ratio = {
    requestsPerSecond: s.graphql.requestsPerSecond / s.raw.requestsPerSecond,
    p99: s.graphql.p99 / s.raw.p99,
    requestsPerCpuSecond: s.raw.requestsPerCpuSecond
      ? s.graphql.requestsPerCpuSecond / s.raw.requestsPerCpuSecond
      : null,
  };
  return s;
}

export function printTable(results) {
  const rows = [
    ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU %', 'req/CPU-s', 'SQL/req', 'peak RSS MB'],
  ];
  const fixed = (value, digits) => (value === null ? '-' : value.toFixed(digits));
  const ratios = [];
  for (const [name, r] of Object.entries(results)) {
    if (r.failed) {
      ratios.push(`${name}: FAILED: ${r.failed.split('\n')[0]}`);
      continue;
    }
    // In-process micro-benchmarks print their own lines.
    if (!r.summary) continue;
    for (const target of ['raw', 'graphql']) {
      const s = r.summary[target];
      rows.push([
        name,
        target,
        fixed(s.requestsPerSecond, 0),
        fixed(s.p50, 1),
        fixed(s.p99, 1),
        fixed(s.serverCpuPercent, 0),
        fixed(s.requestsPerCpuSecond, 0),
        fixed(s.statementsPerRequest ?? null, 1),
        fixed(s.peakRssMb ?? null, 0),
      ]);
    }
    const ratio = r.summary.ratio;
    ratios.push(
      `${name}: graphql/raw  req/s ${fixed(ratio.requestsPerSecond, 3)}  p99 ${fixed(ratio.p99, 2)}x  req/CPU-s ${fixed(ratio.requestsPerCpuSecond, 3)}`,
    );
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows)
    console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  for (const line of ratios) console.log(line);
}
