import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { type Database, openSqliteDatabase } from './database';
import { openPostgresDatabase } from './postgres';

/** The configured database: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function openConfiguredDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize' | 'databaseSchema' | 'databasePath'>,
  logger?: Logger,
): Promise<Database> {
  if (config.databaseUrl)
    return openPostgresDatabase(
      { url: config.databaseUrl, poolSize: config.databasePoolSize, schema: config.databaseSchema },
      logger,
    );
  return openSqliteDatabase({ path: config.databasePath });
}
