import pg from 'pg';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger } from 'typeorm';
import { POSTGRES_MIGRATIONS } from '../../migrations';
import type { ChangeEvent } from '../events/change-events';
import { PostgresEventBus } from '../events/postgres-event-bus';
import { appendToLog, EventLog } from '../events/event-log';
import type { Logger } from '../logger';
import type { Database } from './database';
import { ENTITIES } from './entities';
import { quoteIdentifier } from './identifiers';

export { quoteIdentifier };
import type { SqlReader } from './sql-reader';
import type { Statement } from './statements';
import type { WriteOptions, Writes } from './write-queue';

/*
 * Values as the SQLite side gives them, so rows read with raw SQL look the same on both:
 * counts (bigint) and sums (numeric) as numbers, `timestamp` columns as UTC ISO text (the
 * service stores UTC; Dates sent as parameters are sent as UTC too). Process-wide: this
 * service is the only user of pg in its process.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => `${value.replace(' ', 'T')}Z`);
pg.defaults.parseInputDatesAsUTC = true;

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections in the pool (reads and writes share it). */
  poolSize: number;
  /** Schema the tables live in (default `public`); tests give each file its own. */
  schema?: string;
  /** Run pending migrations on open (default true; deployments run `npm run migrate` once). */
  migrate?: boolean;
}

export function postgresDataSource(options: PostgresOptions, onStatement?: () => void): DataSource {
  const schema = options.schema ?? 'public';
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: ENTITIES,
    migrations: POSTGRES_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize,
    applicationName: 'factline',
    // Raw SQL names tables without a schema: the connection's search path supplies it. UTC
    // sessions: column defaults (now()) write UTC, as parameters do, whatever the server's zone.
    // A starved pool fails a request after 10 s rather than holding it forever.
    extra: { options: `-c search_path=${quoteIdentifier(schema)} -c TimeZone=UTC`, connectionTimeoutMillis: 10_000 },
    ...(onStatement ? { logger: countingLogger(onStatement), logging: true } : { logging: false }),
  });
}

/** A TypeORM logger that only counts the statements it is told of (the write side's count). */
function countingLogger(onStatement: () => void): TypeOrmLogger {
  const ignore = () => {};
  return {
    logQuery: onStatement,
    logQueryError: ignore,
    logQuerySlow: ignore,
    logSchemaBuild: ignore,
    logMigration: ignore,
    log: ignore,
  };
}

/** The pool TypeORM opened, for the raw read path. */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/**
 * Reads on PostgreSQL: each statement's PostgreSQL text (src/db/statements.ts), as named
 * prepared statements (each connection parses and plans a text once). Every read is one round
 * trip, so loaders batching keys into one statement matters more here than on SQLite.
 */
export class PostgresReader implements SqlReader {
  readonly dialect = 'postgres';
  statementCount = 0;
  private readonly names = new Map<string, string>();

  /** `prefix` names its prepared statements: readers sharing a pool need their own. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly prefix = 'factline',
  ) {}

  async rows<P, Row>(statement: Statement<P, Row>, params: P): Promise<Row[]> {
    this.statementCount += 1;
    const text = statement.compiled('postgres').sql;
    const result = await this.pool.query({ name: this.nameOf(text), text, values: statement.bind('postgres', params) });
    return result.rows as Row[];
  }

  async row<P, Row>(statement: Statement<P, Row>, params: P): Promise<Row | undefined> {
    return (await this.rows(statement, params))[0];
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (!name) this.names.set(text, (name = `${this.prefix}_${this.names.size + 1}`));
    return name;
  }
}

/** PostgreSQL's codes for a transaction that lost a race and may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** A PostgreSQL serialization failure or deadlock: the transaction may be run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string }; code?: string } | null)?.driverError?.code ??
    (error as { code?: string } | null)?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Enough for 200 concurrent writes to one claim (tests/concurrency); past it the mutation fails
 * as an internal error, having changed nothing.
 */
const MAX_ATTEMPTS = 40;

/**
 * Write transactions on PostgreSQL: real, concurrent transactions from the pool, at
 * SERIALIZABLE isolation, so every check-then-write a mutation makes (the last ADMIN, a
 * version, a unique slug) holds as it does behind SQLite's one-at-a-time queue. A transaction
 * that loses a race (serialization failure, deadlock) is run again from the start, a few
 * times: `work` must only touch the database and its outbox, which is what every mutation does.
 *
 * Events are appended to the log inside the transaction, which also sends a NOTIFY: PostgreSQL
 * delivers it on commit only, waking every replica's bus, this one's included, to read the log
 * (src/events/postgres-event-bus.ts).
 */
export class PostgresWrites implements Writes {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    /** The LISTEN/NOTIFY channel the commit of an event wakes; also the key of the lock that orders appends. */
    private readonly channel: string,
  ) {}

