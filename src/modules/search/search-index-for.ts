import type { Database } from '../../db/database';
import { PostgresSearchIndex } from './postgres-search-index';
import type { SearchIndex } from './search-index';
import { SqliteSearchIndex } from './sqlite-search-index';

/** The search engine of the database's dialect. */
export function searchIndexFor(db: Database): SearchIndex {
  return db.dialect === 'postgres' ? new PostgresSearchIndex({ db }) : new SqliteSearchIndex({ db });
}
