import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { type AppConfig, ConfigError, loadConfigOrExit } from './config';
import { type Database, makeFolder, openSqliteDatabase } from './db/database';
import { buildAppSchema } from './graphql/schema';
import { createHttpApp, GRAPHQL_PATH } from './http/app';
import { createLogger } from './logger';
import { DatasetService } from './modules/dataset/dataset.service';
import { issueDemoTokens, readDemoDataset, type DemoToken } from './modules/dataset/demo-dataset';

/** Stops start-up with one line naming the setting at fault. */
function fail(message: string): never {
  console.error(`factline: ${message}`);
  process.exit(1);
}

async function openDatabase(config: AppConfig): Promise<Database> {
  const file = config.databasePath;
  try {
    makeFolder(path.dirname(file));
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch (error) {
    fail(new ConfigError('DATABASE_PATH', `cannot create or write the folder of "${file}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`).message);
  }
  try {
    return await openSqliteDatabase({ path: file });
  } catch (error) {
    return fail(new ConfigError('DATABASE_PATH', `cannot open "${file}" as a SQLite database (${(error as Error).message.split('\n')[0]})`).message);
  }
}

async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.reader.get<{ n: number }>(
    'SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM sources) AS n',
  );
  return row?.n === 0;
}

/** Shown once, on the first start only: the tokens are stored as hashes. */
function printDemoTokens(tokens: DemoToken[]): void {
  console.log('\nDemo accounts, to try the mutations in the playground (add the header in its Headers tab):');
  for (const { name, role, secret } of tokens) console.log(`  ${name} (${role}):  {"Authorization": "Bearer ${secret}"}`);
  console.log('These tokens are shown this once. Make more with: npm run token -- create --name "Ana" --role reviewer\n');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit('factline', 1);
  const logger = createLogger();
  const db = await openDatabase(config);

  if (config.seedDemo && (await isEmpty(db))) {
    const summary = await new DatasetService({ db }).import(readDemoDataset());
    logger.info('loaded the demo dataset', { ...summary });
    if (!config.production) printDemoTokens(await issueDemoTokens(db));
  }

  const app = await createHttpApp({ db, schema: await buildAppSchema(), config, logger });
  let port: number;
  try {
    port = await app.listen(config.port, config.host);
  } catch (error) {
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    return fail(new ConfigError('PORT', code === 'EADDRINUSE' ? `port ${config.port} is already in use` : `cannot listen on ${config.port} (${code})`).message);
  }
  const url = `http://localhost:${port}${GRAPHQL_PATH}`;
  logger.info(`listening on ${url}`, { port, database: config.databasePath });
  if (!config.production) console.log(`factline is running: open ${url} for the GraphQL playground.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('factline: start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
