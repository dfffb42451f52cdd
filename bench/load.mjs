// Load generator, run as its own process (run.mjs pins it to another core than the server) so
// the client never competes with the server being measured.
//
// Usage: node bench/load.mjs <spec.json>
//   spec: { url, bodies: string[], connections, duration, warmup }  (durations in seconds)
// Prints one JSON object on stdout: { requestsPerSecond, latency: { p50, p90, p99, max, mean }, ... }
import fs from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

function run(duration) {
  return autocannon({
    url: spec.url,
    connections: spec.connections,
    duration,
    // One prebuilt request per body, cycled by every connection: the rows read vary from
    // request to request (no single hot row) and building requests costs nothing while timing.
    requests: spec.bodies.map((body) => ({ method: 'POST', path: new URL(spec.url).pathname, headers: { 'content-type': 'application/json' }, body })),
  });
}

// Warm-up: JIT, SQLite page cache and server caches settle before anything is recorded.
if (spec.warmup > 0) await run(spec.warmup);
// Tells run.mjs the measured phase starts (it samples the server's CPU time here).
process.stdout.write('{"phase":"measure"}\n');
const result = await run(spec.duration);
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    duration: result.duration,
    throughputBytesPerSecond: result.throughput.average,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  })}\n`,
);
