import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeConnection } from '../../src/db/database';
import { nameKeyOf } from '../../src/modules/claimant/claimant-name';
import { claimReviewImportRecords, runBulkImport } from '../../src/modules/dataset/bulk-import';
import { exportDatasetLines } from '../../src/modules/dataset/dataset-export';
import { claimsByTextKey, unattributedClaimsByTextKey } from '../../src/modules/dataset/dataset.queries';
import { inspectRows } from '../helpers/inspect';
import { createTestDatabase, type TestDatabase } from '../helpers/test-app';
import { importLines, IMPORT_JS, rowCounts, runCli } from './bulk-helpers';

/** One schema.org ClaimReview record: review `n` of `claimReviewed`, by `author`, seen at `appearance`. */
function record(
  n: string | number,
  claimReviewed: string,
  item: { author?: unknown; appearance?: unknown; firstAppearance?: unknown },
  reviewer = 'Harbour Checks',
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://checks.example.com/reviews/${n}`,
    claimReviewed,
    datePublished: '2024-06-02',
    author: { '@type': 'Organization', name: reviewer },
    reviewRating: { '@type': 'Rating', alternateName: 'False' },
    itemReviewed: { '@type': 'Claim', ...item },
  };
}

interface ClaimRow {
  id: number;
  claimant: string | null;
  slug: string;
  checks: number;
  places: number;
}

/** Every claim with its claimant, article, and how many fact-checks and live places it has. */
const CLAIMS = sql<ClaimRow>`SELECT c.id, cl.name AS claimant, a.slug,
    (SELECT COUNT(*) FROM annotations n WHERE n.claim_id = c.id) AS checks,
    (SELECT COUNT(*) FROM outside_appearances o WHERE o.claim_id = c.id AND o.deleted_at IS NULL) AS places
  FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN claimants cl ON cl.id = c.claimant_id ORDER BY c.id`;

const TUNNEL = 'The harbour tunnel will cost 3 billion dollars.';
const MINISTER = { '@type': 'Person', name: 'Harbour Minister' };

