import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeConnection } from '../../src/db/database';
import { RANKED_LIMIT, RECENT_LIMIT } from '../../src/modules/search/search-ranking';
import { newestMatches, probeMatches } from '../../src/modules/search/sqlite-search-index';
import { createTestDatabase, onPostgres } from '../helpers/test-app';

/**
 * The recency path for very common terms finds the newest matches by scanning forwards from a
 * guessed rowid (FTS5 reads backwards slowly): it must answer exactly what
 * `ORDER BY rowid DESC LIMIT RECENT_LIMIT` answers, however the matches are spread: dense
 * everywhere, sparse at the top (the guess from the oldest matches is too small), dense only at
 * the top (a word in the news now), or in a few clumps.
 */
// FTS5's own machinery (rowid windows over its doclists); PostgreSQL orders its matches by id in one statement.
describe.skipIf(onPostgres)('newest matches of a common term', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  // A run of documents in which every `every`-th holds the word (0: none does), and one dense
  // run somewhere among them, so that there are always more matches than bm25 ranks.
  const run = fc.record({
    length: fc.integer({ min: 1, max: 600 }),
    every: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  });
  const layouts = fc
    .tuple(fc.array(run, { minLength: 0, maxLength: 4 }), fc.nat(4), fc.integer({ min: 1, max: 2 }))
    .map(([others, at, every]) => [...others.slice(0, at), { length: 700, every }, ...others.slice(at)]);

  function insertDocuments(runs: { length: number; every: number }[], gap: number): void {
    const write = nativeConnection(db.write);
    write.exec('DELETE FROM search_documents');
    const insert = write.prepare(
      `INSERT INTO search_documents (id, type, ref_id, field, text, kind) VALUES (?, 'CLAIM', ?, 'quote', ?, 'claim')`,
    );
    let id = 0;
    write.transaction(() => {
      for (const { length, every } of runs) {
        for (let i = 0; i < length; i += 1) {
          // Ids with holes, as deletions leave them.
          id += 1 + (i % 7 === 0 ? gap : 0);
          const common = every > 0 && i % every === 0;
          insert.run(id, id, common ? `the common word ${i % 2 === 0 ? 'even' : 'odd'}` : `other text ${i}`);
        }
      }
    })();
  }

  it('equals the newest matches in descending rowid order', async () => {
    let recentPath = 0;
    await fc.assert(
      fc.asyncProperty(
        layouts,
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom('"common"', '"common" AND "even"'),
        async (runs, gap, match) => {
          insertDocuments(runs, gap);
          const expected = nativeConnection(db.read)
            .prepare<[string], { rowid: number }>(
              `SELECT rowid FROM search_fts_stem WHERE search_fts_stem MATCH ? ORDER BY rowid DESC LIMIT ${RECENT_LIMIT}`,
            )
            .all(match)
            .map((row) => row.rowid);
          const probe = await probeMatches(db.reader, 'search_fts_stem', match);
          fc.pre(probe.n > RANKED_LIMIT);
          recentPath += 1;
          expect(await newestMatches(db.reader, 'search_fts_stem', match, probe)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
    // The property says nothing unless enough cases reached the recency path.
    expect(recentPath).toBeGreaterThan(30);
  });
});
