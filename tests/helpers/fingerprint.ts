import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inspectRows } from './inspect';
import type { TestServer } from './test-app';

/** Every table but api_tokens, whose lastUsedAt is a throttled hint refreshed by reads. */
const TABLES = [
  'users',
  'articles',
  'claims',
  'sources',
  'annotations',
  'citations',
  'annotation_revisions',
  'corrections',
  'article_revisions',
  'claim_anchors',
  'claimants',
  'outside_appearances',
  'claim_suggestion_dismissals',
  'search_documents',
];

/** A hash of the data, after every queued write has finished: equal before and after means nothing changed. */
export async function fingerprint(server: TestServer): Promise<string> {
  await server.db.writes.drain();
  const hash = createHash('sha256');
  for (const table of TABLES)
    hash.update(JSON.stringify(await inspectRows(server.db, sql`SELECT * FROM ${sql.table(table)} ORDER BY id`)));
  return hash.digest('hex');
}
