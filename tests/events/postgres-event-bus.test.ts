import { randomUUID } from 'node:crypto';
import net from 'node:net';
import fc from 'fast-check';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/events/change-events';
import { notify } from '../../src/events/events.queries';
import { MAX_NOTIFY_PAYLOAD_BYTES, notifyStatements, PostgresEventBus } from '../../src/events/postgres-event-bus';
import type { Logger } from '../../src/logger';

/** The suite's PostgreSQL pass sets it (.ci/run); without it these tests skip. */
const DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || '';
const DELIVERY_TIMEOUT_MS = 1_000;
const RECONNECT_TIMEOUT_MS = 10_000;

const published = (articleId: number, annotationId: number): ChangeEvent => ({
  type: 'annotationPublished',
  articleId,
  annotationId,
});
const verdict = (articleId: number, claimId: number): ChangeEvent => ({
  type: 'claimVerdictChanged',
  articleId,
  claimId,
});

interface Replica {
  bus: PostgresEventBus;
  warnings: string[];
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A channel and connection name of this test alone; the quote and capitals check LISTEN's quoting. */
function uniqueNames(): { channel: string; applicationName: string } {
  const id = randomUUID().slice(0, 8);
  return { channel: `Factline "events" ${id}`, applicationName: `factline-bus-test-${id}` };
}

function recordingLogger(warnings: string[]): Logger {
  const ignore = (): void => undefined;
  return { info: ignore, debug: ignore, error: ignore, warn: (message) => warnings.push(message) };
}

async function replica(names: { channel: string; applicationName: string }): Promise<Replica> {
  const warnings: string[] = [];
  const bus = await PostgresEventBus.connect({
    connectionString: DATABASE_URL,
    ...names,
    logger: recordingLogger(warnings),
  });
  cleanups.push(() => bus.close());
  return { bus, warnings };
}

async function client(): Promise<pg.Client> {
  const connection = new pg.Client({ connectionString: DATABASE_URL });
  await connection.connect();
  cleanups.push(() => connection.end());
  return connection;
}

async function nextWithin<T>(iterator: AsyncIterator<T>, ms = DELIVERY_TIMEOUT_MS): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`nothing delivered within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function receive<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = await nextWithin(iterator);
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

async function receiveUntil<T>(iterator: AsyncIterator<T>, last: T): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const next = await nextWithin(iterator);
    if (next.done) return out;
    out.push(next.value);
    if (JSON.stringify(next.value) === JSON.stringify(last)) return out;
  }
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = RECONNECT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Backends of this bus that have finished their LISTEN (it commits when the statement ends):
 * idle after the LISTEN or after a health check's ping of the listening connection, which
 * replaces the LISTEN as the backend's last statement within one check interval.
 */
async function listenerPids(admin: pg.Client, applicationName: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND (query LIKE 'LISTEN%' OR query = 'SELECT 1') AND state = 'idle'",
    [applicationName],
  );
  return rows.map((row) => row.pid);
}

/**
 * A TCP proxy to PostgreSQL whose open connections can be frozen: bytes stop flowing both
 * ways and nothing closes, as when a NAT or firewall forgets a connection. Connections opened
 * after a freeze flow normally.
 */
async function freezableProxy(): Promise<{ url: string; freeze(): void }> {
  const target = new URL(DATABASE_URL);
  const pairs: [net.Socket, net.Socket][] = [];
  const server = net.createServer((downstream) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [downstream, upstream]) socket.on('error', () => undefined);
    downstream.pipe(upstream).pipe(downstream);
    pairs.push([downstream, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const pair of pairs) for (const socket of pair) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = new URL(DATABASE_URL);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    freeze() {
      for (const [downstream, upstream] of pairs.splice(0)) {
        downstream.unpipe(upstream);
        upstream.unpipe(downstream);
        downstream.pause();
        upstream.pause();
        // Still open, never read again; destroyed at cleanup.
        cleanups.push(async () => {
          downstream.destroy();
          upstream.destroy();
        });
      }
    },
  };
}

async function connectionCount(admin: pg.Client, applicationName: string): Promise<number> {
  const { rows } = await admin.query<{ count: string }>(
    'SELECT count(*) FROM pg_stat_activity WHERE application_name = $1',
    [applicationName],
  );
  return Number(rows[0].count);
}

describe('notifyStatements', () => {
  it('splits events into payloads under the NOTIFY limit that together read back as the events, in order', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('annotationPublished' as const), articleId: fc.nat(), annotationId: fc.nat() }),
      fc.record({ type: fc.constant('claimVerdictChanged' as const), articleId: fc.nat(), claimId: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 600 }), (events) => {
        const statements = notifyStatements('channel', events);
        for (const { sql, params } of statements) {
          expect(sql).toBe(notify.compiled('postgres').sql);
          expect(params[0]).toBe('channel');
          expect(Buffer.byteLength(params[1] as string)).toBeLessThanOrEqual(MAX_NOTIFY_PAYLOAD_BYTES);
        }
        expect(statements.flatMap(({ params }) => JSON.parse(params[1] as string) as ChangeEvent[])).toEqual(events);
      }),
      { numRuns: 50 },
    );
  });
});

describe.runIf(DATABASE_URL)('PostgresEventBus', () => {
  it("delivers one replica's events to another's subscribers of their type and article only", async () => {
    const names = uniqueNames();
    const a = await replica(names);
    const b = await replica(names);
    const annotations1 = b.bus.subscribe('annotationPublished', 1);
    const verdicts1 = b.bus.subscribe('claimVerdictChanged', 1);
    const annotations2 = b.bus.subscribe('annotationPublished', 2);

    a.bus.publish([published(1, 10), verdict(2, 5), verdict(1, 3), published(2, 11), published(1, 12)]);
    // A marker on every topic afterwards: had anything else reached a subscriber, it would come first.
    a.bus.publish([published(1, 99), verdict(1, 99), published(2, 99)]);

    expect(await receive(annotations1, 3)).toEqual([published(1, 10), published(1, 12), published(1, 99)]);
    expect(await receive(verdicts1, 2)).toEqual([verdict(1, 3), verdict(1, 99)]);
    expect(await receive(annotations2, 2)).toEqual([published(2, 11), published(2, 99)]);
    expect(a.warnings).toEqual([]);
    expect(b.warnings).toEqual([]);
  });

  it('delivers its own events to its local subscribers exactly once', async () => {
    const names = uniqueNames();
    const a = await replica(names);
    const b = await replica(names);
    const own = a.bus.subscribe('claimVerdictChanged', 4);
    const other = b.bus.subscribe('claimVerdictChanged', 4);
    a.bus.publish([verdict(4, 1)]);
    a.bus.publish([verdict(4, 2)]);
    // B has heard both, so both are committed; a marker sent now reaches A after them.
    expect(await receive(other, 2)).toEqual([verdict(4, 1), verdict(4, 2)]);
    b.bus.publish([verdict(4, 99)]);

    expect(await receiveUntil(own, verdict(4, 99))).toEqual([verdict(4, 1), verdict(4, 2), verdict(4, 99)]);
  });

  it('delivers a batch larger than one NOTIFY payload complete and in order', async () => {
    const names = uniqueNames();
    const a = await replica(names);
    const b = await replica(names);
    const events = Array.from({ length: 900 }, (_, i) => published(7, 1_000_000_000 + i));
    expect(notifyStatements(names.channel, events).length).toBeGreaterThan(1);
    const iterator = b.bus.subscribe('annotationPublished', 7);

    a.bus.publish(events);

    expect(await receive(iterator, events.length)).toEqual(events);
  });

  it('delivers events sent inside a transaction when it commits, and never when it rolls back', async () => {
    const names = uniqueNames();
    const { bus } = await replica(names);
    const writer = await client();
    const iterator = bus.subscribe('annotationPublished', 3);
    const send = async (events: ChangeEvent[]): Promise<void> => {
      for (const { sql, params } of notifyStatements(names.channel, events)) await writer.query(sql, params);
    };

    await writer.query('BEGIN');
    await send([published(3, 1)]);
    await writer.query('ROLLBACK');
    await writer.query('BEGIN');
    await send([published(3, 2)]);
    // Published after the open transaction's event, it still arrives first: that one waits for COMMIT.
    bus.publish([published(3, 3)]);
    expect(await receive(iterator, 1)).toEqual([published(3, 3)]);
    await writer.query('COMMIT');

    // The rolled-back event, sent first, would have come before these.
    expect(await receive(iterator, 1)).toEqual([published(3, 2)]);
    bus.publish([published(3, 4)]);
    expect(await receive(iterator, 1)).toEqual([published(3, 4)]);
  });

  it('listens again after its connection is killed, keeping its subscriptions', async () => {
    const names = uniqueNames();
    const { bus, warnings } = await replica(names);
    const admin = await client();
    const iterator = bus.subscribe('claimVerdictChanged', 5);
    const [killed] = await listenerPids(admin, names.applicationName);
    expect(killed).toBeTypeOf('number');

    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    const pids = await waitFor(
      () => listenerPids(admin, names.applicationName),
      (found) => found.length === 1 && found[0] !== killed,
    );
    expect(pids).toHaveLength(1);
    expect(pids[0]).not.toBe(killed);

    bus.publish([verdict(5, 1)]);
    expect(await receive(iterator, 1)).toEqual([verdict(5, 1)]);
    expect(bus.subscriberCount).toBe(1);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('replaces a listening connection that goes silent, found by its health check', async () => {
    const names = uniqueNames();
    const proxy = await freezableProxy();
    const warnings: string[] = [];
    const bus = await PostgresEventBus.connect({
      connectionString: proxy.url,
      ...names,
      logger: recordingLogger(warnings),
      healthCheck: { intervalMs: 100, timeoutMs: 300 },
    });
    cleanups.push(() => bus.close());
    const sender = await replica({ ...names, applicationName: `${names.applicationName}-sender` });
    const iterator = bus.subscribe('annotationPublished', 9);
    sender.bus.publish([published(9, 1)]);
    expect(await receive(iterator, 1)).toEqual([published(9, 1)]);

    proxy.freeze();
    await waitFor(
      async () => warnings,
      (seen) => seen.includes('The change-event listener connection stopped answering; reconnecting'),
    );
    // Listening again on a new connection, the frozen one still open on the server's side (an
    // event sent between the freeze and the new LISTEN is lost: live updates are best effort).
    const admin = await client();
    expect(
      await waitFor(
        () => listenerPids(admin, names.applicationName),
        (pids) => pids.length === 2,
      ),
    ).toHaveLength(2);
    sender.bus.publish([published(9, 2)]);
    expect((await receiveUntil(iterator, published(9, 2))).at(-1)).toEqual(published(9, 2));
  });

  it('ignores payloads that are not its events, with a warning, and keeps delivering', async () => {
    const names = uniqueNames();
    const { bus, warnings } = await replica(names);
    const admin = await client();
    const iterator = bus.subscribe('annotationPublished', 6);
    const garbage = [
      '',
      'not json',
      '{"type":"annotationPublished","articleId":6,"annotationId":1}',
      '[{"type":"unknown","articleId":6}]',
      '[{"type":"annotationPublished","articleId":"6","annotationId":1}]',
    ];
    for (const payload of garbage) await admin.query('SELECT pg_notify($1, $2)', [names.channel, payload]);

    bus.publish([published(6, 2)]);

    expect(await receive(iterator, 1)).toEqual([published(6, 2)]);
    expect(warnings).toHaveLength(garbage.length);
  });

  it('closing ends open subscriptions and leaves no connection open', async () => {
    const names = uniqueNames();
    const { bus } = await replica(names);
    const admin = await client();
    const iterator = bus.subscribe('claimVerdictChanged', 8);
    bus.publish([verdict(8, 1)]);
    expect(await receive(iterator, 1)).toEqual([verdict(8, 1)]);
    const pending = iterator.next();
    expect(await connectionCount(admin, names.applicationName)).toBeGreaterThan(0);

    await bus.close();

    expect(await pending).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount).toBe(0);
    expect(() => bus.publish([verdict(8, 2)])).not.toThrow();
    expect(await bus.subscribe('claimVerdictChanged', 8).next()).toEqual({ value: undefined, done: true });
    expect(
      await waitFor(
        () => connectionCount(admin, names.applicationName),
        (count) => count === 0,
      ),
    ).toBe(0);
  });

  it('refuses a channel LISTEN and pg_notify would not agree on, and fails to connect without leaving connections', async () => {
    await expect(PostgresEventBus.connect({ connectionString: DATABASE_URL, channel: 'x'.repeat(64) })).rejects.toThrow(
      /channel/,
    );
    await expect(PostgresEventBus.connect({ connectionString: DATABASE_URL, channel: '' })).rejects.toThrow(/channel/);
    await expect(
      PostgresEventBus.connect({ connectionString: 'postgres://postgres@127.0.0.1:1/test', channel: 'unreachable' }),
    ).rejects.toThrow();
  });
});
