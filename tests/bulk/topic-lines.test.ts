import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportFailure, ndjsonRecords, runBulkImport } from '../../src/modules/dataset/bulk-import';
import { DatasetError, DatasetService } from '../../src/modules/dataset/dataset.service';
import type { Dataset, DatasetLine } from '../../src/modules/dataset/dataset.types';
import { parseDatasetLine } from '../../src/modules/dataset/dataset-validation';
import { isTopicSlug } from '../../src/modules/topic/topic-slug';
import { buildDataset } from '../helpers/factories';
import { inspectRows } from '../helpers/inspect';
import { createTestDatabase, startTestServer } from '../helpers/test-app';
import { datasetLines, rowCounts } from './bulk-helpers';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

function line(slug: string, claims = 2): DatasetLine {
  return structuredClone(datasetLines(buildDataset([{ slug, claims }]))[0]);
}

const ENERGY = { slug: 'energy', name: 'Energy', description: 'Power, its prices and its grid.' };
const GRID = { slug: 'grid-costs', name: 'Grid costs', description: null };

/** Every filing of the articles whose slug starts with `prefix`: `article` or `claim key` -> topic slug. */
async function filings(db: TestDatabase, prefix: string): Promise<string[]> {
  const rows = await inspectRows(
    db,
    sql<{ item: string; slug: string }>`
      SELECT a.slug AS item, t.slug FROM article_topics x JOIN articles a ON a.id = x.article_id JOIN topics t ON t.id = x.topic_id
      WHERE a.slug LIKE ${`${prefix}%`}
      UNION ALL
      SELECT c.external_id AS item, t.slug FROM claim_topics x JOIN claims c ON c.id = x.claim_id
      JOIN articles a ON a.id = c.article_id JOIN topics t ON t.id = x.topic_id
      WHERE a.slug LIKE ${`${prefix}%`}`,
  );
  return rows.map(({ item, slug }) => `${item} -> ${slug}`).sort();
}

