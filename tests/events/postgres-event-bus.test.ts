import { randomUUID } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, LoggedEvent } from '../../src/events/change-events';
import { EventLog } from '../../src/events/event-log';
import { PostgresEventBus } from '../../src/events/postgres-event-bus';
import { eventChannel, openPostgresDatabase } from '../../src/db/postgres';
import type { Database } from '../../src/db/database';
import type { Logger } from '../../src/logger';
import { createTestDatabase } from '../helpers/test-app';

/** The suite's PostgreSQL pass sets it (.ci/run); without it these tests skip. */
const DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || '';
const DELIVERY_TIMEOUT_MS = 10_000;
const RECONNECT_TIMEOUT_MS = 10_000;

const verdict = (articleId: number, claimId: number): ChangeEvent => ({
  type: 'claimVerdictChanged',
  articleId,
  claimId,
});

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function recordingLogger(warnings: string[]): Logger {
  const ignore = (): void => undefined;
  return { info: ignore, debug: ignore, error: ignore, warn: (message) => warnings.push(message) };
}

/** A database of its own (a schema) and its schema's name. */
async function database(): Promise<{ db: Database; schema: string }> {
  const db = await createTestDatabase();
  cleanups.push(() => db.close());
  return { db, schema: db.env.DATABASE_SCHEMA };
}

/** Another replica over the same schema: its own pool, writes and bus. */
async function replicaOf(schema: string): Promise<Database> {
  const db = await openPostgresDatabase({ url: DATABASE_URL, poolSize: 2, schema, migrate: false });
  cleanups.push(() => db.close());
  return db;
}

