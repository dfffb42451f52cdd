import 'reflect-metadata';
import { loadConfigOrExit } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { searchIndexFor } from '../modules/search/search-index-for';

/** npm run search:rebuild: re-derives the search index from the data of the configured database. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('search:rebuild', 2);
  const db = await openConfiguredDatabase(config);
  try {
    const started = Date.now();
    await searchIndexFor(db).rebuild();
    const row = await db.reader.get<{ n: number }>('SELECT count(*) AS n FROM search_documents');
    console.log(`search index rebuilt: ${row?.n ?? 0} documents in ${Date.now() - started} ms`);
  } finally {
    await db.close();
  }
}

void main();
