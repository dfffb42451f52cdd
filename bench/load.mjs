// Load generator, run as its own process (run.mjs pins it to another core than the server) so
// the client never competes with the server being measured.
//
// Usage: node bench/load.mjs <spec.json>
//   spec: { url, bodies: string[], headers?, connections, duration, warmup, ack? }  (durations in seconds)
//   ack: { field, file }: for mutations. Every response is read: the ids the server acknowledged
//   (data.<field>.id), warm-up included, go to `file` as a JSON array, so run.mjs can check that
//   each of them is in the database afterwards.
// Prints one JSON object on stdout: { requestsPerSecond, latency: { p50, p90, p99, max, mean }, ... }
import fs from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

/** Per phase: ids acknowledged, responses that were 2xx without the id (GraphQL errors), first such body. */
function newTally() {
  return { ids: [], failed: 0, firstFailure: null };
}

function run(duration, tally) {
  const onResponse = spec.ack
    ? (status, body) => {
        let id;
        try {
          id = JSON.parse(body)?.data?.[spec.ack.field]?.id;
        } catch {
          id = undefined;
        }
        if (status >= 200 && status < 300 && typeof id === 'string') tally.ids.push(id);
        else {
          tally.failed += 1;
          tally.firstFailure ??= `HTTP ${status}: ${String(body).slice(0, 300)}`;
        }
      }
    : undefined;
  return autocannon({
    url: spec.url,
    connections: spec.connections,
    duration,
    // One prebuilt request per body, cycled by every connection: the rows read vary from
    // request to request (no single hot row) and building requests costs nothing while timing.
    requests: spec.bodies.map((body) => ({
      method: 'POST',
      path: new URL(spec.url).pathname,
      headers: { 'content-type': 'application/json', ...spec.headers },
      body,
      ...(onResponse ? { onResponse } : {}),
    })),
  });
}

/** What a mutation run needs to account for every write: sent, answered, acknowledged. */
function accounting(result, tally) {
  return {
    sent: result.requests.sent,
    answered: result.requests.total,
    ok2xx: result['2xx'],
    acknowledged: tally.ids.length,
    failed: tally.failed,
    firstFailure: tally.firstFailure,
  };
}

const warmupTally = newTally();
const measureTally = newTally();
// Warm-up: JIT, SQLite page cache and server caches settle before anything is recorded.
const warm = spec.warmup > 0 ? await run(spec.warmup, warmupTally) : null;
// Tells run.mjs the measured phase starts (it samples the server's CPU time here).
process.stdout.write('{"phase":"measure"}\n');
const result = await run(spec.duration, measureTally);
if (spec.ack) fs.writeFileSync(spec.ack.file, JSON.stringify([...warmupTally.ids, ...measureTally.ids]));
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    duration: result.duration,
    throughputBytesPerSecond: result.throughput.average,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...(spec.ack
      ? { writes: { warmup: warm ? accounting(warm, warmupTally) : null, measure: accounting(result, measureTally) } }
      : {}),
  })}\n`,
);
