import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { claimReviewImportRecords, runBulkImport } from '../../src/modules/dataset/bulk-import';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow, inspectRows } from '../helpers/inspect';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/**
 * The reader's colours and key come from the organisation's scale, through one generated
 * stylesheet (the CSP allows no inline style); a fact-check shows its own rating in words, an
 * imported one its publisher's.
 */
describe('the rating scale on reader pages', () => {
  let server: TestServer;
  let room: Newsroom;
  let admin: SignedIn;
  let claimId: string;
  let slug: string;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    admin = await server.signIn(Role.ADMIN, 'Ada Admin');
    const report = await runBulkImport(
      server.db,
      claimReviewImportRecords([
        {
          '@type': 'ClaimReview',
          url: 'https://post.example.com/checks/tunnel',
          claimReviewed: 'The tunnel cost ten billion.',
          datePublished: '2024-05-01',
          author: { '@type': 'Organization', name: 'Example Post' },
          reviewRating: {
            '@type': 'Rating',
            alternateName: 'Four Pinocchios',
            ratingValue: 1,
            bestRating: 4,
            worstRating: 1,
          },
          itemReviewed: { '@type': 'Claim', author: { name: 'A Senator' } },
        },
      ]),
    );
    expect(report.failed).toBe(0);
    const row = await inspectRow(
      server.db,
      sql<{ id: number; slug: string }>`SELECT c.id, a.slug FROM claims c JOIN articles a ON a.id = c.article_id`,
    );
    claimId = toGlobalId('Claim', row!.id);
    slug = row!.slug;
  });
  afterAll(() => server.close());

  it('serves the scale as a stylesheet: a class per rating and per verdict, versioned by an ETag', async () => {
    const scale = await inspectRows(
      server.db,
      sql<{ id: number; colour: string }>`SELECT id, colour FROM ratings ORDER BY position`,
    );
    const css = await get('/reader/scale.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    for (const { id, colour } of scale) expect(css.text).toContain(`.r-${id} {\n  --v: ${colour};`);
    expect(css.text).toContain('.v-false {\n  --v: #c92a2a;');
    const etag = css.headers.get('etag')!;
    expect((await get('/reader/scale.css', { 'if-none-match': etag })).status).toBe(304);

    // An ADMIN's colour reaches the stylesheet, under a new version; the verdict's class follows its first rating.
    const { ratingScale } = await room.ok<{ ratingScale: { id: string; verdict: string }[] }>(
      '{ ratingScale { id verdict } }',
      {},
    );
    const falseRating = ratingScale.find((rating) => rating.verdict === 'FALSE')!;
    await room.mutate('updateRating', 'UpdateRatingInput', { id: falseRating.id, colour: '#AA0011' }, admin, 'id');
    const changed = await get('/reader/scale.css', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.text).toContain('.v-false {\n  --v: #aa0011;\n  --v-tint: #ecc7cb;\n  --v-ink: #ffffff;\n}');
  });

  it('pages link it and carry no inline style; the key lists the scale in its order, in words', async () => {
    await room.mutate(
      'createRating',
      'CreateRatingInput',
      { label: 'Needs a second look', colour: '#123456', verdict: 'NEEDS_CONTEXT' },
      admin,
      'id',
    );
    const page = await get(`/articles/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<link rel="stylesheet" href="/reader/scale.css">');
    expect(page.text).not.toMatch(/\sstyle=/);
    const key = /<ul class="key"[\s\S]*?<\/ul>/.exec(page.text)![0];
    const labels = [...key.matchAll(/<\/span>([^<]+)<\/li>/g)].map((match) => match[1]);
    expect(labels).toEqual([
      'True',
      'Mostly true',
      'Mixed',
      'Mostly false',
      'False',
      'Misleading',
      'Needs context',
      'Unverifiable',
      'Needs a second look',
      'Not yet rated',
      'Text changed since checked',
    ]);
    expect(key).toMatch(/<span class="sample v-needs-context r-\d+" aria-hidden="true"><\/span>Needs a second look/);
  });

  it("an imported fact-check shows its publisher's rating in words on the page, claim page, card, feed and oEmbed", async () => {
    const unverifiable = await inspectRow(
      server.db,
      sql<{ id: number }>`SELECT id FROM ratings WHERE verdict = 'UNVERIFIABLE' ORDER BY position LIMIT 1`,
    );
    const badge = `<span class="badge v-unverifiable r-${unverifiable!.id}">Four Pinocchios</span>`;
    expect((await get(`/articles/${slug}`)).text).toContain(badge);
    const claimPage = await get(`/claims/${claimId}`);
    expect(claimPage.text).toContain(
      `<span class="badge v-unverifiable r-${unverifiable!.id}" id="verdict">Four Pinocchios</span>`,
    );
    expect(claimPage.text).toContain('<title>Four Pinocchios: “The tunnel cost ten billion.” · factline</title>');
    const card = await get(`/embed/claims/${claimId}`);
    expect(card.text).toContain(badge);
    expect(card.text).toContain('<link rel="stylesheet" href="/reader/scale.css">');
    const feed = await get('/feeds/fact-checks.atom');
    expect(feed.text).toContain('Four Pinocchios: “The tunnel cost ten billion.”');
    expect(feed.text).toMatch(/<category [^>]*label="Four Pinocchios"/);
    expect(feed.text).toContain('<strong>Verdict: Four Pinocchios</strong> (Unverifiable)');
    const oembed = await get(`/oembed?${new URLSearchParams({ url: `http://factline.test/claims/${claimId}` })}`);
    expect((JSON.parse(oembed.text) as { title: string }).title).toBe(
      'Four Pinocchios: “The tunnel cost ten billion.”',
    );
  });
});
