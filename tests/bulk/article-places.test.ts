import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetLine } from '../../src/modules/dataset/dataset.types';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRows } from '../helpers/inspect';
import { createTestDatabase, type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import {
  EXPORT_JS,
  IMPORT_JS,
  failureLines,
  importLinesReport,
  oneClaimDraftLine,
  rowCounts,
  runCli,
} from './bulk-helpers';

// The older story quotes the claim the newer one checks; the newer one quotes the older one's.
const OLDER_BODY = 'Exports doubled last year, the minister said. The port will be sold.';
const NEWER_BODY = 'The port will be sold, the council said. Exports doubled last year, the minister said again.';
const EXPORTS = 'Exports doubled last year';
const PORT = 'The port will be sold';

interface PlaceRow {
  slug: string;
  quote: string;
  claim_quote: string;
  claim_slug: string;
  verdict: string | null;
  claim_verdict: string | null;
  anchors: number;
}

/** Every further place stored, with its claim's quote and article and its anchor history rows. */
async function storedPlaces(db: TestServer['db'] | Awaited<ReturnType<typeof createTestDatabase>>) {
  return inspectRows(
    db,
    sql<PlaceRow>`SELECT a.slug, p.quote, c.quote AS claim_quote, ca.slug AS claim_slug, p.verdict,
        c.verdict AS claim_verdict, (SELECT COUNT(*) FROM claim_anchors h WHERE h.claim_id = p.id) AS anchors
      FROM claims p JOIN claims c ON c.id = p.appearance_of_id
      JOIN articles a ON a.id = p.article_id JOIN articles ca ON ca.id = c.article_id
      WHERE p.deleted_at IS NULL ORDER BY a.slug, p.start_offset`,
  );
}

describe('further places of claims in other articles through ndjson', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  let editor: SignedIn;

  async function mutate(name: string, type: string, input: Record<string, unknown>, who: SignedIn, fields = 'id') {
    const result = await server.gql<Record<string, { id: string }>>(
      `mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`,
      { input },
      who.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data![name];
  }

  beforeAll(async () => {
    // Made through the API, so the claims have no keys: the export derives them. The older
    // article's line comes first and holds a place of the newer article's claim (a place
    // before its claim's line); the newer one holds a place of the older one's claim (after).
    server = await startTestServer({ demo: false });
    reviewer = await server.signIn(Role.REVIEWER, 'Pia Places');
    editor = await server.signIn(Role.EDITOR, 'Ed Places');
    const article = async (slug: string, body: string) => {
      const created = await mutate(
        'createArticle',
        'CreateArticleInput',
        { slug, headline: slug, body, authors: ['A. Writer'] },
        editor,
      );
      await mutate('publishArticle', 'ArticleTransitionInput', { id: created.id }, editor);
      return created.id;
    };
    const older = await article('places-older', OLDER_BODY);
    const newer = await article('places-newer', NEWER_BODY);
    const exportsClaim = await mutate(
      'createClaim',
      'CreateClaimInput',
      { articleId: newer, quote: EXPORTS },
      reviewer,
    );
    const portClaim = await mutate('createClaim', 'CreateClaimInput', { articleId: older, quote: PORT }, reviewer);
    const check = await mutate(
      'createAnnotation',
      'CreateAnnotationInput',
      {
        claimId: exportsClaim.id,
        verdict: 'FALSE',
        summary: 'Exports rose by a tenth.',
        body: '',
        citations: [
          {
            source: { url: 'https://stats.example.org/trade', title: 'Trade figures', kind: 'DATASET' },
            stance: 'REFUTES',
            excerpt: 'exports +10%',
          },
        ],
      },
      reviewer,
    );
    await mutate('submitAnnotation', 'AnnotationTransitionInput', { id: check.id }, reviewer);
    await mutate('publishAnnotation', 'PublishAnnotationInput', { id: check.id, expectedVersion: 2 }, editor);
    const place = (claimId: string, articleId: string, quote: string) =>
      mutate(
        'addClaimAppearance',
        'AddClaimAppearanceInput',
        { claimId, articleId, quote, note: 'Also quoted here.' },
        editor,
        '__typename',
      );
    await place(exportsClaim.id, older, EXPORTS);
    await place(portClaim.id, newer, PORT);
  });
  afterAll(() => server.close());

  it('export -> import into an empty database -> export gives the same bytes, the places pointing at their claims', async () => {
    const first = path.join(server.db.dir, 'places.ndjson');
    const exported = await runCli(EXPORT_JS, ['--output', first], server.db);
    expect(exported.code).toBe(0);
    const text = fs.readFileSync(first, 'utf8');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as DatasetLine);
    expect(lines.map((line) => line.article.slug)).toEqual(['places-older', 'places-newer']);
    const [older, newer] = lines.map((line) => line.article);
    // A place is written in its article's line by its claim's key; nothing of the claim's own.
    expect(older.claims.map((claim) => claim.quote)).toEqual([PORT]);
    expect(older.appearances).toEqual([{ placeOf: newer.claims[0].key, quote: EXPORTS }]);
    expect(newer.claims.map((claim) => claim.quote)).toEqual([EXPORTS]);
    expect(newer.appearances).toEqual([{ placeOf: older.claims[0].key, quote: PORT }]);
    expect(newer.claims[0].key).toMatch(/^places-newer#claim-\d+$/);
    expect(newer.claims[0]).not.toHaveProperty('appearances');
    expect(newer.claims[0].annotations).toHaveLength(1);
    expect(older.claims[0].annotations).toEqual([]);

    const before = await storedPlaces(server.db);
    expect(before).toEqual([
      expect.objectContaining({ slug: 'places-newer', quote: PORT, claim_slug: 'places-older', verdict: null }),
      expect.objectContaining({ slug: 'places-older', quote: EXPORTS, claim_slug: 'places-newer', verdict: 'FALSE' }),
    ]);

    for (const strict of [false, true]) {
      const empty = await createTestDatabase();
      try {
        const imported = await runCli(IMPORT_JS, strict ? ['--strict', first] : [first], empty);
        expect(imported.stderr).toBe('');
        expect(imported.code).toBe(0);
        expect(imported.stdout).toContain('2 lines read, 2 imported, 0 skipped (already present), 0 failed');
        // Each place points at its claim, with the claim's verdict and its own anchor history.
        const places = await storedPlaces(empty);
        expect(places).toEqual(before.map((place) => ({ ...place, anchors: expect.anything() as unknown as number })));
        for (const place of places) {
          expect(place.verdict).toBe(place.claim_verdict);
          expect(Number(place.anchors)).toBe(1);
        }
        const again = await runCli(EXPORT_JS, [], empty);
        expect(again.code).toBe(0);
        expect(again.stdout).toBe(text);

        // Importing it again adds nothing: a place at the same offsets is there already.
        const counts = await rowCounts(empty);
        const twice = await runCli(IMPORT_JS, [first], empty);
        expect(twice.code).toBe(0);
        expect(twice.stdout).toContain('2 lines read, 0 imported, 2 skipped (already present), 0 failed');
        expect(await rowCounts(empty)).toEqual(counts);
      } finally {
        await empty.close();
      }
    }
  });

  it('importing its own export again adds nothing: the claims take their derived keys, the places are there', async () => {
    const file = path.join(server.db.dir, 'self.ndjson');
    expect((await runCli(EXPORT_JS, ['--output', file], server.db)).code).toBe(0);
    const counts = await rowCounts(server.db);
    const result = await runCli(IMPORT_JS, [file], server.db);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 lines read, 0 imported, 2 skipped (already present), 0 failed');
    expect(await rowCounts(server.db)).toEqual(counts);
  });
});

describe('a further place whose claim no claim has', () => {
  const users = [{ key: 'u', name: 'Una Unresolved', role: 'REVIEWER' as const }];
  const known = oneClaimDraftLine(
    'known',
    'Taxes fell.',
    { claimant: null, annotations: [] },
    {
      claimants: [],
      sources: [],
      users,
    },
  );
  const withPlace = (slug: string, placeOf: string): DatasetLine => {
    const line = oneClaimDraftLine(
      slug,
      'Taxes fell.',
      { claimant: null, annotations: [] },
      {
        claimants: [],
        sources: [],
        users,
      },
    );
    line.article.body = 'Taxes fell. Rents rose.';
    line.article.appearances = [{ placeOf, quote: 'Taxes fell.' }];
    return line;
  };

  it('is refused with the field named, and its line stores nothing; the other lines are imported', async () => {
    const db = await createTestDatabase();
    try {
      const before = await rowCounts(db);
      const { report, failures } = await importLinesReport(db, [withPlace('lost', 'nowhere')]);
      expect(failures).toEqual([
        {
          label: 'line 1',
          reason: 'article.appearances[0].placeOf: no claim has the key "nowhere" (not in the file, not stored)',
        },
      ]);
      expect(report).toMatchObject({ read: 1, imported: 0, failed: 1 });
      expect(await rowCounts(db)).toEqual(before);

      // With a good line before and after it: both land, the bad one stores nothing.
      const mixed = await importLinesReport(db, [
        withPlace('resolved', 'later-claim'),
        withPlace('lost', 'nowhere'),
        {
          ...known,
          article: { ...known.article, slug: 'later', claims: [{ ...known.article.claims[0], key: 'later-claim' }] },
        },
      ]);
      expect(mixed.failures.map((failure) => failure.label)).toEqual(['line 2']);
      expect(mixed.report).toMatchObject({ read: 3, imported: 2, failed: 1 });
      const slugs = await inspectRows(db, sql<{ slug: string }>`SELECT slug FROM articles ORDER BY slug`);
      expect(slugs.map((row) => row.slug)).toEqual(['later', 'resolved']);
      expect((await storedPlaces(db)).map((place) => [place.slug, place.claim_slug])).toEqual([['resolved', 'later']]);
    } finally {
      await db.close();
    }
  });

  it("names the claim whose line failed: the place's line keeps its article and claims", async () => {
    const db = await createTestDatabase();
    try {
      const broken = oneClaimDraftLine(
        'broken',
        'Taxes fell.',
        { claimant: null, annotations: [] },
        {
          claimants: [],
          sources: [],
          users,
        },
      );
      const { report, failures } = await importLinesReport(db, [
        withPlace('waiting', 'broken-claim'),
        { ...broken, article: { ...broken.article, status: 'LOST' } },
      ]);
      expect(failures).toEqual([
        { label: 'line 2', reason: expect.stringMatching(/^article\.status: must be one of/) as unknown as string },
        {
          label: 'line 1',
          reason: 'article.appearances[0].placeOf: the claim "broken-claim" was not imported (its line failed)',
        },
      ]);
      expect(report).toMatchObject({ read: 2, imported: 0, skipped: 0, failed: 2 });
      const slugs = await inspectRows(db, sql<{ slug: string }>`SELECT slug FROM articles ORDER BY slug`);
      expect(slugs.map((row) => row.slug)).toEqual(['waiting']);
      expect(await storedPlaces(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('--strict: the whole file is rolled back, the line and field named', async () => {
    const db = await createTestDatabase();
    try {
      const before = await rowCounts(db);
      const { report, failures } = await importLinesReport(db, [known, withPlace('lost', 'nowhere')], true);
      expect(failures).toEqual([
        {
          label: 'line 2',
          reason: 'article.appearances[0].placeOf: no claim has the key "nowhere" (not in the file, not stored)',
        },
      ]);
      expect(report).toMatchObject({ imported: 0, failed: 1 });
      expect(await rowCounts(db)).toEqual(before);
    } finally {
      await db.close();
    }
  });

  it('the CLI names the line; an unknown field of a place is refused by name', async () => {
    const db = await createTestDatabase();
    try {
      const file = path.join(db.dir, 'lost.ndjson');
      const odd = withPlace('odd', 'known-claim');
      fs.writeFileSync(
        file,
        [
          known,
          withPlace('lost', 'nowhere'),
          { ...odd, article: { ...odd.article, appearances: [{ placeOf: 'x', quote: 'Taxes fell.', text: 'no' }] } },
        ]
          .map((line) => JSON.stringify(line))
          .join('\n') + '\n',
      );
      const result = await runCli(IMPORT_JS, [file], db);
      expect(result.code).toBe(1);
      expect(failureLines(result.stderr)).toEqual([
        'line 2: article.appearances[0].placeOf: no claim has the key "nowhere" (not in the file, not stored)',
        'line 3: article.appearances[0]: unknown field "text"',
      ]);
      expect(result.stdout).toContain('3 lines read, 1 imported, 0 skipped (already present), 2 failed');
    } finally {
      await db.close();
    }
  });
});
