import 'reflect-metadata';
import { loadConfigOrExit } from '../config';
import { openSqliteDatabase } from '../db/database';
import { SqliteSearchIndex } from '../modules/search/sqlite-search-index';

/** npm run search:rebuild: re-derives the search index from the data of DATABASE_PATH. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('search:rebuild', 2);
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
