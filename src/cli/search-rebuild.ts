import 'reflect-metadata';
import { loadConfigOrExit } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { searchIndexFor } from '../modules/search/search-index-for';
import { searchDocumentCount } from '../modules/search/search.queries';

/** npm run search:rebuild: re-derives the search index from the data of the configured database. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('search:rebuild', 2);
  const db = await openConfiguredDatabase(config);
  try {
    const started = Date.now();
    await searchIndexFor(db).rebuild();
    const row = await db.reader.row(searchDocumentCount, {});
    console.log(`search index rebuilt: ${row?.n ?? 0} documents in ${Date.now() - started} ms`);
  } finally {
    await db.close();
  }
}

void main();
