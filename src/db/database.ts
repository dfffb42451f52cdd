import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { type EventBus, LocalEventBus } from '../events/change-events';
import { EventLog } from '../events/event-log';
import { registerSearchFunctions } from '../modules/search/word-pairs';
import { ENTITIES } from './entities';
import { type SqlReader, SqliteReader } from './sql-reader';
import { WriteQueue, type Writes } from './write-queue';

/**
 * The service's database.
 *
 * SQLite (the default): a write connection whose transactions go through one FIFO queue, and
 * a separate read connection on the same file (WAL shows it the last committed state, never a
 * write transaction in progress). See the README, "Why SQLite through better-sqlite3".
 * PostgreSQL (DATABASE_URL, src/db/postgres.ts): one pool; reads and concurrent SERIALIZABLE
 * write transactions share it, and `write` and `read` are the same DataSource.
 */
export interface Database {
  readonly dialect: 'sqlite' | 'postgres';
  /** Write side: use only inside `writes.run`. */
  readonly write: DataSource;
  /** Read side, TypeORM (query builders). */
  readonly read: DataSource;
  /** Read side, raw rows with prepared statements: the hot read path. */
  readonly reader: SqlReader;
  readonly writes: Writes;
  /** Committed changes, for live subscriptions: in-process on SQLite, LISTEN/NOTIFY on PostgreSQL. */
  readonly events: EventBus;
  /** The durable event log the writes append to: subscribers resume from it, webhooks deliver from it. */
  readonly eventLog: EventLog;
  /**
   * A number that moves with every commit, read without I/O: what a response cache keys its
   * freshness on. Null where no such number exists (PostgreSQL: other replicas commit too).
   */
  readonly dataVersion: (() => number) | null;
  /** SQL statements executed since opening, per connection (the read side counts through `reader`). */
  statements(): { read: number; write: number };
  close(): Promise<void>;
}

export interface SqliteOptions {
  /** File path of the database; its folder is created. */
  path: string;
  /** Run pending migrations before opening the read connection (default true). */
  migrate?: boolean;
}

/**
 * mkdir -p one level at a time: Node's recursive mkdirSync spins forever on some paths that
 * cannot exist (under /proc), where this fails at once with ENOENT.
 */
export function makeFolder(folder: string): void {
  if (fs.existsSync(folder)) return;
  makeFolder(path.dirname(folder));
  fs.mkdirSync(folder);
}

/** The read connection's page cache, in KiB (a ceiling: pages are held only once read). */
const READ_CACHE_KIB = 64 * 1024;

function applyPragmas(connection: BetterSqlite3.Database): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
}

/** A DataSource over the SQLite file; `synchronize` is never on: the schema comes from migrations. */
export function sqliteDataSource(file: string, role: 'write' | 'read', onStatement?: () => void): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    timeout: 5000,
    // better-sqlite3 calls this for every statement it executes (with the SQL, unused here).
    ...(onStatement ? { verbose: onStatement } : {}),
    prepareDatabase: (connection: BetterSqlite3.Database) => {
      applyPragmas(connection);
      registerSearchFunctions(connection);
      if (role === 'read') {
        // The read connection can never write, whatever code runs on it.
        connection.pragma('query_only = ON');
        // Its page cache holds the hot b-tree and full-text index pages every request reads
        // (claim matching's probes walk many doclists of the claims index); SQLite's default is 2 MB.
        connection.pragma(`cache_size = -${READ_CACHE_KIB}`);
      }
    },
  });
}

export function nativeConnection(dataSource: DataSource): BetterSqlite3.Database {
  return (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
}

export async function openSqliteDatabase(options: SqliteOptions): Promise<Database> {
  const file = path.resolve(options.path);
  makeFolder(path.dirname(file));
  // Writes are counted at the driver (TypeORM issues them); reads by the SqlReader.
  let writeStatements = 0;
  const write = sqliteDataSource(file, 'write', () => {
    writeStatements += 1;
  });
  await write.initialize();
  try {
    if (options.migrate !== false) await write.runMigrations({ transaction: 'each' });
    const read = sqliteDataSource(file, 'read');
    await read.initialize();
    const events = new LocalEventBus();
    const writes = new WriteQueue(write, events);
    const reader = new SqliteReader(nativeConnection(read));
    return {
      dialect: 'sqlite',
      write,
      read,
      reader,
      writes,
      events,
      eventLog: new EventLog(reader),
      dataVersion: () => reader.dataVersion(),
      statements: () => ({ read: reader.statementCount, write: writeStatements }),
      async close() {
        await writes.drain();
        events.close();
        await read.destroy();
        await write.destroy();
      },
    };
  } catch (error) {
    await write.destroy();
    throw error;
  }
}

/** True when the database holds migrations not yet applied (readiness, drift checks). */
export async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
