import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { openSqliteDatabase } from '../db/database';
import { SqliteSearchIndex } from '../modules/search/sqlite-search-index';

/** npm run search:rebuild: re-derives the search index from the data of DATABASE_PATH. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`search:rebuild: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const db = await openSqliteDatabase({ path: config.databasePath });
  try {
    const started = Date.now();
    await new SqliteSearchIndex({ db }).rebuild();
    const row = await db.reader.get<{ n: number }>('SELECT count(*) AS n FROM search_documents');
    console.log(`search index rebuilt: ${row?.n ?? 0} documents in ${Date.now() - started} ms`);
  } finally {
    await db.close();
  }
}

void main();
