import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { inspectRows, inspectWrite } from '../helpers/inspect';
import { createTestDatabase, type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { EXPORT_JS, IMPORT_JS, rowCounts, runCli } from './bulk-helpers';

type Review = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON-LD is open-ended

const API_BODY =
  'Prices rose. Prices rose.\n\nThe mayor said the park will close.\n\nWages fell by a record amount this spring, the report said.';
const CORRECTED_BODY = 'Prices rose. Prices rose.\n\nThe mayor said the park will close.';

describe('npm run export', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  let editor: SignedIn;

  async function ok<T>(query: string, input: Record<string, unknown>, who: SignedIn): Promise<T> {
    const result = await server.gql<T>(query, { input }, who.token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }
  const mutate = async (name: string, type: string, input: Record<string, unknown>, who: SignedIn, fields = 'id') =>
    (
      await ok<Record<string, { id: string; version: number }>>(
        `mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`,
        input,
        who,
      )
    )[name];

  beforeAll(async () => {
    // The demo article, factory articles (one a draft), and an article made through the API:
    // claims without external ids (one on the second of two equal sentences), a retracted
    // and a draft fact-check, a correction that orphans a claim, and claimant records: an
    // organisation with every field, a person renamed since she was recorded (her slug stays),
    // a duplicate record of her merged into her, and a claimant named only by a claim.
    server = await startTestServer({
      dataset: buildDataset([
        { slug: 'rt-published', claims: 3, annotationsPerClaim: 2, citationsPerAnnotation: 2 },
        { slug: 'rt-draft', claims: 2, status: 'DRAFT' },
      ]),
    });
    reviewer = await server.signIn(Role.REVIEWER, 'Rita Roundtrip');
    editor = await server.signIn(Role.EDITOR, 'Eve Export');
    const otherEditor = await server.signIn(Role.EDITOR, 'Olga Other');
    const article = await mutate(
      'createArticle',
      'CreateArticleInput',
      { slug: 'api-made', headline: 'Made through the API', body: API_BODY, authors: ['A. Writer'] },
      editor,
    );
    const published = await mutate(
      'publishArticle',
      'ArticleTransitionInput',
      { id: article.id },
      editor,
      'id version',
    );
    const elysee = await mutate(
      'createClaimant',
      'CreateClaimantInput',
      {
        name: 'Élysée Palace',
        kind: 'ORGANIZATION',
        description: 'The French presidency.',
        wikidataId: 'Q193049',
        aliases: ['Palais de l’Élysée', 'The Élysée'],
      },
      reviewer,
    );
    const mary = await mutate(
      'createClaimant',
      'CreateClaimantInput',
      { name: 'Mayor Mary Major', description: 'Mayor of the city.', wikidataId: 'Q4115189', aliases: ['M. M.'] },
      reviewer,
    );
    await mutate('updateClaimant', 'UpdateClaimantInput', { id: mary.id, name: 'Mary Major' }, reviewer);
    const duplicate = await mutate(
      'createClaimant',
      'CreateClaimantInput',
      { name: 'M. Major', description: 'A second record of the mayor.' },
      reviewer,
    );
    const second = await mutate(
      'createClaim',
      'CreateClaimInput',
      { articleId: article.id, quote: 'Prices rose.', occurrence: 2, claimant: 'The mayor' },
      reviewer,
    );
    const park = await mutate(
      'createClaim',
      'CreateClaimInput',
      {
        articleId: article.id,
        quote: 'The mayor said the park will close.',
        claimantId: duplicate.id,
        text: 'The mayor announced that the city park will close.',
        language: 'en-GB',
      },
      reviewer,
    );
    const wages = await mutate(
      'createClaim',
      'CreateClaimInput',
      { articleId: article.id, quote: 'Wages fell by a record amount this spring, the report said.' },
      reviewer,
    );
    const first = await mutate(
      'createClaim',
      'CreateClaimInput',
      { articleId: article.id, quote: 'Prices rose.', occurrence: 1, claimantId: elysee.id },
      reviewer,
    );
    // Places: one timed in a recording, one with nothing but its url, one removed (not
    // exported), and one listed by an editor who wrote none of the fact-checks.
    await mutate(
      'addClaimAppearance',
      'AddClaimAppearanceInput',
      {
        claimId: park.id,
        url: 'https://radio.example.org/shows/city-hour?utm_medium=rss#listen',
        title: 'The City Hour',
        publisher: 'Example Radio',
        appearedAt: '2026-05-04T09:30:00Z',
        startSeconds: 754,
        endSeconds: 781,
      },
      reviewer,
    );
    await mutate(
      'addClaimAppearance',
      'AddClaimAppearanceInput',
      { claimId: park.id, url: 'https://example.net/p/1' },
      reviewer,
    );
    const removed = await mutate(
      'addClaimAppearance',
      'AddClaimAppearanceInput',
      { claimId: park.id, url: 'https://example.net/withdrawn', title: 'Withdrawn' },
      reviewer,
    );
    await ok(
      `mutation($input: RemoveClaimAppearanceInput!) { removeClaimAppearance(input: $input) { removedAppearanceId } }`,
      { id: removed.id },
      reviewer,
    );
    await mutate(
      'addClaimAppearance',
      'AddClaimAppearanceInput',
      { claimId: first.id, url: 'https://elysee.example.fr/communiques/prix', publisher: 'Élysée' },
      editor,
    );
    await mutate('mergeClaimants', 'MergeClaimantsInput', { keepId: mary.id, mergeId: duplicate.id }, editor);
    // The merge moved the park claim to the kept record; point it back at the merged one behind
    // the service's back, so that the export's own resolution of merged claimants is what is tested.
    await server.db.writes.run((manager) =>
      inspectWrite(
        manager,
        sql`UPDATE claims SET claimant_id = (SELECT id FROM claimants WHERE name = 'M. Major')
            WHERE quote = 'The mayor said the park will close.'`,
      ),
    );
    const check = await mutate(
      'createAnnotation',
      'CreateAnnotationInput',
      {
        claimId: second.id,
        verdict: 'MIXED',
        summary: 'Prices rose for some goods only.',
        body: 'The index rose; food fell.',
        citations: [
          {
            source: { url: 'https://stats.example.org/prices?utm_source=x', title: 'Price index', kind: 'DATASET' },
            stance: 'CONTEXT',
            excerpt: 'index +2%',
          },
        ],
      },
      reviewer,
    );
    await mutate('submitAnnotation', 'AnnotationTransitionInput', { id: check.id }, reviewer);
    await mutate('publishAnnotation', 'PublishAnnotationInput', { id: check.id, expectedVersion: 2 }, editor);
    await mutate(
      'retractAnnotation',
      'RetractAnnotationInput',
      { id: check.id, reason: 'The index was revised.' },
      otherEditor,
    );
    await mutate(
      'createAnnotation',
      'CreateAnnotationInput',
      { claimId: park.id, verdict: 'NEEDS_CONTEXT', summary: 'Closing for repairs only.', body: '' },
      reviewer,
    );
    // Topics: the article and two of its claims filed, a draft filed, one topic filed only on
    // the claim the correction orphans (left out with it), and one filing nothing.
    const topic = (name: string, description?: string) =>
      mutate('createTopic', 'CreateTopicInput', { name, description }, editor, 'id');
    const health = await topic('Public health', 'Hospitals, clinics and what they cost.');
    const economy = await topic('Économie');
    const labour = await topic('Labour');
    const desk = await topic('Drafts desk');
    await topic('Unused topic');
    const draftId = (
      await server.gql<{ article: { id: string } }>('{ article(slug: "rt-draft") { id } }', {}, editor.token)
    ).data!.article.id;
    const fileArticle = (articleId: string, topicIds: string[]) =>
      mutate('setArticleTopics', 'SetArticleTopicsInput', { articleId, topicIds }, editor);
    const fileClaim = (claimId: string, topicIds: string[]) =>
      mutate('setClaimTopics', 'SetClaimTopicsInput', { claimId, topicIds }, editor);
    await fileArticle(article.id, [economy.id]);
    await fileArticle(draftId, [desk.id]);
    await fileClaim(first.id, [health.id, economy.id]);
    await fileClaim(park.id, [health.id]);
    await fileClaim(wages.id, [labour.id]);
    await mutate(
      'updateArticle',
      'UpdateArticleInput',
      {
        id: article.id,
        expectedVersion: published.version,
        body: CORRECTED_BODY,
        changeNote: 'Removed the wages paragraph.',
      },
      editor,
    );
  });
  afterAll(() => server.close());

  it('ndjson: export -> import into an empty database -> export gives the same bytes', async () => {
    const first = path.join(server.db.dir, 'first.ndjson');
    const exported = await runCli(EXPORT_JS, ['--format', 'ndjson', '--output', first], server.db);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(
      /^export: warning: article "api-made", claim "api-made#claim-\d+" left out: its anchor is (ORPHANED|AMBIGUOUS)/m,
    );
    expect(exported.stderr).toMatch(/^export: 4 articles, 20 claims, 22 fact-checks; 1 claims left out written to /m);

    const lines = fs
      .readFileSync(first, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.article.slug)).toEqual([
      'biden-warns-putin-act-firmly-ukraine-tensions',
      'rt-published',
      'rt-draft',
      'api-made',
    ]);
    const apiMade = lines[3].article;
    expect(apiMade.body).toBe(CORRECTED_BODY);
    expect(
      apiMade.claims.map((claim: { quote: string; occurrence?: number }) => [claim.quote, claim.occurrence]),
    ).toEqual([
      ['Prices rose.', 1],
      ['Prices rose.', 2],
      ['The mayor said the park will close.', undefined],
    ]);
    // Every claimant its claims name, with its whole record, by name; the merged record is not
    // written (its name is an alias of its keeper) and its claim names the keeper.
    expect(apiMade.claims.map((claim: { claimant: string | null }) => claim.claimant)).toEqual([
      'Élysée Palace',
      'The mayor',
      'Mary Major',
    ]);
    expect(lines[3].claimants).toEqual([
      {
        name: 'Mary Major',
        slug: 'mayor-mary-major',
        kind: 'PERSON',
        description: 'Mayor of the city.',
        wikidataId: 'Q4115189',
        aliases: ['M. M.', 'M. Major'],
      },
      { name: 'The mayor', slug: 'the-mayor', kind: 'PERSON', description: null, wikidataId: null, aliases: [] },
      {
        name: 'Élysée Palace',
        slug: 'elysee-palace',
        kind: 'ORGANIZATION',
        description: 'The French presidency.',
        wikidataId: 'Q193049',
        aliases: ['Palais de l’Élysée', 'The Élysée'],
      },
    ]);
    expect(lines[0].claimants).toContainEqual({
      name: 'Joe Biden',
      slug: 'joe-biden',
      kind: 'PERSON',
      description: 'President of the United States from 2021.',
      wikidataId: 'Q6279',
      aliases: ['Biden', 'President Biden'],
    });
    expect(lines.flatMap((line) => line.claimants.map((claimant: { name: string }) => claimant.name))).not.toContain(
      'M. Major',
    );
    expect(apiMade.claims[1].annotations).toEqual([
      expect.objectContaining({
        author: 'Rita Roundtrip',
        status: 'RETRACTED',
        retractionReason: 'The index was revised.',
        retractedAt: expect.any(String),
      }),
    ]);
    expect(apiMade.claims[1].annotations[0]).not.toHaveProperty('key');
    expect(lines[3].sources.map((source: { url: string }) => source.url)).toEqual(['https://stats.example.org/prices']);
    expect(lines[1].users).toEqual([{ key: 'Factory Reviewer', name: 'Factory Reviewer', role: 'REVIEWER' }]);
    // A claim's own words and language, and its live places, oldest first; null words are left out.
    expect(apiMade.claims[2]).toMatchObject({
      text: 'The mayor announced that the city park will close.',
      language: 'en-GB',
      places: [
        {
          url: 'https://radio.example.org/shows/city-hour',
          title: 'The City Hour',
          publisher: 'Example Radio',
          appearedAt: '2026-05-04T09:30:00.000Z',
          startSeconds: 754,
          endSeconds: 781,
          addedBy: 'Rita Roundtrip',
        },
        {
          url: 'https://example.net/p/1',
          title: null,
          publisher: null,
          appearedAt: null,
          startSeconds: null,
          endSeconds: null,
          addedBy: 'Rita Roundtrip',
        },
      ],
    });
    expect(apiMade.claims[0].places).toEqual([
      {
        url: 'https://elysee.example.fr/communiques/prix',
        title: null,
        publisher: 'Élysée',
        appearedAt: null,
        startSeconds: null,
        endSeconds: null,
        addedBy: 'Eve Export',
      },
    ]);
    expect(apiMade.claims[0]).not.toHaveProperty('text');
    expect(apiMade.claims[0]).not.toHaveProperty('language');
    expect(apiMade.claims[1]).not.toHaveProperty('places');
    // Topics: each item's by slug, the line's records of them by slug; a left-out claim's only
    // topic and a topic filing nothing are not written, nor is the key of a line without any.
    expect(apiMade.topics).toEqual(['economie']);
    expect(apiMade.claims.map((claim: { topics?: string[] }) => claim.topics)).toEqual([
      ['economie', 'public-health'],
      undefined,
      ['public-health'],
    ]);
    expect(lines[3].topics).toEqual([
      { slug: 'economie', name: 'Économie', description: null },
      { slug: 'public-health', name: 'Public health', description: 'Hospitals, clinics and what they cost.' },
    ]);
    expect(Object.keys(lines[3])).toEqual(['article', 'claimants', 'topics', 'sources', 'users']);
    expect(lines[2].article.topics).toEqual(['drafts-desk']);
    expect(lines[2].topics).toEqual([{ slug: 'drafts-desk', name: 'Drafts desk', description: null }]);
    for (const line of [lines[0], lines[1]]) {
      expect(line).not.toHaveProperty('topics');
      expect(line.article).not.toHaveProperty('topics');
    }
    expect(JSON.stringify(lines)).not.toMatch(/labour|unused-topic/i);
    // Who listed a place comes along, after the fact-checks' authors.
    expect(lines[3].users).toEqual([
      { key: 'Rita Roundtrip', name: 'Rita Roundtrip', role: 'REVIEWER' },
      { key: 'Eve Export', name: 'Eve Export', role: 'EDITOR' },
    ]);

    const empty = await createTestDatabase();
    try {
      const imported = await runCli(IMPORT_JS, [first], empty);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('4 lines read, 4 imported, 0 skipped (already present), 0 failed');
      // Three topics, and five filings: two articles, and two claims of one (one of them twice).
      expect(imported.stdout.trim()).toMatch(/, 3 topics, 5 filings under topics$/);
      // Stored under the slugs of the file: the topics' pages keep their addresses.
      const topics = await inspectRows(
        empty,
        sql<{ slug: string; name: string }>`SELECT slug, name FROM topics ORDER BY slug`,
      );
      expect(topics).toEqual([
        { slug: 'drafts-desk', name: 'Drafts desk' },
        { slug: 'economie', name: 'Économie' },
        { slug: 'public-health', name: 'Public health' },
      ]);
      const again = await runCli(EXPORT_JS, [], empty);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(fs.readFileSync(first, 'utf8'));
    } finally {
      await empty.close();
    }
  });

  it('importing its own export again changes nothing: claims made through the API take their derived keys', async () => {
    const file = path.join(server.db.dir, 'self.ndjson');
    expect((await runCli(EXPORT_JS, ['--output', file], server.db)).code).toBe(0);
    const before = await rowCounts(server.db);
    const result = await runCli(IMPORT_JS, [file], server.db);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('4 lines read, 0 imported, 4 skipped (already present), 0 failed');
    expect(await rowCounts(server.db)).toEqual(before);
    const keys = await inspectRows(
      server.db,
      sql<{
        external_id: string | null;
      }>`SELECT c.external_id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.slug = 'api-made' ORDER BY c.id`,
    );
    expect(keys.map((row) => row.external_id)).toEqual([
      expect.stringMatching(/^api-made#claim-\d+$/),
      expect.stringMatching(/^api-made#claim-\d+$/),
      null,
      expect.stringMatching(/^api-made#claim-\d+$/),
    ]);
  });

  it('claimreview: the published fact-checks of published articles as ClaimReview, with PUBLIC_URL and ORGANISATION_NAME', async () => {
    const env = { PUBLIC_URL: 'https://facts.example.org/', ORGANISATION_NAME: 'Example Fact Desk' };
    const result = await runCli(EXPORT_JS, ['--format', 'claimreview'], server.db, env);
    expect(result.code).toBe(0);
    const reviews = JSON.parse(result.stdout) as Review[];
    // 12 demo + 3 claims x 2 of rt-published; not the draft article's, not the retracted or the draft fact-check.
    expect(reviews).toHaveLength(18);
    expect(result.stderr).toBe('export: 18 ClaimReview records\n');
    for (const review of reviews) {
      expect(review['@type']).toBe('ClaimReview');
      expect(review.url).toMatch(/^https:\/\/facts\.example\.org\/articles\/[a-z0-9-]+#claim-/);
      expect(review.claimReviewed).toEqual(expect.any(String));
      expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: expect.any(String) });
      expect(review.author).toEqual({
        '@type': 'Organization',
        name: 'Example Fact Desk',
        url: 'https://facts.example.org',
      });
      expect(Number.isNaN(Date.parse(review.datePublished))).toBe(false);
      // The claim's article first, then any places outside factline.
      expect(review.itemReviewed.appearance[0]).toMatchObject({
        '@type': 'NewsArticle',
        url: expect.stringMatching(/^https?:\/\//),
        headline: expect.any(String),
      });
    }
    const dates = reviews.map((review) => review.datePublished);
    expect([...dates].sort().reverse()).toEqual(dates);

    // Read back as ClaimReview, the claimants keep their kind and Wikidata id.
    const file = path.join(server.db.dir, 'claimreviews.json');
    fs.writeFileSync(file, result.stdout);
    const empty = await createTestDatabase();
    try {
      const imported = await runCli(IMPORT_JS, ['--format', 'claimreview', file], empty);
      expect(imported.code).toBe(0);
      expect(
        await inspectRows(
          empty,
          sql`SELECT name, kind, wikidata_id AS "wikidataId" FROM claimants WHERE name IN ('Joe Biden', 'White House') ORDER BY name`,
        ),
      ).toEqual([
        { name: 'Joe Biden', kind: 'PERSON', wikidataId: 'Q6279' },
        { name: 'White House', kind: 'ORGANIZATION', wikidataId: null },
      ]);
    } finally {
      await empty.close();
    }
  });
});
