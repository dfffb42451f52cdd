import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wikidataIdOfUrl } from '../../src/modules/dataset/claimreview-import';
import { PROJECT_ROOT } from '../../src/paths';
import { inspectRow, inspectRows } from '../helpers/inspect';
import { createTestDatabase } from '../helpers/test-app';
import { failureLines, IMPORT_JS, rowCounts, runCli } from './bulk-helpers';

const FIXTURE = path.join(PROJECT_ROOT, 'fixtures', 'claimreview-factcheck-tools.json');

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

interface CheckRow {
  quote: string;
  claimant: string | null;
  claimVerdict: string;
  status: string;
  verdict: string;
  summary: string;
  body: string;
  author: string;
  sourceUrl: string;
  slug: string;
  articleStatus: string;
  articleBody: string;
  language: string;
  url: string;
}

const CHECKS = sql<CheckRow>`SELECT c.quote, cl.name AS claimant, c.verdict AS "claimVerdict", n.status, n.verdict, n.summary, n.body, u.name AS author, s.url AS "sourceUrl",
    a.slug, a.status AS "articleStatus", a.body AS "articleBody", a.language, a.url
  FROM annotations n JOIN claims c ON c.id = n.claim_id JOIN articles a ON a.id = c.article_id LEFT JOIN claimants cl ON cl.id = c.claimant_id JOIN users u ON u.id = n.author_id
  JOIN citations ci ON ci.annotation_id = n.id JOIN sources s ON s.id = ci.source_id ORDER BY n.id`;

