import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphQLFormattedError } from 'graphql';
import pg from 'pg';
import { type Database, openSqliteDatabase } from '../../src/db/database';
import { quoteIdentifier } from '../../src/db/identifiers';
import { openPostgresDatabase } from '../../src/db/postgres';
import { contextFor, createServices } from '../../src/app/services';
import { ANONYMOUS, type Viewer } from '../../src/modules/auth/viewer';
import { AuthService } from '../../src/modules/auth/auth.service';
import { UserService } from '../../src/modules/user/user.service';
import type { Role } from '../../src/modules/user/user.entity';
import { buildAppSchema } from '../../src/app/schema';
import { createHttpApp, type HttpApp, type HttpAppConfig } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import type { Logger } from '../../src/logger';
import { DatasetService } from '../../src/modules/dataset/dataset.service';
import { readDemoDataset } from '../../src/modules/dataset/demo-dataset';
import type { Dataset } from '../../src/modules/dataset/dataset.types';

/**
 * The database the suite runs on: SQLite by default; PostgreSQL when TEST_DATABASE_URL is set
 * (.ci/run runs the suite both ways). Tests of one dialect's own machinery skip on the other.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;
export const onPostgres = TEST_DATABASE_URL !== null;

let schemas = 0;

/**
 * A fresh database, migrated: on SQLite a file in its own temporary folder; on PostgreSQL a
 * schema of its own (dropped on close), so test files and tests can run in parallel.
 */
/** A test database: `dir` is a temporary folder for the test's files; `env` points a CLI at the database. */
export type TestDatabase = Database & { dir: string; file: string; env: Record<string, string> };

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_URL) return createPostgresTestDatabase(TEST_DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-test-'));
  const file = path.join(dir, 'test.db');
  const db = await openSqliteDatabase({ path: file });
  const closeDatabase = db.close.bind(db);
  return Object.assign(db, {
    dir,
    file,
    env: { DATABASE_PATH: file },
    async close() {
      await closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

async function createPostgresTestDatabase(url: string): Promise<TestDatabase> {
  schemas += 1;
  const schema = `test_${process.pid}_${schemas}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgresDatabase({ url, poolSize: 4, schema });
  const closeDatabase = db.close.bind(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-test-'));
  return Object.assign(db, {
    dir,
    // No file: tests that need one are SQLite's own.
    file: '',
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    async close() {
      await closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
      } finally {
        await dropper.end();
      }
    },
  });
}

export interface GraphQLResult<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: GraphQLFormattedError[];
}

/** What the server logged: `entries` holds the errors, so tests can check what reaches the logs; `all` every line. */
export class MemoryLogger implements Logger {
  readonly entries: { message: string; details: Record<string, unknown> }[] = [];
  readonly all: { level: string; message: string; details: Record<string, unknown> }[] = [];
  error(message: string, details: Record<string, unknown> = {}): void {
    this.entries.push({ message, details });
    this.all.push({ level: 'error', message, details });
  }
  warn(message: string, details: Record<string, unknown> = {}): void {
    this.all.push({ level: 'warn', message, details });
  }
  info(message: string, details: Record<string, unknown> = {}): void {
    this.all.push({ level: 'info', message, details });
  }
  debug(message: string, details: Record<string, unknown> = {}): void {
    this.all.push({ level: 'debug', message, details });
  }
}

export interface TestServer {
  url: string;
  graphqlUrl: string;
  db: TestDatabase;
  app: HttpApp;
  logger: MemoryLogger;
  /** POSTs a GraphQL operation over real HTTP, with a bearer token when given. */
  gql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResult<Data>>;
  /** Creates a user with `role` and returns a token for it. */
  signIn(role: Role, name?: string): Promise<SignedIn>;
  close(): Promise<void>;
}

export interface SignedIn {
  token: string;
  userId: number;
  viewer: Viewer;
}

export interface TestServerOptions {
  /** Load the demo dataset (default true). */
  demo?: boolean;
  dataset?: Dataset;
  production?: boolean;
  /** Settings over those of loadConfig for the environment (NODE_ENV=production when `production`). */
  config?: Partial<HttpAppConfig>;
}

/** The real HTTP app on port 0 over a fresh database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const datasets = new DatasetService({ db });
  if (options.demo !== false) await datasets.import(readDemoDataset());
  if (options.dataset) await datasets.import(options.dataset);
  const logger = new MemoryLogger();
  const config: HttpAppConfig = {
    ...loadConfig({ NODE_ENV: options.production ? 'production' : 'test' }),
    publicUrl: 'http://factline.test',
    organisation: { name: 'factline test desk', url: 'http://factline.test' },
    // Off unless a test is about them: many tests send bursts from one address.
    rateLimits: { mutationsPerMinute: 0, expensivePerMinute: 0, expensiveCost: 1000 },
    // Every query through the compiled executor, as repeated queries run in service.
    compileQueries: 'always',
    ...options.config,
  };
  const app = await createHttpApp({ db, schema: await buildAppSchema(), config, logger });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const graphqlUrl = `${url}/graphql`;
  return {
    url,
    graphqlUrl,
    db,
    app,
    logger,
    async gql<Data>(query: string, variables?: Record<string, unknown>, token?: string) {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Data | null; errors?: GraphQLFormattedError[] };
      return { status: response.status, ...body };
    },
    async signIn(role: Role, name = `${role.toLowerCase()}-${(signInCount += 1)}`) {
      const user = await new UserService({ db }).create(name, role);
      const { secret } = await new AuthService({ db }).issue(user.id, 'test');
      return {
        token: secret,
        userId: user.id,
        viewer: { user: { id: user.id, name: user.name, role }, tokenId: null },
      };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

let signInCount = 0;

/** Executes an operation against the real schema without HTTP (Apollo's executeOperation). */
export async function executeOn(
  server: TestServer,
  query: string,
  variables?: Record<string, unknown>,
  viewer: Viewer = ANONYMOUS,
): Promise<GraphQLResult> {
  const contextValue = contextFor(server.db, createServices(server.db), viewer);
  const response = await server.app.apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return {
    status: response.http.status ?? 200,
    data: data as Record<string, unknown> | null | undefined,
    errors: errors as GraphQLFormattedError[] | undefined,
  };
}