/** A bus of its own over a schema's log, named so a test can find its listening connection. */
async function namedBus(
  db: Database,
  schema: string,
  options: { connectionString?: string; healthCheck?: { intervalMs: number; timeoutMs: number }; pollMs?: number } = {},
): Promise<{ bus: PostgresEventBus; warnings: string[]; applicationName: string }> {
  const warnings: string[] = [];
  const applicationName = `factline-bus-test-${randomUUID().slice(0, 8)}`;
  const bus = await PostgresEventBus.connect({
    connectionString: options.connectionString ?? DATABASE_URL,
    channel: eventChannel(schema),
    log: new EventLog(db.reader),
    applicationName,
    logger: recordingLogger(warnings),
    ...(options.healthCheck ? { healthCheck: options.healthCheck } : {}),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  cleanups.push(() => bus.close());
  return { bus, warnings, applicationName };
}

/** Commits `events` in one write of `db`. */
function commit(db: Database, events: ChangeEvent[]): Promise<void> {
  return db.writes.run(async (_manager, outbox) => {
    outbox.push(...events);
  });
}

const shape = (event: LoggedEvent) => ({ type: event.type, articleId: event.articleId, claimId: event.claimId });

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

describe.runIf(DATABASE_URL)('PostgresEventBus over the event log', () => {
  it("delivers one replica's commits to another's subscribers of their type and article only, each once", async () => {
    const { db: first, schema } = await database();
    const second = await replicaOf(schema);
    const onFive = second.events.subscribe({ types: ['claimVerdictChanged'], articleId: 5 });
    const everywhere = second.events.subscribe({ types: ['claimVerdictChanged'], articleId: null });
    const own = first.events.subscribe({ types: ['claimVerdictChanged'], articleId: 5 });
    await commit(first, [verdict(5, 1), verdict(6, 2)]);
    await commit(second, [verdict(5, 3)]);

    expect((await receive(onFive, 2)).map(shape)).toEqual([verdict(5, 1), verdict(5, 3)].map(shapeOf));
    expect((await receive(everywhere, 3)).map(shape)).toEqual(
      [verdict(5, 1), verdict(6, 2), verdict(5, 3)].map(shapeOf),
    );
    expect((await receive(own, 2)).map(shape)).toEqual([verdict(5, 1), verdict(5, 3)].map(shapeOf));
    // Nothing more: each event once.
    await commit(first, [verdict(5, 4)]);
    expect((await receive(own, 1)).map(shape)).toEqual([shapeOf(verdict(5, 4))]);
  });

  it('logs and delivers the events of a write that commits, never those of one that rolls back', async () => {
    const { db } = await database();
    const iterator = db.events.subscribe({ types: ['claimVerdictChanged'], articleId: 7 });
    await expect(
      db.writes.run(async (_manager, outbox) => {
        outbox.push(verdict(7, 1));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await commit(db, [verdict(7, 2)]);
    expect((await receive(iterator, 1)).map(shape)).toEqual([shapeOf(verdict(7, 2))]);
    expect((await db.eventLog.after(0)).map(shape)).toEqual([shapeOf(verdict(7, 2))]);
  });

  it('gives ids in commit order: concurrent writers on two replicas, every event heard once, in id order', async () => {
    const { db: first, schema } = await database();
    const second = await replicaOf(schema);
    const iterator = second.events.subscribe({ types: ['claimVerdictChanged'], articleId: null });
    const writes = Array.from({ length: 60 }, (_, i) =>
      commit(i % 2 === 0 ? first : second, [verdict(1, i), verdict(2, i)]),
    );
    await Promise.all(writes);
    const heard = await receive(iterator, 120);
    const logged = await first.eventLog.after(0);
    expect(heard.map((event) => event.eventId)).toEqual(logged.map((event) => event.eventId));
    const ids = heard.map((event) => event.eventId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The two events of one write are adjacent: appends do not interleave.
    for (let i = 0; i < heard.length; i += 2) expect(heard[i].claimId).toBe(heard[i + 1].claimId);
  });

  it('loses nothing committed while its listening connection is down: it reads the log once it listens again', async () => {
    const { db, schema } = await database();
    const { bus, warnings, applicationName } = await namedBus(db, schema, { pollMs: 60_000 });
    const admin = await client();
    const iterator = bus.subscribe({ types: ['claimVerdictChanged'], articleId: 5 });
    const [killed] = await listenerPids(admin, applicationName);
    expect(killed).toBeTypeOf('number');

    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    // Committed at once, most likely before the bus listens again: its NOTIFY reaches no one.
    await commit(db, [verdict(5, 1)]);
    await commit(db, [verdict(5, 2)]);
    const pids = await waitFor(
      () => listenerPids(admin, applicationName),
      (found) => found.length === 1 && found[0] !== killed,
    );
    expect(pids).toHaveLength(1);
    expect((await receive(iterator, 2)).map(shape)).toEqual([verdict(5, 1), verdict(5, 2)].map(shapeOf));
    await commit(db, [verdict(5, 3)]);
    expect((await receive(iterator, 1)).map(shape)).toEqual([shapeOf(verdict(5, 3))]);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('replaces a listening connection that goes silent, found by its health check, and delivers what committed meanwhile', async () => {
    const { db, schema } = await database();
    const proxy = await freezableProxy();
    const { bus, warnings } = await namedBus(db, schema, {
      connectionString: proxy.url,
      healthCheck: { intervalMs: 100, timeoutMs: 300 },
      pollMs: 60_000,
    });
    const iterator = bus.subscribe({ types: ['annotationPublished'], articleId: 9 });
    const published = (id: number): ChangeEvent => ({ type: 'annotationPublished', articleId: 9, annotationId: id });
    await commit(db, [published(1)]);
    expect((await receive(iterator, 1)).map((event) => event.annotationId)).toEqual([1]);

    proxy.freeze();
    await commit(db, [published(2)]);
    await waitFor(
      async () => warnings,
      (seen) => seen.includes('The change-event listener connection stopped answering; reconnecting'),
    );
    await commit(db, [published(3)]);
    expect((await receive(iterator, 2)).map((event) => event.annotationId)).toEqual([2, 3]);
  });

  it('closing ends open subscriptions and leaves no connection open', async () => {
    const { db, schema } = await database();
    const { bus, applicationName } = await namedBus(db, schema);
    const admin = await client();
    const iterator = bus.subscribe({ types: ['claimVerdictChanged'], articleId: 8 });
    const pending = iterator.next();
    expect(await connectionCount(admin, applicationName)).toBeGreaterThan(0);

    await bus.close();

    expect(await pending).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount).toBe(0);
    expect(() => bus.publish([])).not.toThrow();
    expect(await bus.subscribe({ types: ['claimVerdictChanged'], articleId: 8 }).next()).toEqual({
      value: undefined,
      done: true,
    });
    expect(
      await waitFor(
        () => connectionCount(admin, applicationName),
        (count) => count === 0,
      ),
    ).toBe(0);
  });

  it('refuses a channel LISTEN and pg_notify would not agree on, and fails to connect without leaving connections', async () => {
    const { db } = await database();
    const log = new EventLog(db.reader);
    await expect(
      PostgresEventBus.connect({ connectionString: DATABASE_URL, channel: 'x'.repeat(64), log }),
    ).rejects.toThrow(/channel/);
    await expect(PostgresEventBus.connect({ connectionString: DATABASE_URL, channel: '', log })).rejects.toThrow(
      /channel/,
    );
    await expect(
      PostgresEventBus.connect({
        connectionString: 'postgres://postgres@127.0.0.1:1/test',
        channel: 'unreachable',
        log,
      }),
    ).rejects.toThrow();
  });
});

function shapeOf(event: ChangeEvent) {
  return { type: event.type, articleId: event.articleId, claimId: event.claimId ?? null };
}
