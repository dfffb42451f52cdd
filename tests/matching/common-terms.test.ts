import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoaders, createServices } from '../../src/app/services';
import { nativeConnection } from '../../src/db/database';
import { ANONYMOUS } from '../../src/modules/auth/viewer';
import { visibilityFor } from '../../src/modules/auth/visibility';
import { COMMON_TERMS_WINDOW, PROBE_LIMIT } from '../../src/modules/matching/matching.queries';
import { createTestDatabase, onPostgres } from '../helpers/test-app';

/**
 * A text whose every term is common (held by PROBE_LIMIT claims or more) is matched against the
 * newest COMMON_TERMS_WINDOW claims holding them, not ranked over every holder: its matches
 * come from that window, best first, ties by id.
 */
// FTS5 rowid windows; PostgreSQL ranks its candidates in one query.
describe.skipIf(onPostgres)('claimMatches of a text of common terms', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const CLAIMS = COMMON_TERMS_WINDOW + 600;

  beforeAll(async () => {
    db = await createTestDatabase();
    const write = nativeConnection(db.write);
    const quote = 'Harbour fees rose sharply';
    write.transaction(() => {
      write
        .prepare(
          `INSERT INTO articles (slug, headline, body, authors, language, status, published_at) VALUES ('harbour', 'Harbour', ?, '[]', 'en', 'PUBLISHED', '2026-01-01 00:00:00')`,
        )
        .run(`${quote}.`);
      const insert = write.prepare(
        `INSERT INTO claims (article_id, quote, prefix, suffix, start_offset, end_offset) VALUES (1, ?, '', '.', 0, ?)`,
      );
      for (let i = 0; i < CLAIMS; i += 1) insert.run(quote, quote.length);
    })();
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers the best of the newest holders, ties by id', async () => {
    expect(CLAIMS - COMMON_TERMS_WINDOW).toBeGreaterThan(0);
    expect(COMMON_TERMS_WINDOW).toBeGreaterThanOrEqual(PROBE_LIMIT);
    const matches = await createServices(db).matching.matches({
      text: 'sharply rose harbour fees',
      first: 5,
      visibility: visibilityFor(ANONYMOUS),
      loaders: createLoaders(db.reader, ANONYMOUS),
    });
    // Every claim says the same, so every one scores alike: the lowest ids of the window.
    const firstInWindow = CLAIMS - COMMON_TERMS_WINDOW + 1;
    expect(matches.map((match) => match.claim.id)).toEqual([0, 1, 2, 3, 4].map((i) => firstInWindow + i));
  });
});
