import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { type AppConfig, ConfigError, loadConfigOrExit } from './config';
import { type Database, makeFolder } from './db/database';
import { openConfiguredDatabase } from './db/open';
import { contentCount } from './db/service.queries';
import { buildAppSchema } from './app/schema';
import { createHttpApp, GRAPHQL_PATH, type HttpApp } from './http/app';
import { createLogger, type Logger } from './logger';
import { startEventLogPruning } from './events/retention';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { DatasetService } from './modules/dataset/dataset.service';
import { type DemoAccount, issueDemoAccess, readDemoDataset } from './modules/dataset/demo-dataset';

/** Stops start-up with one line naming the setting at fault. */
function fail(message: string): never {
  console.error(`factline: ${message}`);
  process.exit(1);
}

/** Extra time, past the cap, for the database to close before the process exits regardless. */
const SHUTDOWN_BACKSTOP_MS = 5_000;

async function openDatabase(config: AppConfig, logger: Logger): Promise<Database> {
  if (config.databaseUrl) {
    try {
      return await openConfiguredDatabase(config, logger);
    } catch (error) {
      // pg's messages name the host or the database, never the password.
      return fail(
        new ConfigError(
          'DATABASE_URL',
          `cannot open the PostgreSQL database (${(error as Error).message.split('\n')[0]})`,
        ).message,
      );
    }
  }
  const file = config.databasePath;
  try {
    makeFolder(path.dirname(file));
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch (error) {
    fail(
      new ConfigError(
        'DATABASE_PATH',
        `cannot create or write the folder of "${file}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      ).message,
    );
  }
  try {
    return await openConfiguredDatabase(config, logger);
  } catch (error) {
    return fail(
      new ConfigError(
        'DATABASE_PATH',
        `cannot open "${file}" as a SQLite database (${(error as Error).message.split('\n')[0]})`,
      ).message,
    );
  }
}

async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.reader.row(contentCount, {});
  return row?.n === 0;
}

/** Shown once, on the first start only: the tokens are stored as hashes. */
function printDemoAccess(accounts: DemoAccount[]): void {
  console.log('\nDemo accounts, to try the mutations in the playground (add the header in its Headers tab):');
  for (const { name, role, secret } of accounts)
    console.log(`  ${name} (${role}):  {"Authorization": "Bearer ${secret}"}`);
  console.log("\nand to sign in to the reviewer's workbench at /review:");
  for (const { name, role, email, password } of accounts)
    console.log(`  ${name} (${role}):  email ${email}  password ${password}`);
  console.log(
    'These are shown this once. Make more with: npm run user -- create --name "Ana" --email ana@example.org --role reviewer\n',
  );
}

/**
 * Graceful shutdown. On SIGTERM (an orchestrator): /readyz answers 503 at once so the load
 * balancer stops sending, while the service goes on serving for `delayMs`; then it stops
 * accepting, answers every request it accepted (for at most `timeoutMs`), closes the database
 * and exits 0. SIGINT (a terminal) skips the delay, as does a second signal during it.
 */
function stopOnSignals({
  app,
  db,
  logger,
  delayMs,
  timeoutMs,
  production,
  background,
}: {
  app: HttpApp;
  db: Database;
  logger: Logger;
  delayMs: number;
  timeoutMs: number;
  production: boolean;
  /** Work in the background (pruning, webhook deliveries), stopped before the database closes. */
  background: { stop(): void | Promise<void> }[];
}): void {
  let stopping = false;
  let endDelay = () => {};
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return endDelay();
    stopping = true;
    const delay = signal === 'SIGTERM' ? delayMs : 0;
    logger.info('shutting down', { signal, delayMs: delay, timeoutMs });
    app.beginStopping();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      endDelay = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    // Last resort, should closing itself hang: leave anyway, non-zero so a supervisor notices.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting', { timeoutMs: timeoutMs + SHUTDOWN_BACKSTOP_MS });
      process.exit(1);
    }, timeoutMs + SHUTDOWN_BACKSTOP_MS).unref();
    try {
      await app.close();
      await Promise.all(background.map((job) => job.stop()));
      // Waits for the write queue: a mutation already running commits even if its client is gone.
      await db.close();
    } catch (error) {
      const { name, message } = error as Error;
      logger.error('shutdown failed', production ? { errorName: name } : { errorName: name, message });
      process.exit(1);
    }
    logger.info('stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(): Promise<void> {
  const config = loadConfigOrExit('factline', 1);
  const logger = createLogger({ level: config.logLevel });
  const db = await openDatabase(config, logger);

  if (config.seedDemo && (await isEmpty(db))) {
    const summary = await new DatasetService({ db }).import(readDemoDataset());
    logger.info('loaded the demo dataset', { ...summary });
    if (!config.production) printDemoAccess(await issueDemoAccess(db));
  }

  const app = await createHttpApp({ db, schema: await buildAppSchema(), config, logger });
  let port: number;
  try {
    port = await app.listen(config.port, config.host);
  } catch (error) {
    await db.close();
    const { code, setting = 'PORT' } = error as NodeJS.ErrnoException & { setting?: string };
    const wanted = setting === 'PORT' ? config.port : config.metricsPort;
    return fail(
      new ConfigError(
        setting,
        code === 'EADDRINUSE' ? `port ${wanted} is already in use` : `cannot listen on ${wanted} (${code})`,
      ).message,
    );
  }
  // Registered before "listening" is announced: a supervisor may signal as soon as it reads it.
  stopOnSignals({
    app,
    db,
    logger,
    delayMs: config.shutdownDelayMs,
    timeoutMs: config.shutdownTimeoutMs,
    production: config.production,
    background: [
      startEventLogPruning(db, config.eventRetentionDays, logger),
      new WebhookDispatcher(db, {
        publicUrl: config.publicUrl,
        allowPrivate: config.webhookAllowPrivate,
        leaseMs: config.webhookLeaseSeconds * 1000,
        logger,
      }).start(),
    ],
  });
  if (config.production && new URL(config.publicUrl).protocol !== 'https:')
    // Staff session cookies are Secure (and __Host-) only when PUBLIC_URL says browsers use https.
    logger.warn('PUBLIC_URL is not https: staff sign-in cookies will not be marked Secure', {
      publicUrl: config.publicUrl,
    });
  const url = `http://localhost:${port}${GRAPHQL_PATH}`;
  logger.info(`listening on ${url}`, {
    port,
    database: config.databaseUrl ? `postgres (schema ${config.databaseSchema})` : config.databasePath,
  });
  if (!config.production)
    console.log(
      `factline is running: open ${url} for the GraphQL playground, http://localhost:${port}/review for the workbench.`,
    );
}

main().catch((error: unknown) => {
  console.error('factline: start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