  run<T>(work: (manager: EntityManager, outbox: ChangeEvent[]) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const result = this.attempt(work, 1, options.once ? 1 : MAX_ATTEMPTS);
    const tracked = result.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(tracked);
    void tracked.then(() => this.running.delete(tracked));
    return result;
  }

  get depth(): number {
    return this.running.size;
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private async attempt<T>(
    work: (manager: EntityManager, outbox: ChangeEvent[]) => Promise<T>,
    attempt: number,
    maxAttempts: number,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction('SERIALIZABLE', async (manager) => {
        const outbox: ChangeEvent[] = [];
        const value = await work(manager, outbox);
        if (outbox.length > 0) await appendToLog(manager, outbox, this.channel);
        return value;
      });
    } catch (error) {
      if (isRetryableConflict(error) && attempt < maxAttempts) {
        // A growing, jittered pause (up to 250 ms) so the transactions that collided do not collide again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 2 ** attempt)));
        return this.attempt(work, attempt + 1, maxAttempts);
      }
      throw error;
    }
  }
}

/**
 * Runs pending migrations holding a session advisory lock, so replicas that start together
 * migrate one after the other: the first applies them, the others find nothing pending.
 */
export async function migrateOnce(dataSource: DataSource, schema: string): Promise<void> {
  const client = await poolOf(dataSource).connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`factline_migrations_${schema}`]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`factline_migrations_${schema}`]);
    }
  } finally {
    client.release();
  }
}

/** The LISTEN/NOTIFY channel of a schema: replicas over one schema share it, tests do not. */
export function eventChannel(schema: string): string {
  return `factline_events_${schema}`;
}

/** Opens the service's database on PostgreSQL; pending migrations run first unless `migrate` is false. */
export async function openPostgresDatabase(options: PostgresOptions, logger?: Logger): Promise<Database> {
  let writeStatements = 0;
  const dataSource = postgresDataSource(options, () => {
    writeStatements += 1;
  });
  await dataSource.initialize();
  try {
    if (options.migrate !== false) await migrateOnce(dataSource, options.schema ?? 'public');
    const channel = eventChannel(options.schema ?? 'public');
    const reader = new PostgresReader(poolOf(dataSource));
    const eventLog = new EventLog(reader);
    // The bus reads the log in the background: through a reader of its own, so its reads are
    // not counted as the requests' statements.
    const busLog = new EventLog(new PostgresReader(poolOf(dataSource), 'factline_bus'));
    const events = await PostgresEventBus.connect({ connectionString: options.url, channel, log: busLog, logger });
    const writes = new PostgresWrites(dataSource, channel);
    return {
      dialect: 'postgres',
      write: dataSource,
      read: dataSource,
      reader,
      writes,
      events,
      eventLog,
      dataVersion: null,
      // The TypeORM logger counts every statement on the pool, reads through query builders too.
      statements: () => ({ read: reader.statementCount, write: writeStatements }),
      async close() {
        await writes.drain();
        await events.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