describe('importing the topics of a dataset line', () => {
  let db: TestDatabase;
  let datasets: DatasetService;

  beforeAll(async () => {
    db = await createTestDatabase();
    datasets = new DatasetService({ db });
  });
  afterAll(() => db.close());

  it('stores the topic records and files the article and its claims; the same line again adds nothing', async () => {
    const filed = line('filed');
    filed.topics = [ENERGY, GRID];
    filed.article.topics = ['energy'];
    filed.article.claims[0].topics = ['energy', 'grid-costs'];
    expect(await datasets.importLine(filed)).toMatchObject({ articles: 1, topics: 2, filings: 3 });
    expect(await filings(db, 'filed')).toEqual([
      'filed -> energy',
      'filed-claim-0 -> energy',
      'filed-claim-0 -> grid-costs',
    ]);
    const stored = await inspectRows(db, sql`SELECT slug, name, description FROM topics ORDER BY slug`);
    expect(stored).toEqual([ENERGY, GRID]);

    const before = await rowCounts(db);
    expect(await datasets.importLine(filed)).toMatchObject({ topics: 0, filings: 0, skippedArticles: 1 });
    expect(await rowCounts(db)).toEqual(before);

    // A later line files what was not filed, keeps what was, and takes nothing off.
    const later = structuredClone(filed);
    later.article.topics = ['grid-costs'];
    later.article.claims[0].topics = ['grid-costs'];
    later.article.claims[1].topics = ['energy'];
    expect(await datasets.importLine(later)).toMatchObject({ topics: 0, filings: 2 });
    expect(await filings(db, 'filed')).toEqual([
      'filed -> energy',
      'filed -> grid-costs',
      'filed-claim-0 -> energy',
      'filed-claim-0 -> grid-costs',
      'filed-claim-1 -> energy',
    ]);
  });

  it('matches topic records by slug, then by name, leaving the stored topic as it is; files under stored topics by slug', async () => {
    const renamed = line('matched');
    // The stored topic's slug, another name: the stored topic, unchanged.
    renamed.topics = [{ slug: 'energy', name: 'Energy policy', description: 'Another description.' }];
    renamed.article.topics = ['energy'];
    // A stored topic named without its record.
    renamed.article.claims[0].topics = ['grid-costs'];
    expect(await datasets.importLine(renamed)).toMatchObject({ topics: 0, filings: 2 });

    // Another slug, the stored topic's name however spelt: that topic, under its own slug.
    const spelt = line('matched-by-name');
    spelt.topics = [{ slug: 'power', name: '  ENERGY ', description: null }];
    spelt.article.topics = ['power'];
    expect(await datasets.importLine(spelt)).toMatchObject({ topics: 0, filings: 1 });
    expect(await filings(db, 'matched')).toEqual([
      'matched -> energy',
      'matched-by-name -> energy',
      'matched-claim-0 -> grid-costs',
    ]);
    expect(await inspectRows(db, sql`SELECT slug, name, description FROM topics ORDER BY slug`)).toEqual([
      ENERGY,
      GRID,
    ]);
  });

  it('fails a line filing under a topic no record or stored topic has, by its number and field, storing nothing of it', async () => {
    const good = line('unknown-good', 1);
    good.article.topics = ['energy'];
    const badClaim = line('unknown-claim', 1);
    badClaim.article.claims[0].topics = ['nowhere'];
    const badArticle = line('unknown-article', 1);
    badArticle.topics = [{ slug: 'somewhere', name: 'Somewhere', description: null }];
    badArticle.article.topics = ['somewhere', 'elsewhere'];
    const file = path.join(db.dir, 'topics.ndjson');
    fs.writeFileSync(file, [good, badClaim, badArticle].map((value) => JSON.stringify(value)).join('\n') + '\n');
    const before = await rowCounts(db);
    const failures: ImportFailure[] = [];
    const report = await runBulkImport(db, ndjsonRecords(file), { onFailure: (failure) => failures.push(failure) });
    expect(report).toMatchObject({ read: 3, imported: 1, failed: 2 });
    expect(failures).toEqual([
      {
        label: 'line 2',
        reason: 'article.claims[0].topics[0]: no topic has the slug "nowhere" (not in the line\'s topics, not stored)',
      },
      {
        label: 'line 3',
        reason: 'article.topics[1]: no topic has the slug "elsewhere" (not in the line\'s topics, not stored)',
      },
    ]);
    const after = await rowCounts(db);
    // Only the good line's article, claim and filing: the failed lines' topic record went with them.
    expect(after.topics).toBe(before.topics);
    expect(after.article_topics).toBe(before.article_topics + 1);
    expect(await inspectRows(db, sql`SELECT slug FROM articles WHERE slug LIKE 'unknown-%'`)).toEqual([
      { slug: 'unknown-good' },
    ]);
  });
});