describe('ClaimReview records of one claim (same claimant, same words) become one claim', () => {
  let db: TestDatabase;
  let first: string;
  let later: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    first = path.join(db.dir, 'first.json');
    later = path.join(db.dir, 'later.json');
    fs.writeFileSync(
      first,
      JSON.stringify([
        record(1, TUNNEL, {
          author: MINISTER,
          appearance: [
            {
              '@type': 'NewsArticle',
              url: 'https://news.example.com/tunnel-cost',
              headline: 'Minister defends tunnel',
              publisher: { '@type': 'Organization', name: 'Example News' },
              datePublished: '2024-05-01',
            },
          ],
        }),
        // Case and spacing, in the words and in the claimant's name; a url already listed
        // (tracking parameters are not part of a url) and one that is not.
        record(
          2,
          '  the HARBOUR tunnel   will cost 3 billion\u00A0dollars ',
          {
            author: { '@type': 'Person', name: 'harbour  minister' },
            appearance: { '@type': 'VideoObject', url: 'https://video.example.org/watch?v=abc', name: 'Interview' },
            firstAppearance: { url: 'https://news.example.com/tunnel-cost?utm_source=feed' },
          },
          'Second Opinion',
        ),
        // Quotes and punctuation.
        record(3, '“The harbour tunnel will cost 3 billion dollars!”', {
          author: MINISTER,
          appearance: 'https://social.example.net/post/1',
        }),
        // The same words said by someone else: another claim.
        record(4, TUNNEL, {
          author: { '@type': 'Organization', name: 'Harbour Council' },
          appearance: 'https://council.example.org/minutes',
        }),
        // And by nobody named: a third claim, which a second such record joins.
        record(5, TUNNEL, { appearance: 'https://anonymous.example.org/a' }),
        record(6, `"${TUNNEL}"`, { appearance: 'https://anonymous.example.org/b' }),
      ]),
    );
    fs.writeFileSync(
      later,
      JSON.stringify([
        record(7, 'THE HARBOUR TUNNEL WILL COST 3 BILLION DOLLARS', {
          author: { name: 'HARBOUR MINISTER' },
          appearance: [
            { url: 'https://radio.example.com/show/12', name: 'Morning show' },
            'https://video.example.org/watch?v=abc',
          ],
        }),
        // Review 1 again, given by another record of the claim: still one fact-check.
        record(1, 'The harbour tunnel will cost 3 billion dollars', {
          author: MINISTER,
          appearance: 'https://blog.example.com/tunnel',
        }),
      ]),
    );
  });
  afterAll(() => db.close());

  it('within one file: one claim with every place and every fact-check of its records; other claimants stay apart', async () => {
    const result = await runCli(IMPORT_JS, ['--format', 'claimreview', first], db);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      'import: 6 records read, 6 imported, 0 skipped (already present), 0 failed; stored 3 articles, 3 claims, 6 fact-checks, 6 places, 0 further places in articles, 6 sources, 2 users, 2 claimants',
    );
    const claims = await inspectRows(db, CLAIMS);
    expect(claims.map(({ claimant, checks, places }) => ({ claimant, checks, places }))).toEqual([
      { claimant: 'Harbour Minister', checks: 3, places: 3 },
      { claimant: 'Harbour Council', checks: 1, places: 1 },
      { claimant: null, checks: 2, places: 2 },
    ]);
    const places = await inspectRows(
      db,
      sql<
        Record<string, unknown>
      >`SELECT o.url, o.title, o.publisher, o.appeared_at AS "appearedAt", u.name AS "addedBy"
        FROM outside_appearances o JOIN users u ON u.id = o.created_by_id WHERE o.claim_id = ${claims[0].id} ORDER BY o.id`,
    );
    expect(places.map((place) => ({ ...place, appearedAt: place.appearedAt && String(place.appearedAt) }))).toEqual([
      {
        url: 'https://news.example.com/tunnel-cost',
        title: 'Minister defends tunnel',
        publisher: 'Example News',
        appearedAt: expect.stringMatching(/^2024-05-01/),
        addedBy: 'Harbour Checks',
      },
      {
        url: 'https://video.example.org/watch?v=abc',
        title: 'Interview',
        publisher: null,
        appearedAt: null,
        addedBy: 'Second Opinion',
      },
      {
        url: 'https://social.example.net/post/1',
        title: null,
        publisher: null,
        appearedAt: null,
        addedBy: 'Harbour Checks',
      },
    ]);
    // The claim's verdict is its fact-checks'; its article is the first record's.
    expect(claims[0].slug).toMatch(/^news-example-com-tunnel-cost-/);
  });

  it('a later import joins the claim: new fact-checks and places only', async () => {
    const before = await inspectRows(db, CLAIMS);
    const result = await runCli(IMPORT_JS, ['--format', 'claimreview', later], db);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      'import: 2 records read, 2 imported, 0 skipped (already present), 0 failed; stored 0 articles, 0 claims, 1 fact-checks, 2 places, 0 further places in articles, 1 sources, 0 users, 0 claimants',
    );
    const after = await inspectRows(db, CLAIMS);
    expect(after).toEqual([{ ...before[0], checks: 4, places: 5 }, before[1], before[2]]);
  });

  it('importing the files again changes nothing', async () => {
    const before = await rowCounts(db);
    for (const [file, count] of [
      [first, 6],
      [later, 2],
    ] as const) {
      const again = await runCli(IMPORT_JS, ['--format', 'claimreview', file], db);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`${count} records read, 0 imported, ${count} skipped (already present), 0 failed`);
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it('a claim imported before claims were keyed by their words gets its key from the next record of it', async () => {
    const [, before] = await inspectRows(db, CLAIMS);
    await db.writes.run((manager) => manager.query(`UPDATE claims SET text_key = NULL WHERE id = ${before.id}`));
    const council = { '@type': 'Organization', name: 'Harbour Council' };
    // Its own record again (found by the record's key, as before), then another spelling.
    for (const [n, text] of [
      [4, TUNNEL],
      [10, 'THE HARBOUR TUNNEL WILL COST 3 BILLION DOLLARS!'],
    ] as const) {
      const report = await runBulkImport(db, claimReviewImportRecords([record(n, text, { author: council })]));
      expect(report.stored).toMatchObject({ claims: 0, annotations: n === 4 ? 0 : 1 });
    }
    const [, councilClaim] = await inspectRows(db, CLAIMS);
    expect(councilClaim).toMatchObject({ claimant: 'Harbour Council', checks: 2 });
  });

  it('a database moved through an ndjson export and import still joins later records to their claims', async () => {
    const target = await createTestDatabase();
    try {
      const lines = [];
      for await (const line of exportDatasetLines(db)) lines.push(line);
      await importLines(target, lines);
      const report = await runBulkImport(
        target,
        claimReviewImportRecords([
          record(9, 'the harbour tunnel will cost 3 billion dollars', {
            author: { name: 'Harbour Minister' },
            appearance: 'https://moved.example.org/tunnel',
          }),
        ]),
      );
      expect(report.stored).toMatchObject({ articles: 0, claims: 0, annotations: 1, places: 1 });
    } finally {
      await target.close();
    }
  });

  it('a record of a claim an editor deleted adds nothing to it and does not bring it back', async () => {
    const [minister] = await inspectRows(db, CLAIMS);
    await db.writes.run((manager) =>
      manager.query(`UPDATE claims SET deleted_at = CURRENT_TIMESTAMP WHERE id = ${minister.id}`),
    );
    const counts = async () => {
      const { claims, annotations, outside_appearances: places, articles } = await rowCounts(db);
      return { claims, annotations, places, articles };
    };
    const before = await counts();
    const report = await runBulkImport(
      db,
      claimReviewImportRecords([
        record(8, 'The Harbour Tunnel will cost 3 billion dollars?', {
          author: MINISTER,
          appearance: 'https://news.example.com/new-place',
        }),
      ]),
    );
    // Its review is stored as a source, as for a record of its own key (what it always did).
    expect(report).toMatchObject({ read: 1, failed: 0, stored: { claims: 0, annotations: 0, places: 0 } });
    expect(await counts()).toEqual(before);
  });

  it('words with no letter or digit are told apart by the record alone, never merged by their folding', async () => {
    const report = await runBulkImport(
      db,
      claimReviewImportRecords([
        record(11, '🚢🚢', { author: MINISTER }),
        record(12, '?!', { author: MINISTER }),
        record(13, '🚢🚢', { author: MINISTER }),
      ]),
    );
    expect(report.stored).toMatchObject({ claims: 2, annotations: 3 });
  });

  it.runIf(process.env.TEST_DATABASE_URL === undefined)(
    'finds the claim of a record through the index on (text_key, claimant_id), not by reading every claim',
    () => {
      for (const statement of [claimsByTextKey, unattributedClaimsByTextKey]) {
        const plan = nativeConnection(db.read)
          .prepare(`EXPLAIN QUERY PLAN ${statement.compiled('sqlite').sql}`)
          .all(...statement.compiled('sqlite').slots.map((slot) => ('constant' in slot ? slot.constant : 1))) as {
          detail: string;
        }[];
        const claims = plan.find((step) => / c\b| claims\b/.test(step.detail))?.detail ?? '';
        expect(claims, statement.name).toMatch(
          /USING (COVERING )?INDEX IDX_claims_text_key \(text_key=\? AND claimant_id/,
        );
      }
    },
  );
});

// ---- Properties: what any spelling of a claim's words does.

/** Words of a claim: letters (some accented), digits, and words the matcher treats specially. */
const word = fc.oneof(
  fc.stringMatching(/^[a-zA-Z]{1,8}$/),
  fc.stringMatching(/^[0-9]{1,4}$/),
  fc.constantFrom('US', 'u.s.', 'Ünïcode', "don't", 'São', 'naïve', 'ÉTÉ', '40,000', 'co-op'),
);
const spaces = fc.constantFrom(' ', '  ', '\u00A0', ' \u00A0 ', '\u2009');
const quotes = fc.constantFrom(['', ''], ['"', '"'], ['“', '”'], ['«', '»'], ["'", "'"], ['‘', '’']);
const ending = fc.constantFrom('', '.', '!', '?', '…', ' .', '!!');

/** A spelling of `words`: each letter's case flipped or not, any spacing, quoted, punctuated. */
function spelling(words: readonly string[]) {
  return fc
    .record({
      cases: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      gaps: fc.array(spaces, { minLength: words.length + 1, maxLength: words.length + 1 }),
      quote: quotes,
      end: ending,
    })
    .map(({ cases, gaps, quote, end }) => {
      const text = words
        .map((one, w) =>
          [...one].map((char, i) => (cases[(w * 7 + i) % 64] ? char.toUpperCase() : char.toLowerCase())).join(''),
        )
        .reduce((joined, one, w) => `${joined}${gaps[w]}${one}`, '');
      return `${gaps[words.length]}${quote[0]}${text.trim()}${end}${quote[1]}`;
    });
}

/** How another record may spell a claimant's name: its case and spacing. */
const nameSpelling = fc.record({
  upper: fc.boolean(),
  gap: fc.constantFrom(' ', '  ', '\u00A0'),
  padded: fc.boolean(),
});

function spellName(name: string, { upper, gap, padded }: { upper: boolean; gap: string; padded: boolean }): string {
  const spelled = (upper ? name.toUpperCase() : name.toLowerCase()).replace(/ /g, gap);
  return padded ? ` ${spelled} ` : spelled;
}

describe('ClaimReview records, whatever their spelling (property)', () => {
  let db: TestDatabase;
  let run = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  /** The claims of one run's claimant (each run has its own), with their fact-checks and places. */
  async function claimsOf(claimant: string) {
    return inspectRows(
      db,
      sql<{ id: number; checks: number; places: number }>`SELECT c.id,
          (SELECT COUNT(*) FROM annotations n WHERE n.claim_id = c.id) AS checks,
          (SELECT COUNT(*) FROM outside_appearances o WHERE o.claim_id = c.id) AS places
        FROM claims c JOIN claimants cl ON cl.id = c.claimant_id WHERE cl.name_key = ${nameKeyOf(claimant)} ORDER BY c.id`,
    );
  }

  it('every spelling of one text by one claimant is one claim, across files too, and importing again adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(word, { minLength: 1, maxLength: 6 })
          .chain((words) =>
            fc.tuple(
              fc.array(spelling(words), { minLength: 2, maxLength: 5 }),
              fc.array(nameSpelling, { minLength: 5, maxLength: 5 }),
              fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
              fc.integer({ min: 1, max: 4 }),
            ),
          ),
        async ([texts, names, placeOf, split]) => {
          run += 1;
          const claimant = `Run Claimant ${run}`;
          const records = texts.map((text, i) =>
            record(`p${run}-${i}`, text, {
              author: { '@type': 'Person', name: spellName(claimant, names[i]) },
              // Some records share a place: it is listed once.
              appearance: `https://places.example.org/run-${run}/${placeOf[i]}`,
            }),
          );
          const places = new Set(placeOf.slice(0, texts.length)).size;
          // Some records in a first file, the rest in a later one.
          const one = await runBulkImport(db, claimReviewImportRecords(records.slice(0, split)));
          const two = await runBulkImport(db, claimReviewImportRecords(records.slice(split)));
          expect(one.failed + two.failed).toBe(0);
          expect(await claimsOf(claimant)).toEqual([{ id: expect.any(Number), checks: texts.length, places }]);
          const again = await runBulkImport(db, claimReviewImportRecords(records));
          expect(again).toMatchObject({ imported: 0, failed: 0 });
          expect(await claimsOf(claimant)).toEqual([{ id: expect.any(Number), checks: texts.length, places }]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('texts of different words never merge, by one claimant or another', async () => {
    // The matcher reads "USA" and "United States" as one word: the one spelling it folds.
    const plainWord = fc
      .stringMatching(/^[a-z]{1,8}$/)
      .filter((one) => !['usa', 'us', 'united', 'states'].includes(one));
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(
            fc.array(plainWord, { minLength: 1, maxLength: 6 }),
            fc.array(plainWord, { minLength: 1, maxLength: 6 }),
          )
          .filter(([a, b]) => a.join(' ') !== b.join(' '))
          .chain(([a, b]) => fc.tuple(spelling(a), spelling(b))),
        async ([a, b]) => {
          run += 1;
          const claimant = `Run Claimant ${run}`;
          const other = `Other Claimant ${run}`;
          const report = await runBulkImport(
            db,
            claimReviewImportRecords([
              record(`d${run}-a`, a, { author: { name: claimant } }),
              record(`d${run}-b`, b, { author: { name: claimant } }),
              // The same words by another claimant: a claim of its own.
              record(`d${run}-c`, a, { author: { name: other } }),
            ]),
          );
          expect(report.failed).toBe(0);
          expect(await claimsOf(claimant)).toEqual([
            { id: expect.any(Number), checks: 1, places: 0 },
            { id: expect.any(Number), checks: 1, places: 0 },
          ]);
          expect(await claimsOf(other)).toHaveLength(1);
        },
      ),
      { numRuns: 40 },
    );
  });
});
