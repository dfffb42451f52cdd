import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toClaimReview } from '../../src/exports/claim-review';
import { buildDataset } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-app';

type Review = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON-LD is open-ended

/** Google's ClaimReview documentation: required properties, and the recommended ones we fill. */
function expectValidClaimReview(review: Review): void {
  expect(review['@context']).toBe('https://schema.org');
  expect(review['@type']).toBe('ClaimReview');
  // Required: claimReviewed, reviewRating (with alternateName), url, author.
  expect(typeof review.claimReviewed).toBe('string');
  expect(review.claimReviewed.length).toBeGreaterThan(0);
  expect(review.url).toMatch(/^https?:\/\/[^#]+#claim-/);
  expect(review.author).toMatchObject({
    '@type': 'Organization',
    name: expect.any(String),
    url: expect.stringMatching(/^https?:\/\//),
  });
  expect(review.reviewRating['@type']).toBe('Rating');
  expect(typeof review.reviewRating.alternateName).toBe('string');
  if (review.reviewRating.ratingValue !== undefined) {
    expect(review.reviewRating).toMatchObject({ bestRating: 5, worstRating: 1 });
    expect(review.reviewRating.ratingValue).toBeGreaterThanOrEqual(1);
    expect(review.reviewRating.ratingValue).toBeLessThanOrEqual(5);
  }
  // Recommended: datePublished, itemReviewed (a Claim with its appearance).
  expect(Number.isNaN(Date.parse(review.datePublished))).toBe(false);
  expect(review.itemReviewed['@type']).toBe('Claim');
  expect(review.itemReviewed.appearance).toMatchObject({
    '@type': 'NewsArticle',
    url: expect.stringMatching(/^https?:\/\//),
    headline: expect.any(String),
  });
}

describe('ClaimReview', () => {
  it('carries rating numbers only for verdicts on the scale, and alternateName always', () => {
    const base = {
      url: 'https://facts.example.org/articles/a#claim-Q2xhaW06MQ',
      quote: 'The bridge cost 2 million',
      claimant: { name: 'The mayor', kind: 'PERSON' as const, wikidataUrl: null },
      article: {
        url: 'https://news.example.org/bridge',
        headline: 'Bridge opens',
        publishedAt: new Date('2024-01-02T00:00:00Z'),
      },
      organisation: { name: 'Example Checks', url: 'https://facts.example.org' },
      datePublished: new Date('2024-01-03T00:00:00Z'),
      summary: 'It cost 3 million.',
      language: 'en',
    };
    const rated = toClaimReview({ ...base, ratingValue: 1, ratingLabel: 'False' });
    expectValidClaimReview(rated);
    expect(rated.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'False',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
    });
    expect(rated.itemReviewed).toMatchObject({
      author: { '@type': 'Person', name: 'The mayor' },
      datePublished: '2024-01-02T00:00:00.000Z',
    });
    expect(
      toClaimReview({
        ...base,
        claimant: { name: 'Kremlin', kind: 'ORGANIZATION', wikidataUrl: 'https://www.wikidata.org/wiki/Q9684' },
        ratingValue: 1,
        ratingLabel: 'False',
      }).itemReviewed,
    ).toMatchObject({
      author: { '@type': 'Organization', name: 'Kremlin', sameAs: 'https://www.wikidata.org/wiki/Q9684' },
    });
    const unrated = toClaimReview({ ...base, claimant: null, ratingValue: null, ratingLabel: 'Misleading' });
    expectValidClaimReview(unrated);
    expect(unrated.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Misleading' });
    expect(unrated.itemReviewed).not.toHaveProperty('author');
  });
});

describe('GET /claimreview.json', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const get = async (query = '') => {
    const response = await fetch(`${server.url}/claimreview.json${query}`);
    return {
      status: response.status,
      body: (await response.json()) as {
        items: Review[];
        next: string | null;
        nextCursor: string | null;
        error?: { code: string; field: string };
      },
    };
  };

  it('serves every published ClaimReview of the demo, newest first, valid', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.items).toHaveLength(12);
    expect(body.next).toBeNull();
    for (const review of body.items) expectValidClaimReview(review);
    const dates = body.items.map((review) => review.datePublished);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(body.items[0].author).toEqual({
      '@type': 'Organization',
      name: 'factline test desk',
      url: 'http://factline.test',
    });
    expect(body.items[0].url).toMatch(
      /^http:\/\/factline\.test\/articles\/biden-warns-putin-act-firmly-ukraine-tensions#claim-/,
    );
  });

  it('filters by since and refuses bad parameters with a code and the field', async () => {
    const { body } = await get('?since=2026-11-20T11:00:00Z');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThan(12);
    for (const review of body.items)
      expect(Date.parse(review.datePublished)).toBeGreaterThanOrEqual(Date.parse('2026-11-20T11:00:00Z'));
    expect(await get('?since=yesterday')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', field: 'since' } },
    });
    expect(await get('?cursor=forged')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', field: 'cursor' } },
    });
  });
});

describe('GET /claimreview.json paging', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, dataset: buildDataset([{ slug: 'many-claims', claims: 60 }]) });
  });
  afterAll(() => server.close());

  it('pages through every review once, following next', async () => {
    const seen: string[] = [];
    let url: string | null = `${server.url}/claimreview.json`;
    for (let guard = 0; url && guard < 5; guard += 1) {
      const body = (await (await fetch(url)).json()) as { items: Review[]; nextCursor: string | null };
      seen.push(...body.items.map((review) => review.url as string));
      url = body.nextCursor ? `${server.url}/claimreview.json?cursor=${body.nextCursor}` : null;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });
});
