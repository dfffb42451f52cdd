import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetLine } from '../../src/modules/dataset/dataset.types';
import { buildDataset } from '../helpers/factories';
import { inspectRow, inspectRows } from '../helpers/inspect';
import { createTestDatabase } from '../helpers/test-app';
import { datasetLines, failureLines, IMPORT_JS, rowCounts, runCli, toNdjson } from './bulk-helpers';

const LINES = datasetLines(
  buildDataset(
    ['one', 'two', 'three', 'four', 'five', 'six'].map((name) => ({
      slug: `bulk-${name}`,
      claims: 3,
      annotationsPerClaim: 2,
    })),
  ),
);

/** Line 4 of the file: its second claim quotes words the body does not have. */
function withForeignQuote(line: DatasetLine): DatasetLine {
  const claims = line.article.claims.map((claim, index) =>
    index === 1 ? { ...claim, quote: 'Words that are nowhere in the body.' } : claim,
  );
  return { ...line, article: { ...line.article, claims } };
}

describe('npm run import -- file.ndjson', () => {
  let dir: string;
  let mixed: string;
  let clean: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bulk-'));
    mixed = path.join(dir, 'mixed.ndjson');
    // Line 2 is not JSON; line 4 has a quote not in its body; line 6 is blank (not a record).
    fs.writeFileSync(
      mixed,
      toNdjson([
        LINES[0],
        '{"article": {"slug": "cut-short"',
        LINES[1],
        withForeignQuote(LINES[2]),
        LINES[3],
        '',
        LINES[4],
        LINES[5],
      ]),
    );
    clean = path.join(dir, 'clean.ndjson');
    fs.writeFileSync(clean, toNdjson(LINES));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports every good line, reports each bad one as `line N: reason` on stderr and exits 1', async () => {
    const db = await createTestDatabase();
    try {
      const result = await runCli(IMPORT_JS, [mixed], db);
      expect(result.code).toBe(1);
      expect(failureLines(result.stderr)).toEqual([
        expect.stringMatching(/^line 2: not valid JSON \(/),
        'line 4: article "bulk-three", claim "bulk-three-claim-1": The quote does not occur in the article body.',
      ]);
      expect(result.stdout.trim()).toBe(
        'import: 7 lines read, 5 imported, 0 skipped (already present), 2 failed; stored 5 articles, 15 claims, 30 fact-checks, 0 places, 0 further places in articles, 4 sources, 1 users, 3 claimants',
      );
      // Not a terminal and no --progress: no bar.
      expect(result.stderr).not.toContain('\r');
      const slugs = await inspectRows(db, sql<{ slug: string }>`SELECT slug FROM articles ORDER BY id`);
      expect(slugs.map((row) => row.slug)).toEqual(['bulk-one', 'bulk-two', 'bulk-four', 'bulk-five', 'bulk-six']);
      // The failed line left nothing behind, not even its first claim.
      expect(
        await inspectRow(db, sql`SELECT COUNT(*) AS n FROM claims WHERE external_id LIKE ${'bulk-three-%'}`),
      ).toEqual({ n: 0 });
    } finally {
      await db.close();
    }
  });

  it('--strict stores nothing and names the first bad line', async () => {
    const db = await createTestDatabase();
    try {
      const before = await rowCounts(db);
      const result = await runCli(IMPORT_JS, ['--strict', mixed], db);
      expect(result.code).toBe(1);
      expect(failureLines(result.stderr)).toEqual([expect.stringMatching(/^line 2: not valid JSON/)]);
      expect(result.stdout).toMatch(/--strict: rolled back, nothing stored$/m);
      expect(await rowCounts(db)).toEqual(before);

      const ok = await runCli(IMPORT_JS, ['--strict', clean], db);
      expect(ok.code).toBe(0);
      expect(await inspectRow(db, sql`SELECT COUNT(*) AS n FROM articles`)).toEqual({ n: 6 });
    } finally {
      await db.close();
    }
  });

  it('is idempotent: a second import of the same file changes no row', async () => {
    const db = await createTestDatabase();
    try {
      expect((await runCli(IMPORT_JS, [clean], db)).code).toBe(0);
      const once = await rowCounts(db);
      expect(once).toMatchObject({ articles: 6, claims: 18, annotations: 36, citations: 36, sources: 4, users: 1 });
      const again = await runCli(IMPORT_JS, [clean], db);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('6 lines read, 0 imported, 6 skipped (already present), 0 failed');
      expect(await rowCounts(db)).toEqual(once);
    } finally {
      await db.close();
    }
  });

  it('an interrupted import, run again on the whole file, completes it without duplicates', async () => {
    const whole = await createTestDatabase();
    const resumed = await createTestDatabase();
    try {
      expect((await runCli(IMPORT_JS, [clean], whole)).code).toBe(0);
      // Interrupted after K = 3 lines, in the middle of line 4, as a cut-off transfer would leave it.
      const text = fs.readFileSync(clean, 'utf8');
      const cut = text.split('\n').slice(0, 3).join('\n').length + 1 + 40;
      const partial = path.join(dir, 'partial.ndjson');
      fs.writeFileSync(partial, text.slice(0, cut));
      const first = await runCli(IMPORT_JS, [partial], resumed);
      expect(first.code).toBe(1);
      expect(failureLines(first.stderr)).toEqual([expect.stringMatching(/^line 4: not valid JSON/)]);
      expect(await inspectRow(resumed, sql`SELECT COUNT(*) AS n FROM articles`)).toEqual({ n: 3 });

      const second = await runCli(IMPORT_JS, [clean], resumed);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('6 lines read, 3 imported, 3 skipped (already present), 0 failed');
      expect(await rowCounts(resumed)).toEqual(await rowCounts(whole));
    } finally {
      await whole.close();
      await resumed.close();
    }
  });

  it('claimant records: a bad one fails its line with the line number and field, and stores nothing of it', async () => {
    const db = await createTestDatabase();
    try {
      const record = {
        name: 'Claimant 0',
        kind: 'ORGANIZATION',
        description: 'Named by the first claim of each article.',
        wikidataId: 'Q42',
        aliases: ['C0'],
      };
      const file = path.join(dir, 'claimants.ndjson');
      fs.writeFileSync(
        file,
        toNdjson([
          { ...LINES[0], claimants: [record] },
          { ...LINES[1], claimants: [{ ...record, wikidataId: 'wd:Q42' }] },
          { ...LINES[2], claimants: [{ ...record, kind: 'GROUP' }] },
          // Another record of the claimant of line 1, by name key: matched, not stored again.
          { ...LINES[3], claimants: [{ ...record, name: 'CLAIMANT  0', kind: 'PERSON', wikidataId: null }] },
        ]),
      );
      const result = await runCli(IMPORT_JS, [file], db);
      expect(result.code).toBe(1);
      expect(failureLines(result.stderr)).toEqual([
        'line 2: claimants[0].wikidataId: must be "Q" and a number without leading zeros, such as "Q6279"',
        'line 3: claimants[0].kind: must be one of PERSON, ORGANIZATION',
      ]);
      expect(result.stdout).toContain('4 lines read, 2 imported, 0 skipped (already present), 2 failed');
      expect(result.stdout).toMatch(/, 3 claimants$/m);
      expect(await rowCounts(db)).toMatchObject({ articles: 2, claims: 6, claimants: 3 });
      expect(
        await inspectRows(
          db,
          sql`SELECT name, kind, description, wikidata_id AS "wikidataId", aliases FROM claimants ORDER BY id`,
        ),
      ).toEqual([
        { ...record, aliases: '["C0"]' },
        ...['Claimant 1', 'Claimant 2'].map((name) => ({
          name,
          kind: 'PERSON',
          description: null,
          wikidataId: null,
          aliases: '[]',
        })),
      ]);
    } finally {
      await db.close();
    }
  });

  it('a file written before claimant records (no "claimants" on its lines) imports claimants by name, as people', async () => {
    const db = await createTestDatabase();
    try {
      const file = path.join(dir, 'older.ndjson');
      fs.writeFileSync(file, toNdjson(LINES.map(({ claimants: _claimants, ...older }) => older)));
      expect(fs.readFileSync(file, 'utf8')).not.toContain('"claimants"');
      const result = await runCli(IMPORT_JS, [file], db);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('6 lines read, 6 imported');
      expect(
        await inspectRows(db, sql`SELECT name, slug, kind, description, aliases FROM claimants ORDER BY id`),
      ).toEqual(
        [0, 1, 2].map((n) => ({
          name: `Claimant ${n}`,
          slug: `claimant-${n}`,
          kind: 'PERSON',
          description: null,
          aliases: '[]',
        })),
      );
    } finally {
      await db.close();
    }
  });

  it('--progress draws a bar on stderr; the summary stays one plain line on stdout', async () => {
    const db = await createTestDatabase();
    try {
      const result = await runCli(IMPORT_JS, ['--progress', clean], db);
      expect(result.code).toBe(0);
      expect(
        result.stderr.endsWith(`\r\u001b[K[${'#'.repeat(30)}] 100% 6 lines, 6 imported, 0 skipped, 0 failed\n`),
      ).toBe(true);
      expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      await db.close();
    }
  });

  it('refuses bad usage with exit code 2', async () => {
    const db = await createTestDatabase();
    try {
      expect((await runCli(IMPORT_JS, [], db)).code).toBe(2);
      expect((await runCli(IMPORT_JS, ['--format', 'csv', clean], db)).code).toBe(2);
      const missing = await runCli(IMPORT_JS, [path.join(dir, 'nope.ndjson')], db);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('cannot read');
    } finally {
      await db.close();
    }
  });
});