describe('a dataset with topics, as the service loads it', () => {
  it("makes a topic public with its published article, on its page and in its feed; a draft's stays hidden", async () => {
    const dataset: Dataset = buildDataset([
      { slug: 'loaded-published', claims: 2 },
      { slug: 'loaded-draft', claims: 1, status: 'DRAFT' },
    ]);
    dataset.topics = [ENERGY, { slug: 'draft-desk', name: 'Draft desk', description: null }];
    dataset.articles[0].topics = ['energy'];
    dataset.articles[0].claims[1].topics = ['energy'];
    dataset.articles[1].topics = ['draft-desk'];
    const server = await startTestServer({ demo: false, dataset });
    try {
      const page = await (await fetch(`${server.url}/topics/energy`)).text();
      expect(page).toContain('Headline of loaded-published');
      const feed = await (await fetch(`${server.url}/feeds/topics/energy.atom`)).text();
      expect([...feed.matchAll(/<entry>/g)]).toHaveLength(1);
      for (const hidden of ['/topics/draft-desk', '/feeds/topics/draft-desk.atom'])
        expect((await fetch(`${server.url}${hidden}`)).status, hidden).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('checking the topics of a dataset line', () => {
  const problem = async (change: (line: DatasetLine & Record<string, unknown>) => void) => {
    const value = line('checked') as DatasetLine & Record<string, unknown>;
    value.topics = [structuredClone(ENERGY)];
    change(value);
    try {
      await parseDatasetLine(value);
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      return (error as Error).message;
    }
    return null;
  };
  const records = (line: DatasetLine) => line.topics as unknown as Record<string, unknown>[];

  it('reads topic records and filings, trimmed; lines without them read as before', async () => {
    const value = line('read') as unknown as Record<string, unknown> & DatasetLine;
    value.topics = [{ slug: ' energy ', name: ' Energy ', description: null }];
    value.article.topics = [' energy '];
    value.article.claims[1].topics = ['energy'];
    const parsed = await parseDatasetLine(value);
    expect(parsed.topics).toEqual([{ slug: 'energy', name: 'Energy', description: null }]);
    expect(parsed.article.topics).toEqual(['energy']);
    expect(parsed.article.claims.map((claim) => claim.topics)).toEqual([undefined, ['energy']]);
    const plain = await parseDatasetLine(line('plain'));
    expect(plain).not.toHaveProperty('topics');
    expect(plain.article).not.toHaveProperty('topics');
    expect(plain.article.claims[0]).not.toHaveProperty('topics');
  });

  it('names each problem of a topic record or a filing by its field', async () => {
    expect(await problem(() => {})).toBeNull();
    expect(await problem((l) => (records(l)[0].slug = 'Energy Policy'))).toBe(
      'topics[0].slug: must be a topic slug: lower-case letters, digits and single hyphens, at most 80 characters',
    );
    expect(await problem((l) => delete records(l)[0].name)).toBe('topics[0].name: is required');
    expect(await problem((l) => (records(l)[0].name = 'n'.repeat(201)))).toBe(
      'topics[0]: name must be at most 200 characters',
    );
    expect(await problem((l) => (records(l)[0].description = 'd'.repeat(501)))).toBe(
      'topics[0]: description must be at most 500 characters',
    );
    expect(await problem((l) => (records(l)[0].colour = 'green'))).toBe('topics[0]: unknown field "colour"');
    expect(await problem((l) => (l.topics = 'energy' as never))).toBe('topics: must be a list');
    expect(await problem((l) => l.topics!.push({ ...ENERGY, name: 'Power' }))).toBe(
      'topics[1].slug: the topic "energy" occurs twice in the line',
    );
    expect(await problem((l) => l.topics!.push({ ...ENERGY, slug: 'power', name: 'ENERGY' }))).toBe(
      'topics[1].name: "ENERGY" and "Energy" are one topic (names are compared ignoring case and spaces)',
    );
    expect(await problem((l) => (l.article.topics = 'energy' as never))).toBe('article.topics: must be a list');
    expect(await problem((l) => (l.article.topics = [3] as never))).toBe(
      'article.topics[0]: must be text (a topic slug)',
    );
    expect(await problem((l) => (l.article.claims[1].topics = ['energy', 'energy']))).toBe(
      'article.claims[1].topics[1]: the topic "energy" is listed twice',
    );
    expect(await problem((l) => (l.article.topics = Array.from({ length: 21 }, (_, i) => `topic-${i}`)))).toBe(
      'article.topics: at most 20 topics',
    );
  });

  it('accepts a filed slug exactly when it is one, and otherwise names the field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9-]{1,90}$/)), async (slug) => {
        const message = await problem((l) => (l.article.claims[0].topics = [slug]));
        if (isTopicSlug(slug.trim())) expect(message).toBeNull();
        else expect(message).toMatch(/^article\.claims\[0\]\.topics\[0\]: must be a topic slug/);
      }),
      { numRuns: 200 },
    );
  });
});
