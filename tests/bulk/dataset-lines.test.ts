import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError, DatasetService } from '../../src/modules/dataset/dataset.service';
import type { DatasetLine } from '../../src/modules/dataset/dataset.types';
import { parseDatasetLine } from '../../src/modules/dataset/dataset-validation';
import { type ImportFailure, ndjsonRecords, runBulkImport } from '../../src/modules/dataset/bulk-import';
import { buildDataset } from '../helpers/factories';
import { inspectRows } from '../helpers/inspect';
import { createTestDatabase } from '../helpers/test-app';
import { datasetLines, rowCounts } from './bulk-helpers';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

function line(slug: string, claims = 2): DatasetLine {
  return structuredClone(datasetLines(buildDataset([{ slug, claims }]))[0]);
}

describe('importing one dataset line', () => {
  let db: TestDatabase;
  let datasets: DatasetService;

  beforeAll(async () => {
    db = await createTestDatabase();
    datasets = new DatasetService({ db });
  });
  afterAll(() => db.close());

  it('adds to an article already present the claims and keyed fact-checks it lacks, and nothing else', async () => {
    const first = line('grows', 3);
    const full = structuredClone(first);
    first.article.claims = first.article.claims.slice(0, 2);
    expect(await datasets.importLine(first)).toMatchObject({ articles: 1, claims: 2, annotations: 2 });

    full.article.claims[0].annotations.push({
      ...full.article.claims[0].annotations[0],
      key: 'grows-extra-check',
      verdict: 'FALSE',
      publishedAt: '2030-01-01T00:00:00.000Z',
    });
    const summary = await datasets.importLine(full);
    // The added claim's claimant is named by no claim stored before: recorded with it.
    expect(summary).toEqual({
      users: 0,
      sources: 0,
      claimants: 1,
      articles: 0,
      skippedArticles: 1,
      claims: 1,
      annotations: 2,
      places: 0,
      appearances: 0,
      topics: 0,
      filings: 0,
    });
    const claims = await inspectRows(
      db,
      sql<{
        external_id: string;
        verdict: string;
        notes: number;
      }>`SELECT c.external_id, c.verdict, (SELECT COUNT(*) FROM annotations n WHERE n.claim_id = c.id) AS notes
       FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.slug = 'grows' ORDER BY c.start_offset`,
    );
    // The newest published fact-check sets the verdict of the claim it was added to.
    expect(claims).toEqual([
      { external_id: 'grows-claim-0', verdict: 'FALSE', notes: 2 },
      { external_id: 'grows-claim-1', verdict: 'TRUE', notes: 1 },
      { external_id: 'grows-claim-2', verdict: 'TRUE', notes: 1 },
    ]);
    const before = await rowCounts(db);
    expect(await datasets.importLine(full)).toEqual({
      users: 0,
      sources: 0,
      claimants: 0,
      articles: 0,
      skippedArticles: 1,
      claims: 0,
      annotations: 0,
      places: 0,
      appearances: 0,
      topics: 0,
      filings: 0,
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses a claim key that belongs to another article, storing nothing of the line', async () => {
    const taken = line('takes-a-key');
    taken.article.claims[1].key = 'grows-claim-1';
    const before = await rowCounts(db);
    await expect(datasets.importLine(taken)).rejects.toThrow(
      'article "takes-a-key", claim "grows-claim-1": the key is taken by a claim of another article',
    );
    expect(await rowCounts(db)).toEqual(before);
  });

  it('stores the claimant records of a line; another record of a stored claimant (by name key) changes nothing', async () => {
    const first = line('named-by-records', 3);
    first.article.claims[0].claimant = 'Ana Ōtsuka';
    first.article.claims[1].claimant = 'harbour  AUTHORITY';
    first.article.claims[2].claimant = 'Someone Unrecorded';
    first.claimants = [
      {
        name: 'Ana Ōtsuka',
        kind: 'PERSON',
        description: 'Port economist.',
        wikidataId: 'Q4242',
        aliases: ['A. Ōtsuka', 'ana ōtsuka', ' Dr Ōtsuka ', 'a. ŌTSUKA'],
      },
      {
        name: 'Harbour Authority',
        slug: 'port-authority',
        kind: 'ORGANIZATION',
        description: null,
        wikidataId: null,
        aliases: [],
      },
    ];
    expect(await datasets.importLine(await parseDatasetLine(first))).toMatchObject({
      articles: 1,
      claims: 3,
      claimants: 3,
    });
    const claimants = () =>
      inspectRows(
        db,
        sql<{
          name: string;
          slug: string;
          kind: string;
          description: string | null;
          wikidata_id: string | null;
          aliases: string;
        }>`SELECT name, slug, kind, description, wikidata_id, aliases FROM claimants
           WHERE name IN ('Ana Ōtsuka', 'Harbour Authority', 'Someone Unrecorded', 'Port Police') OR name_key = 'ana ōtsuka' ORDER BY id`,
      );
    const stored = [
      {
        name: 'Ana Ōtsuka',
        slug: 'ana-otsuka',
        kind: 'PERSON',
        description: 'Port economist.',
        wikidata_id: 'Q4242',
        // As the API stores them: trimmed, without the name or repeats (by key).
        aliases: JSON.stringify(['A. Ōtsuka', 'Dr Ōtsuka']),
      },
      {
        name: 'Harbour Authority',
        slug: 'port-authority',
        kind: 'ORGANIZATION',
        description: null,
        wikidata_id: null,
        aliases: '[]',
      },
      {
        name: 'Someone Unrecorded',
        slug: 'someone-unrecorded',
        kind: 'PERSON',
        description: null,
        wikidata_id: null,
        aliases: '[]',
      },
    ];
    expect(await claimants()).toEqual(stored);
    const named = (slug: string) =>
      inspectRows(
        db,
        sql<{ claimant: string }>`SELECT cl.name AS claimant FROM claims c JOIN articles a ON a.id = c.article_id
          JOIN claimants cl ON cl.id = c.claimant_id WHERE a.slug = ${slug} ORDER BY c.start_offset`,
      );
    expect((await named('named-by-records')).map((row) => row.claimant)).toEqual([
      'Ana Ōtsuka',
      'Harbour Authority',
      'Someone Unrecorded',
    ]);

    const second = line('named-again', 1);
    second.article.claims[0].claimant = 'ANA ŌTSUKA';
    second.claimants = [
      { name: 'ana   ōtsuka', kind: 'ORGANIZATION', description: 'Other.', wikidataId: 'Q1', aliases: ['Nobody'] },
      // The address it asks for is taken: it gets one from its name.
      {
        name: 'Port Police',
        slug: 'port-authority',
        kind: 'ORGANIZATION',
        description: null,
        wikidataId: null,
        aliases: [],
      },
    ];
    expect(await datasets.importLine(await parseDatasetLine(second))).toMatchObject({
      articles: 1,
      claims: 1,
      claimants: 1,
    });
    expect(await claimants()).toEqual([...stored, { ...stored[1], name: 'Port Police', slug: 'port-police' }]);
    expect(await named('named-again')).toEqual([{ claimant: 'Ana Ōtsuka' }]);
  });

  it('the demo dataset still loads, once', async () => {
    const { readDemoDataset } = await import('../../src/modules/dataset/demo-dataset');
    expect(await datasets.import(readDemoDataset())).toMatchObject({
      articles: 1,
      claims: 12,
      annotations: 12,
      places: 2,
      appearances: 0,
    });
    expect(await datasets.import(readDemoDataset())).toEqual({
      users: 0,
      sources: 0,
      claimants: 0,
      articles: 0,
      claims: 0,
      annotations: 0,
      places: 0,
      appearances: 0,
      topics: 0,
      filings: 0,
      skippedArticles: 1,
    });
  });
  it('gives a claim already stored the places it lacks, keeping its words and the rest', async () => {
    const first = line('placed', 1);
    const claim = first.article.claims[0];
    claim.text = 'Someone said something.';
    claim.language = 'fr';
    claim.places = [
      {
        url: 'https://example.org/a?utm_source=x',
        title: 'A',
        publisher: null,
        appearedAt: '2021-03-17',
        startSeconds: 5,
        endSeconds: 9,
      },
    ];
    expect(await datasets.importLine(first)).toMatchObject({ claims: 1, places: 1 });
    const again = structuredClone(first);
    again.article.claims[0].text = 'Other words.';
    again.article.claims[0].language = 'de';
    again.article.claims[0].places = [
      { ...claim.places[0], url: 'https://example.org/a#top', title: 'A again' },
      {
        url: 'https://example.org/b',
        title: null,
        publisher: 'B',
        appearedAt: null,
        startSeconds: null,
        endSeconds: null,
        addedBy: first.users[0].key,
      },
    ];
    expect(await datasets.importLine(again)).toMatchObject({ claims: 0, annotations: 0, places: 1 });
    const claims = await inspectRows(
      db,
      sql`SELECT c.text, c.language FROM claims c WHERE c.external_id = ${claim.key}`,
    );
    expect(claims).toEqual([{ text: 'Someone said something.', language: 'fr' }]);
    const places = await inspectRows(
      db,
      sql<{ url: string; title: string | null; author: string }>`SELECT o.url, o.title, u.name AS author
        FROM outside_appearances o JOIN claims c ON c.id = o.claim_id JOIN users u ON u.id = o.created_by_id
        WHERE c.external_id = ${claim.key} ORDER BY o.id`,
    );
    // Listed by the author of the claim's first fact-check, or by whom the line names.
    expect(places).toEqual([
      {
        url: 'https://example.org/a',
        title: 'A',
        author: first.users.find((user) => user.key === claim.annotations[0].author)!.name,
      },
      { url: 'https://example.org/b', title: null, author: first.users[0].name },
    ]);
    const before = await rowCounts(db);
    expect(await datasets.importLine(again)).toMatchObject({ places: 0 });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('an ndjson line with a bad place fails by its number and field, and stores nothing', async () => {
    const good = line('placed-file-good', 1);
    const bad = line('placed-file-bad', 1);
    bad.article.claims[0].places = [
      {
        url: 'ftp://example.org/tape',
        title: null,
        publisher: null,
        appearedAt: null,
        startSeconds: null,
        endSeconds: null,
      },
    ];
    const file = path.join(db.dir, 'places.ndjson');
    fs.writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`);
    const failures: ImportFailure[] = [];
    const report = await runBulkImport(db, ndjsonRecords(file), { onFailure: (failure) => failures.push(failure) });
    expect(report).toMatchObject({ read: 2, imported: 1, failed: 1 });
    expect(failures).toEqual([
      { label: 'line 2', reason: 'article.claims[0].places[0]: url must be an http or https url' },
    ]);
    expect(await inspectRows(db, sql`SELECT id FROM articles WHERE slug = 'placed-file-bad'`)).toEqual([]);
  });

  it('refuses a place listed by an unknown user, storing nothing of the line', async () => {
    const bad = line('placed-badly', 1);
    bad.article.claims[0].places = [
      {
        url: 'https://example.org/c',
        title: null,
        publisher: null,
        appearedAt: null,
        startSeconds: null,
        endSeconds: null,
        addedBy: 'nobody',
      },
    ];
    const before = await rowCounts(db);
    await expect(datasets.importLine(bad)).rejects.toThrow(
      'article "placed-badly", claim "placed-badly-claim-0", place 1: unknown user "nobody"',
    );
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('checking a dataset line', () => {
  const problem = async (change: (line: DatasetLine & Record<string, unknown>) => void) => {
    const value = line('checked') as DatasetLine & Record<string, unknown>;
    change(value);
    try {
      await parseDatasetLine(value);
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      return (error as Error).message;
    }
    return null;
  };

  it('accepts a good line and fills in what may be left out', async () => {
    const parsed = await parseDatasetLine({
      article: {
        slug: 'minimal',
        headline: ' Minimal ',
        body: 'Only words.',
        status: 'DRAFT',
        claims: [{ key: 'm-1', quote: 'Only words.' }],
      },
    });
    expect(parsed).toEqual({
      article: {
        slug: 'minimal',
        headline: 'Minimal',
        standfirst: null,
        body: 'Only words.',
        authors: [],
        section: null,
        language: 'en',
        url: null,
        publishedAt: null,
        status: 'DRAFT',
        claims: [{ key: 'm-1', quote: 'Only words.', claimant: null, annotations: [] }],
      },
      claimants: [],
      sources: [],
      users: [],
    });
  });

  it('reads claimant records: what may be left out filled in, each problem named by its path', async () => {
    const parsed = await parseDatasetLine({
      article: { slug: 'minimal', headline: 'Minimal', body: 'Only words.', status: 'DRAFT' },
      claimants: [{ name: ' Joe  Biden ', wikidataId: 'Q6279' }],
    });
    expect(parsed.claimants).toEqual([
      { name: 'Joe  Biden', kind: 'PERSON', description: null, wikidataId: 'Q6279', aliases: [] },
    ]);
    const record = {
      name: 'Joe Biden',
      slug: 'joe-biden',
      kind: 'PERSON',
      description: 'President.',
      wikidataId: 'Q6279',
      aliases: ['Biden'],
    };
    const withRecord = (change: Record<string, unknown>) => (l: DatasetLine) =>
      (l.claimants = [{ ...record, ...change } as never]);
    expect(await problem(withRecord({}))).toBeNull();
    const badId = 'claimants[0].wikidataId: must be "Q" and a number without leading zeros, such as "Q6279"';
    expect(await problem(withRecord({ wikidataId: 'Q06279' }))).toBe(badId);
    expect(await problem(withRecord({ wikidataId: 'https://www.wikidata.org/wiki/Q6279' }))).toBe(badId);
    expect(await problem(withRecord({ kind: 'COMPANY' }))).toBe(
      'claimants[0].kind: must be one of PERSON, ORGANIZATION',
    );
    expect(await problem(withRecord({ slug: 'Joe Biden' }))).toBe(
      'claimants[0].slug: must be lower-case letters, digits and single hyphens, at most 80 characters',
    );
    expect(await problem(withRecord({ aliases: ['Biden', 46] }))).toBe('claimants[0].aliases[1]: must be text');
    expect(await problem(withRecord({ aliases: 'Biden' }))).toBe('claimants[0].aliases: must be a list');
    expect(await problem(withRecord({ name: 'n'.repeat(201) }))).toBe(
      'claimants[0]: name must be at most 200 characters',
    );
    expect(await problem(withRecord({ aliases: ['ok', 'bell\u0007'] }))).toBe(
      'claimants[0]: aliases[1] must not contain control characters',
    );
    expect(await problem(withRecord({ description: ' ' }))).toBe('claimants[0]: description must not be empty');
    expect(await problem(withRecord({ sameAs: 'https://www.wikidata.org/wiki/Q6279' }))).toBe(
      'claimants[0]: unknown field "sameAs"',
    );
    expect(
      await problem(
        (l) => (l.claimants = [{ ...record }, { ...record, name: ' joe   BIDEN', slug: undefined }] as never),
      ),
    ).toBe('claimants "Joe Biden" and "joe   BIDEN" are one claimant (names are compared ignoring case and spaces)');
  });

  it("checks a claim's words, language and places as the API does", async () => {
    const place = {
      url: 'https://example.org/interview?utm_source=feed',
      title: ' The interview ',
      appearedAt: '2021-03-17',
      startSeconds: 0,
      endSeconds: 12,
    };
    const parsed = await parseDatasetLine({
      article: {
        slug: 'minimal',
        headline: 'Minimal',
        body: 'Only words.',
        status: 'DRAFT',
        claims: [
          {
            key: 'm-1',
            quote: 'Only words.',
            text: ' Words. ',
            language: 'pt-BR',
            places: [{ ...place, addedBy: 'u' }],
          },
        ],
      },
    });
    expect(parsed.article.claims[0]).toEqual({
      key: 'm-1',
      quote: 'Only words.',
      text: 'Words.',
      language: 'pt-BR',
      claimant: null,
      annotations: [],
      places: [
        {
          url: 'https://example.org/interview?utm_source=feed',
          title: 'The interview',
          publisher: null,
          appearedAt: '2021-03-17',
          startSeconds: 0,
          endSeconds: 12,
          addedBy: 'u',
        },
      ],
    });
    const withPlace = (change: Record<string, unknown>) => (l: DatasetLine) =>
      (l.article.claims[0].places = [{ ...place, ...change } as never]);
    expect(await problem(withPlace({}))).toBeNull();
    expect(await problem((l) => (l.article.claims[0].language = 'English'))).toBe(
      'article.claims[0]: language must be a BCP 47 tag such as en or pt-BR',
    );
    expect(await problem((l) => (l.article.claims[0].text = '  '))).toBe('article.claims[0]: text must not be empty');
    expect(await problem((l) => (l.article.claims[0].text = 't'.repeat(2001)))).toBe(
      'article.claims[0]: text must be at most 2000 characters',
    );
    expect(await problem(withPlace({ url: 'javascript:alert(1)' }))).toBe(
      'article.claims[0].places[0]: url must be an http or https url',
    );
    expect(await problem(withPlace({ title: 't'.repeat(501) }))).toBe(
      'article.claims[0].places[0]: title must be at most 500 characters',
    );
    expect(await problem(withPlace({ publisher: 'bell\u0007' }))).toBe(
      'article.claims[0].places[0]: publisher must not contain control characters',
    );
    expect(await problem(withPlace({ startSeconds: -1 }))).toBe(
      'article.claims[0].places[0].startSeconds: must be a whole number, 0 or more',
    );
    expect(await problem(withPlace({ endSeconds: 1.5 }))).toBe(
      'article.claims[0].places[0].endSeconds: must be a whole number, 0 or more',
    );
    expect(await problem(withPlace({ startSeconds: 13 }))).toBe(
      'article.claims[0].places[0].endSeconds: must be at least startSeconds',
    );
    expect(await problem(withPlace({ startSeconds: 10_000_000, endSeconds: null }))).toBe(
      'article.claims[0].places[0]: startSeconds must not be greater than 604800',
    );
    expect(await problem(withPlace({ appearedAt: 'in March' }))).toBe(
      'article.claims[0].places[0].appearedAt: must be an ISO 8601 date (a time needs Z or an offset)',
    );
    expect(await problem(withPlace({ when: '2021' }))).toBe('article.claims[0].places[0]: unknown field "when"');
    expect(
      await problem(
        (l) => (l.article.claims[0].places = [place, { ...place, url: 'https://example.org/interview#top' }] as never),
      ),
    ).toBe('article.claims[0].places[1].url: the claim lists this place twice');
    expect(
      await problem((l) => {
        l.article.claims[0].annotations = [];
        l.article.claims[0].places = [place as never];
      }),
    ).toBe('article.claims[0].places[0].addedBy: is required when the claim has no fact-check');
  });

  it('holds imports to the limits and forms of the API', async () => {
    expect(await problem(() => {})).toBeNull();
    expect(await problem((l) => (l.article.slug = 'Not A Slug'))).toBe(
      'article: slug must be lower-case letters, digits and single hyphens',
    );
    expect(await problem((l) => (l.article.language = 'English'))).toBe(
      'article: language must be a BCP 47 tag such as en or pt-BR',
    );
    expect(await problem((l) => (l.article.claims[0].annotations[0].summary = 'x'.repeat(501)))).toBe(
      'article.claims[0].annotations[0]: summary must be at most 500 characters',
    );
    expect(await problem((l) => (l.article.claims[1].annotations[0].citations[0].excerpt = '  '))).toBe(
      'article.claims[1].annotations[0].citations[0]: excerpt must not be empty',
    );
    expect(await problem((l) => (l.article.claims[0].claimant = 'bell\u0007'))).toBe(
      'article.claims[0]: claimant must not contain control characters',
    );
    expect(await problem((l) => (l.article.claims[0].quote = 'q'.repeat(2001)))).toBe(
      'article.claims[0]: quote must be at most 2000 characters',
    );
    expect(await problem((l) => (l.sources[0].title = ''))).toBe('sources[0]: title must not be empty');
    expect(await problem((l) => (l.users[0].name = 'n'.repeat(201)))).toBe(
      'users[0]: name must be at most 200 characters',
    );
  });

  it('names structural problems by their path', async () => {
    expect(await problem((l) => (l.article.claims[0].annotations[0].verdict = 'PROBABLY' as never))).toMatch(
      /^article\.claims\[0\]\.annotations\[0\]\.verdict: must be one of TRUE, /,
    );
    expect(await problem((l) => (l.article.claims[0].occurrence = 1.5))).toBe(
      'article.claims[0].occurrence: must be a whole number',
    );
    expect(await problem((l) => (l.article.publishedAt = 'last Tuesday'))).toBe(
      'article.publishedAt: must be an ISO 8601 date (a time needs Z or an offset)',
    );
    // Without an offset the time would depend on the machine importing it.
    expect(await problem((l) => (l.article.publishedAt = '2024-06-01T12:00:00'))).toBe(
      'article.publishedAt: must be an ISO 8601 date (a time needs Z or an offset)',
    );
    expect(await problem((l) => (l.article.publishedAt = '2024-06-01T12:00:00+02:00'))).toBeNull();
    expect(await problem((l) => ((l.article as unknown as Record<string, unknown>).claimz = []))).toBe(
      'article: unknown field "claimz"',
    );
    expect(await problem((l) => delete (l.article as Partial<DatasetLine['article']>).body)).toBe(
      'article.body: is required',
    );
    expect(await problem((l) => (l.article.claims[1].key = l.article.claims[0].key))).toBe(
      'claim key "checked-claim-0" occurs twice in the line',
    );
    expect(await problem((l) => (l.article.claims[0].annotations[0].status = 'RETRACTED'))).toBe(
      'article.claims[0].annotations[0].retractionReason: is required',
    );
    expect(await problem((l) => (l.article.claims[0].annotations[0].status = 'DRAFT'))).toBe(
      'article.claims[0].annotations[0].publishedAt: a DRAFT fact-check has not been published',
    );
  });
});
