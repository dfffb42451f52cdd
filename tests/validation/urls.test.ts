import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeutraliseUnsafeUrls1796100000000 } from '../../migrations/1796100000000-NeutraliseUnsafeUrls';
import { httpUrlOrNull, normalizeHttpUrl } from '../../src/graphql/http-url';
import { toDatasetLine } from '../../src/modules/dataset/claimreview-import';
import { parseDatasetLine } from '../../src/modules/dataset/dataset-validation';
import { DatasetService } from '../../src/modules/dataset/dataset.service';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { fingerprint } from '../helpers/fingerprint';
import { inspectRow, inspectRows, inspectWrite } from '../helpers/inspect';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const UNSAFE = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:void(0)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/relative/path',
  'ftp://example.org/a',
];

describe('one url rule', () => {
  it('accepts http(s) only, in one normalised form, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withFragments: true, withQueryParameters: true }),
          fc.string(),
          fc.constantFrom(...UNSAFE),
        ),
        (raw) => {
          const url = httpUrlOrNull(raw);
          if (url === null) return;
          expect(['http:', 'https:']).toContain(new URL(url).protocol);
          expect(url).not.toContain('#');
          // Normalising twice changes nothing.
          expect(normalizeHttpUrl(url)).toBe(url);
        },
      ),
      { numRuns: 500 },
    );
    for (const raw of UNSAFE) expect(httpUrlOrNull(raw), raw).toBeNull();
    expect(normalizeHttpUrl('HTTPS://Example.ORG/a?utm_source=x&id=2#top')).toBe('https://example.org/a?id=2');
  });
});

describe('stored urls through the API', () => {
  let server: TestServer;
  let editor: SignedIn;
  let reviewer: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    // Warm the tokens so their lastUsedAt refresh is not taken for a change.
    for (const who of [editor, reviewer]) await server.gql('{ viewer { id } }', {}, who.token);
  });
  afterAll(() => server.close());

  it.each(UNSAFE)('refuses %j as an article url, on create and on update, changing nothing', async (url) => {
    const before = await fingerprint(server);
    const created = await server.gql(
      'mutation($u: String) { createArticle(input: { slug: "unsafe", headline: "H", body: "B", url: $u }) { id } }',
      { u: url },
      editor.token,
    );
    expect(created.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(await fingerprint(server)).toBe(before);
  });

  it('refuses an unsafe url on updateArticle and createSource; stores good ones normalised', async () => {
    const created = await server.gql<{ createArticle: { id: string; url: string } }>(
      'mutation { createArticle(input: { slug: "safe", headline: "H", body: "B", url: "HTTPS://News.Example.ORG/story?utm_medium=x#top" }) { id url } }',
      {},
      editor.token,
    );
    expect(created.data!.createArticle.url).toBe('https://news.example.org/story');
    const before = await fingerprint(server);
    const updated = await server.gql(
      'mutation($id: ID!) { updateArticle(input: { id: $id, expectedVersion: 1, url: "javascript:alert(1)" }) { id } }',
      { id: created.data!.createArticle.id },
      editor.token,
    );
    expect(updated.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    const source = await server.gql(
      'mutation { createSource(input: { url: "javascript:alert(1)", title: "T", kind: OTHER }) { id } }',
      {},
      reviewer.token,
    );
    expect(source.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(await fingerprint(server)).toBe(before);
    const cleared = await server.gql<{ updateArticle: { url: string | null } }>(
      'mutation($id: ID!) { updateArticle(input: { id: $id, expectedVersion: 1, url: null }) { url } }',
      { id: created.data!.createArticle.id },
      editor.token,
    );
    expect(cleared.data!.updateArticle.url).toBeNull();
  });
});

describe('stored urls through imports', () => {
  it('an ndjson line with an unsafe article url is refused with its reason; the demo path normalises', async () => {
    const [article] = buildDataset([{ slug: 'imported' }]).articles;
    const line = { article: { ...article, url: 'javascript:alert(1)' }, sources: [], users: [] };
    await expect(parseDatasetLine(line)).rejects.toThrow(/article: url must be an http or https url/);
  });

  it('a ClaimReview appearance that is not http(s) falls back to the review url', () => {
    const line = toDatasetLine({
      text: 'The moon is made of cheese.',
      claimant: 'Someone',
      claimDate: null,
      appearance: { url: 'javascript:alert(1)', headline: null, datePublished: null },
      reviews: [
        {
          url: 'https://desk.example.org/check/1',
          title: 'No',
          publisher: 'Desk',
          date: '2024-01-01T00:00:00.000Z',
          language: 'en',
          rating: { textualRating: 'False' },
          description: null,
        },
      ],
    });
    expect(line.article.url).toBe('https://desk.example.org/check/1');
  });
});

describe('the NeutraliseUnsafeUrls migration', () => {
  it('removes unsafe article urls and replaces an unsafe source url, leaving good ones', async () => {
    const server = await startTestServer({ demo: false });
    try {
      const db = server.db;
      await new DatasetService({ db }).import(buildDataset([{ slug: 'good' }, { slug: 'bad' }]));
      // Written behind the API's back, as an older version could have stored them.
      await db.writes.run(async (manager) => {
        await inspectWrite(manager, sql`UPDATE articles SET url = ${'javascript:alert(1)'} WHERE slug = 'bad'`);
        await inspectWrite(manager, sql`UPDATE articles SET url = 'https://example.org/good' WHERE slug = 'good'`);
        await inspectWrite(manager, sql`UPDATE sources SET url = 'data:text/html,x' WHERE id = 1`);
      });
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        await db.writes.run((manager) => new NeutraliseUnsafeUrls1796100000000().up(manager.queryRunner!));
      } finally {
        console.warn = warn;
      }
      const articles = await inspectRows(
        db,
        sql<{ slug: string; url: string | null }>`SELECT slug, url FROM articles ORDER BY slug`,
      );
      expect(articles).toEqual([
        { slug: 'bad', url: null },
        { slug: 'good', url: 'https://example.org/good' },
      ]);
      expect((await inspectRow(db, sql<{ url: string }>`SELECT url FROM sources WHERE id = 1`))!.url).toBe(
        'https://unsafe-url.invalid/source/1',
      );
      expect(warnings).toHaveLength(2);
      expect(warnings.join('\n')).not.toContain('javascript:');
    } finally {
      await server.close();
    }
  });
});