describe('npm run import -- --format claimreview (a Fact Check Tools API answer)', () => {
  let db: TestDatabase;
  let checks: CheckRow[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const result = await runCli(IMPORT_JS, ['--format', 'claimreview', FIXTURE], db);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      'import: 5 records read, 5 imported, 0 skipped (already present), 0 failed; stored 5 articles, 5 claims, 6 fact-checks, 0 places, 0 further places in articles, 6 sources, 4 users, 5 claimants',
    );
    checks = await inspectRows(db, CHECKS);
  });
  afterAll(() => db.close());

  it('makes each claim a published article whose body is the claim, and each review a published fact-check', () => {
    expect(checks).toHaveLength(6);
    for (const check of checks) {
      expect(check).toMatchObject({ status: 'PUBLISHED', articleStatus: 'PUBLISHED', articleBody: check.quote });
      expect(check.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}$/);
    }
    expect(checks[0]).toMatchObject({
      quote: 'The new bridge cost taxpayers 40 million euros.',
      claimant: 'Mayor of Exampleton',
      author: 'Example Fact Desk',
      summary: 'The bridge cost 18 million euros, not 40 million',
      sourceUrl: 'https://factdesk.example.org/checks/2024/bridge-cost',
      url: 'https://factdesk.example.org/checks/2024/bridge-cost',
      slug: expect.stringMatching(/^factdesk-example-org-checks-2024-bridge-cost-/),
      language: 'en',
    });
    // Both reviews of the bridge claim are on one claim; the source url is stored normalised.
    expect(checks[1]).toMatchObject({
      quote: checks[0].quote,
      slug: checks[0].slug,
      author: 'Second Opinion Checks',
      sourceUrl: 'https://second.example.net/2024/03/bridge',
    });
    expect(checks.find((check) => check.quote.startsWith('Die Stromkosten'))).toMatchObject({ language: 'de' });
  });

  it("maps a rating that is exactly a verdict's name; any other stays UNVERIFIABLE until an ADMIN maps it, its words kept", async () => {
    expect(checks.map((check) => [check.verdict, check.body.split('\n')[0]])).toEqual([
      ['UNVERIFIABLE', 'Original rating: Pants on Fire!'],
      ['MOSTLY_FALSE', 'Original rating: Mostly False'],
      ['UNVERIFIABLE', 'Original rating: Four Pinocchios'],
      ['MOSTLY_TRUE', 'Original rating: mostly-true'],
      ['UNVERIFIABLE', 'Original rating: Fehlender Kontext'],
      ['UNVERIFIABLE', 'Original rating: Correct'],
    ]);
    const kept = await inspectRows(
      db,
      sql<{ importedRating: string }>`SELECT imported_rating AS "importedRating" FROM annotations ORDER BY id`,
    );
    expect(kept.map((row) => row.importedRating)).toEqual([
      'Pants on Fire!',
      'Mostly False',
      'Four Pinocchios',
      'mostly-true',
      'Fehlender Kontext',
      'Correct',
    ]);
    const unmapped = await inspectRows(
      db,
      sql<{
        alternateName: string;
      }>`SELECT alternate_name AS "alternateName" FROM imported_rating_mappings WHERE verdict IS NULL ORDER BY id`,
    );
    expect(unmapped.map((row) => row.alternateName)).toEqual([
      'Pants on Fire!',
      'Four Pinocchios',
      'Fehlender Kontext',
      'Correct',
    ]);
    // The claim's verdict is that of its newest published review (5 March over 4 March).
    expect(checks[0].claimVerdict).toBe('MOSTLY_FALSE');
  });

  it('is idempotent', async () => {
    const before = await rowCounts(db);
    const again = await runCli(IMPORT_JS, ['--format', 'claimreview', FIXTURE], db);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('5 records read, 0 imported, 5 skipped (already present), 0 failed');
    expect(await rowCounts(db)).toEqual(before);
  });

  it('reads a JSON array of schema.org ClaimReview: numeric ratings, appearances, a bad record reported, another review of a known claim added to it', async () => {
    const file = path.join(db.dir, 'schema-org.json');
    const review = (overrides: Record<string, unknown>) => ({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://checks.example.com/reviews/ferry',
      claimReviewed: 'The ferry carries 2,000 passengers a day.',
      datePublished: '2024-06-02',
      author: { '@type': 'Organization', name: 'Harbour Checks', url: 'https://checks.example.com' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 7, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Ferry operator' },
        appearance: [
          {
            '@type': 'NewsArticle',
            url: 'https://news.example.com/2024/ferry-figures',
            headline: 'Ferry operator touts record numbers',
          },
        ],
      },
      ...overrides,
    });
    fs.writeFileSync(
      file,
      JSON.stringify([
        review({}),
        review({ claimReviewed: '   ', url: 'https://checks.example.com/reviews/empty' }),
        // The bridge claim again, reviewed by someone else: it joins the claim already imported.
        review({
          url: 'https://third.example.org/bridge',
          claimReviewed: 'The new bridge cost taxpayers 40 million euros.',
          reviewRating: { '@type': 'Rating', alternateName: 'FALSE.' },
          author: { '@type': 'Organization', name: 'Third Checks' },
          datePublished: '2024-03-06T00:00:00Z',
          itemReviewed: { '@type': 'Claim', author: { name: 'Mayor of Exampleton' } },
        }),
      ]),
    );
    const result = await runCli(IMPORT_JS, ['--format', 'claimreview', file], db);
    expect(result.code).toBe(1);
    expect(failureLines(result.stderr)).toEqual(['record 2: the claim has no text']);
    expect(result.stdout).toContain(
      '3 records read, 2 imported, 0 skipped (already present), 1 failed; stored 1 articles, 1 claims, 2 fact-checks',
    );

    const ferry = await inspectRow(
      db,
      sql<
        CheckRow & { headline: string }
      >`SELECT a.url, a.headline, n.verdict, n.body FROM articles a JOIN claims c ON c.article_id = a.id JOIN annotations n ON n.claim_id = c.id WHERE c.quote LIKE 'The ferry%'`,
    );
    // 2 on a 1..7 scale is no rating of ours: not rounded onto it, left for an ADMIN to map.
    expect(ferry).toMatchObject({
      url: 'https://news.example.com/2024/ferry-figures',
      headline: 'Ferry operator touts record numbers',
      verdict: 'UNVERIFIABLE',
    });
    expect(ferry!.body.split('\n')[0]).toBe('Original rating: 2 (best 7, worst 1)');
    const bridge = await inspectRows(
      db,
      sql<{
        verdict: string;
        articles: number;
      }>`SELECT c.verdict, (SELECT COUNT(DISTINCT c2.article_id) FROM claims c2 WHERE c2.quote = c.quote) AS articles
       FROM claims c WHERE c.quote = 'The new bridge cost taxpayers 40 million euros.'`,
    );
    expect(bridge).toEqual([{ verdict: 'FALSE', articles: 1 }]);
  });

  it('records a claim’s author as the claimant: an Organization as an organisation, a Wikidata sameAs as its id, alternate names as aliases of a new one only', async () => {
    const file = path.join(db.dir, 'authors.json');
    const review = (n: number, claimReviewed: string, author: unknown) => ({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://checks.example.com/reviews/author-${n}`,
      claimReviewed,
      datePublished: '2024-07-01',
      author: { '@type': 'Organization', name: 'Harbour Checks' },
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      itemReviewed: { '@type': 'Claim', author },
    });
    fs.writeFileSync(
      file,
      JSON.stringify([
        review(1, 'The port handles a million containers a week.', {
          '@type': 'Organization',
          name: 'Ministry of Ports',
          sameAs: ['https://twitter.com/ports', 'https://www.wikidata.org/wiki/Q1234567'],
          alternateName: ['MoP', 'The Ports Ministry', 'ministry  of PORTS'],
        }),
        review(2, 'Divers found the old wreck last year.', {
          '@type': 'Person',
          name: 'Dana Diver',
          sameAs: 'http://wikidata.org/entity/Q77',
          alternateName: 'D. Diver',
        }),
        // A claimant already stored (from the fixture, a person with no more than a name) keeps its record.
        review(3, 'The bridge will open in May.', {
          '@type': 'GovernmentOrganization',
          name: 'mayor of  exampleton',
          sameAs: 'https://www.wikidata.org/wiki/Q999',
          alternateName: ['The Mayor'],
        }),
        // What the service cannot store is left out, not fatal: a bad id, an alias too long.
        review(4, 'Eve says the tide tables are wrong.', {
          '@type': ['Person'],
          name: 'Eve Example',
          sameAs: 'https://www.wikidata.org/wiki/Q0123',
          alternateName: ['x'.repeat(201), 'E. E.'],
        }),
      ]),
    );
    const result = await runCli(IMPORT_JS, ['--format', 'claimreview', file], db);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('4 records read, 4 imported, 0 skipped (already present), 0 failed');
    expect(result.stdout).toMatch(/, 3 claimants$/m);
    const claimants = await inspectRows(
      db,
      sql`SELECT cl.name, cl.kind, cl.wikidata_id AS "wikidataId", cl.aliases, cl.description
        FROM claimants cl WHERE cl.name IN ('Ministry of Ports', 'Dana Diver', 'Mayor of Exampleton', 'Eve Example') ORDER BY cl.id`,
    );
    expect(claimants).toEqual([
      { name: 'Mayor of Exampleton', kind: 'PERSON', wikidataId: null, aliases: '[]', description: null },
      {
        name: 'Ministry of Ports',
        kind: 'ORGANIZATION',
        wikidataId: 'Q1234567',
        aliases: JSON.stringify(['MoP', 'The Ports Ministry']),
        description: null,
      },
      { name: 'Dana Diver', kind: 'PERSON', wikidataId: 'Q77', aliases: '["D. Diver"]', description: null },
      { name: 'Eve Example', kind: 'PERSON', wikidataId: null, aliases: '["E. E."]', description: null },
    ]);
    const bridge = await inspectRow(
      db,
      sql<{
        claimant: string;
      }>`SELECT cl.name AS claimant FROM claims c JOIN claimants cl ON cl.id = c.claimant_id WHERE c.quote = 'The bridge will open in May.'`,
    );
    expect(bridge).toEqual({ claimant: 'Mayor of Exampleton' });
  });

  it('reads the Wikidata id of an item’s page or entity uri, and nothing else', () => {
    expect(wikidataIdOfUrl('https://www.wikidata.org/wiki/Q42')).toBe('Q42');
    expect(wikidataIdOfUrl('http://www.wikidata.org/entity/Q42')).toBe('Q42');
    expect(wikidataIdOfUrl('https://m.wikidata.org/wiki/Q42?uselang=fr')).toBe('Q42');
    expect(wikidataIdOfUrl(' https://wikidata.org/wiki/Q42 ')).toBe('Q42');
    for (const other of [
      'Q42',
      'https://www.wikidata.org/wiki/Property:P31',
      'https://www.wikidata.org/wiki/Q042',
      'https://en.wikipedia.org/wiki/Q42',
      'https://www.wikidata.org.example.com/wiki/Q42',
      'ftp://www.wikidata.org/wiki/Q42',
      'https://www.wikidata.org/wiki/Q42/extra',
      42,
      null,
    ])
      expect(wikidataIdOfUrl(other)).toBeNull();
  });

  it('refuses a document that is not ClaimReview, as a whole', async () => {
    const file = path.join(db.dir, 'not-claimreview.json');
    fs.writeFileSync(file, JSON.stringify({ items: [] }));
    const result = await runCli(IMPORT_JS, ['--format', 'claimreview', file], db);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/expected a JSON array of ClaimReview objects/);
  });
});
