import 'reflect-metadata';
import { loadConfigOrExit } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { appliedMigrations } from '../db/service.queries';

/**
 * `npm run migrate`: applies pending migrations to the configured database (DATABASE_URL, or
 * the SQLite file at DATABASE_PATH) and exits. A deployment runs it once before starting or
 * upgrading its replicas; replicas that start with migrations pending apply them one at a time
 * under a lock, so forgetting it is safe too.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('migrate', 2);
  const db = await openConfiguredDatabase(config);
  const applied = await db.reader.rows(appliedMigrations, {});
  await db.close();
  console.log(
    `migrate: ${applied.length} migration(s) applied, none pending (${config.databaseUrl ? `PostgreSQL, schema ${config.databaseSchema}` : config.databasePath}).`,
  );
}

main().catch((error: unknown) => {
  console.error('migrate: failed:', error instanceof Error ? error.message.split('\n')[0] : error);
  process.exit(1);
});
