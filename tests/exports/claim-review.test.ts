import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimReviewInput, toClaimReview } from '../../src/exports/claim-review';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

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
  // Recommended: datePublished, itemReviewed (a Claim with its words and where it appeared).
  expect(Number.isNaN(Date.parse(review.datePublished))).toBe(false);
  const claim = review.itemReviewed;
  expect(claim['@type']).toBe('Claim');
  expect(claim.text).toBe(review.claimReviewed);
  expect(typeof claim.inLanguage).toBe('string');
  // Every appearance a CreativeWork at an http(s) url, the claim's article first.
  expect(Array.isArray(claim.appearance)).toBe(true);
  expect(claim.appearance[0]).toMatchObject({
    '@type': 'NewsArticle',
    url: expect.stringMatching(/^https?:\/\//),
    headline: expect.any(String),
  });
  for (const work of claim.appearance as Review[]) {
    expect(['NewsArticle', 'CreativeWork']).toContain(work['@type']);
    expect(work.url).toMatch(/^https?:\/\/[^\s]+$/);
    if (work.datePublished !== undefined) expect(Number.isNaN(Date.parse(work.datePublished))).toBe(false);
    if (work.publisher !== undefined)
      expect(work.publisher).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
    if (work.hasPart !== undefined) {
      expect(work.hasPart['@type']).toBe('Clip');
      for (const offset of ['startOffset', 'endOffset'])
        if (work.hasPart[offset] !== undefined) expect(Number.isInteger(work.hasPart[offset])).toBe(true);
    }
  }
  // The claim's date is its earliest known appearance's; the first appearance only when every one is dated.
  const dates = (claim.appearance as Review[]).map((work) => work.datePublished as string | undefined);
  const known = dates.filter((date) => date !== undefined).sort();
  expect(claim.datePublished).toBe(known[0]);
  if (claim.firstAppearance !== undefined) {
    expect(dates).not.toContain(undefined);
    expect(claim.appearance).toContainEqual(claim.firstAppearance);
    expect(claim.firstAppearance.datePublished).toBe(known[0]);
  }
}

/** The review as the open-ended JSON-LD it is. */
const reviewFor = (input: ClaimReviewInput): Review => toClaimReview(input);

describe('ClaimReview', () => {
  const base = {
    url: 'https://facts.example.org/articles/a#claim-Q2xhaW06MQ',
    text: 'The bridge cost 2 million',
    claimLanguage: 'en',
    claimant: { name: 'The mayor', kind: 'PERSON' as const, wikidataUrl: null },
    article: {
      url: 'https://news.example.org/bridge',
      headline: 'Bridge opens',
      publishedAt: new Date('2024-01-02T00:00:00Z'),
      publisher: null,
    },
    outside: [],
    organisation: { name: 'Example Checks', url: 'https://facts.example.org' },
    datePublished: new Date('2024-01-03T00:00:00Z'),
    summary: 'It cost 3 million.',
    language: 'en',
    rating: { value: 1, best: 5, worst: 1 },
    ratingLabel: 'False',
  };

  it('carries rating numbers only for verdicts on the scale, and alternateName always', () => {
    const rated = toClaimReview({ ...base, rating: { value: 1, best: 5, worst: 1 }, ratingLabel: 'False' });
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
        rating: { value: 1, best: 5, worst: 1 },
        ratingLabel: 'False',
      }).itemReviewed,
    ).toMatchObject({
      author: { '@type': 'Organization', name: 'Kremlin', sameAs: 'https://www.wikidata.org/wiki/Q9684' },
    });
    const unrated = toClaimReview({ ...base, claimant: null, rating: null, ratingLabel: 'Misleading' });
    expectValidClaimReview(unrated);
    expect(unrated.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Misleading' });
    expect(unrated.itemReviewed).not.toHaveProperty('author');
  });

  const place = {
    url: 'https://tv.example.org/interview',
    title: 'Evening interview',
    publisher: 'Example TV',
    appearedAt: new Date('2023-12-30T19:00:00Z'),
    startSeconds: 30,
    endSeconds: 45,
  };
  const untimed = { startSeconds: null, endSeconds: null };

  it('lists the article and each outside place, a recording with its clip, and the first when all are dated', () => {
    const review = reviewFor({
      ...base,
      outside: [
        place,
        {
          ...place,
          ...untimed,
          url: 'https://x.example/p',
          title: null,
          publisher: null,
          appearedAt: new Date('2024-02-01T00:00:00Z'),
        },
      ],
    });
    expectValidClaimReview(review);
    expect(review.itemReviewed.appearance).toEqual([
      {
        '@type': 'NewsArticle',
        url: 'https://news.example.org/bridge',
        headline: 'Bridge opens',
        datePublished: '2024-01-02T00:00:00.000Z',
      },
      {
        '@type': 'CreativeWork',
        url: 'https://tv.example.org/interview',
        name: 'Evening interview',
        publisher: { '@type': 'Organization', name: 'Example TV' },
        datePublished: '2023-12-30T19:00:00.000Z',
        hasPart: { '@type': 'Clip', startOffset: 30, endOffset: 45 },
      },
      { '@type': 'CreativeWork', url: 'https://x.example/p', datePublished: '2024-02-01T00:00:00.000Z' },
    ]);
    // The interview came before the article: it is the first appearance, and the claim's date.
    expect(review.itemReviewed.firstAppearance).toEqual(review.itemReviewed.appearance[1]);
    expect(review.itemReviewed.datePublished).toBe('2023-12-30T19:00:00.000Z');
  });

  it('names no first appearance when a place has no date: it may be the oldest', () => {
    const review = reviewFor({
      ...base,
      outside: [place, { ...place, ...untimed, url: 'https://x.example/p', appearedAt: null }],
    });
    expectValidClaimReview(review);
    expect(review.itemReviewed).not.toHaveProperty('firstAppearance');
    // The claim was still made by the earliest date known.
    expect(review.itemReviewed.datePublished).toBe('2023-12-30T19:00:00.000Z');
    const startOnly = reviewFor({ ...base, outside: [{ ...place, endSeconds: null }] });
    expect(startOnly.itemReviewed.appearance[1].hasPart).toEqual({ '@type': 'Clip', startOffset: 30 });
    const plain = reviewFor({ ...base, outside: [{ ...place, ...untimed }] });
    expect(plain.itemReviewed.appearance[1]).not.toHaveProperty('hasPart');
  });

  it("reviews the claim's own words, and names the organisation as the article's publisher when it is", () => {
    const review = reviewFor({
      ...base,
      text: 'The mayor said the bridge cost 2 million euros.',
      claimLanguage: 'en-GB',
      article: { ...base.article, publisher: base.organisation },
    });
    expect(review.claimReviewed).toBe('The mayor said the bridge cost 2 million euros.');
    expect(review.itemReviewed).toMatchObject({ text: review.claimReviewed, inLanguage: 'en-GB' });
    expect(review.inLanguage).toBe('en');
    expect(review.itemReviewed.appearance[0].publisher).toEqual({
      '@type': 'Organization',
      name: 'Example Checks',
      url: 'https://facts.example.org',
    });
  });
});

describe('ClaimReview about', () => {
  const base = {
    url: 'https://facts.example.org/articles/a#claim-Q2xhaW06MQ',
    text: 'The bridge cost 2 million',
    claimLanguage: 'en',
    claimant: null,
    article: { url: 'https://news.example.org/bridge', headline: 'Bridge opens', publishedAt: null, publisher: null },
    outside: [],
    organisation: { name: 'Example Checks', url: 'https://facts.example.org' },
    datePublished: new Date('2024-01-03T00:00:00Z'),
    summary: 'It cost 3 million.',
    language: 'en',
    rating: null,
    ratingLabel: 'False',
  };

  it('names each topic as a Thing with its name and page, in order, and is left out without topics', () => {
    const topics = [
      { name: 'Energy', url: 'https://facts.example.org/topics/energy' },
      { name: 'Transport & roads', url: 'https://facts.example.org/topics/transport-roads' },
    ];
    const review = reviewFor({ ...base, topics });
    expectValidClaimReview(review);
    expect(review.about).toEqual(topics.map((topic) => ({ '@type': 'Thing', ...topic })));
    expect(reviewFor({ ...base, topics: [] })).not.toHaveProperty('about');
    expect(reviewFor(base)).not.toHaveProperty('about');
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

/** A claim's places in the feed: live ones of visible claims only, read in one statement for the page. */
describe('GET /claimreview.json: where claims were made', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;

  const ADD = 'mutation($input: AddClaimAppearanceInput!) { addClaimAppearance(input: $input) { id } }';
  const addPlace = async (who: SignedIn, input: Record<string, unknown>) =>
    (await room.ok<{ addClaimAppearance: { id: string } }>(ADD, { input }, who)).addClaimAppearance.id;
  const feed = async () => {
    const before = server.db.reader.statementCount;
    const body = (await (await fetch(`${server.url}/claimreview.json`)).json()) as { items: Review[] };
    return { items: body.items, statements: server.db.reader.statementCount - before };
  };
  const reviewOf = (items: Review[], text: string) => items.find((review) => review.claimReviewed === text);

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
  });
  afterAll(() => server.close());

  it('lists each live place of a published claim after its article; a removed place is gone', async () => {
    const article = await room.createArticle(editor, {
      slug: 'interview',
      headline: 'The interview',
      body: 'Biden said in an interview that Putin is a killer. The ceasefire held until spring.',
      publishedAt: '2021-03-20T08:00:00.000Z',
    });
    await room.publishArticle(editor, article.id);
    const { createClaim } = await room.ok<{ createClaim: { id: string } }>(
      'mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "Putin is a killer", text: "Biden agreed that Putin is a killer.", language: "en-US" }) { id } }',
      { a: article.id },
      reviewer,
    );
    const claimId = createClaim.id;
    await addPlace(reviewer, {
      claimId,
      url: 'https://tv.example.org/interviews/biden',
      title: 'Interview with the President',
      publisher: 'Example TV',
      appearedAt: '2021-03-17T10:00:00.000Z',
      startSeconds: 754,
      endSeconds: 768,
    });
    await addPlace(reviewer, {
      claimId,
      url: 'https://paper.example.net/2021/03/18/killer',
      title: 'A president on his rival',
      appearedAt: '2021-03-18T06:00:00.000Z',
    });
    const removed = await addPlace(reviewer, { claimId, url: 'https://removed.example.com/wrong-clip' });
    await room.publishedCheck(reviewer, editor, {
      claimId,
      verdict: 'MISLEADING',
      summary: 'He answered yes to a question.',
      body: 'The transcript shows a yes to a question.',
    });
    // On a checked claim, taking a place off the list is an editor's public correction.
    await room.ok(
      'mutation($input: RemoveClaimAppearanceInput!) { removeClaimAppearance(input: $input) { removedAppearanceId } }',
      { input: { id: removed, note: 'That clip was of another interview.' } },
      editor,
    );

    const { items, statements } = await feed();
    for (const review of items) expectValidClaimReview(review);
    const review = reviewOf(items, 'Biden agreed that Putin is a killer.')!;
    expect(review.itemReviewed.text).toBe('Biden agreed that Putin is a killer.');
    expect(review.itemReviewed.inLanguage).toBe('en-US');
    expect(review.inLanguage).toBe('en');
    expect(review.itemReviewed.appearance).toEqual([
      {
        '@type': 'NewsArticle',
        url: 'http://factline.test/articles/interview',
        headline: 'The interview',
        datePublished: '2021-03-20T08:00:00.000Z',
        publisher: { '@type': 'Organization', name: 'factline test desk', url: 'http://factline.test' },
      },
      {
        '@type': 'CreativeWork',
        url: 'https://tv.example.org/interviews/biden',
        name: 'Interview with the President',
        publisher: { '@type': 'Organization', name: 'Example TV' },
        datePublished: '2021-03-17T10:00:00.000Z',
        hasPart: { '@type': 'Clip', startOffset: 754, endOffset: 768 },
      },
      {
        '@type': 'CreativeWork',
        url: 'https://paper.example.net/2021/03/18/killer',
        name: 'A president on his rival',
        datePublished: '2021-03-18T06:00:00.000Z',
      },
    ]);
    expect(review.itemReviewed.firstAppearance).toEqual(review.itemReviewed.appearance[1]);
    expect(review.itemReviewed.datePublished).toBe('2021-03-17T10:00:00.000Z');
    expect(JSON.stringify(items)).not.toContain('removed.example.com');
    // The checks and their claims' places: two statements.
    expect(statements).toBe(2);
  });

  it("never shows the places of a draft or withdrawn article's claims", async () => {
    const secondEditor = await server.signIn(Role.EDITOR);
    // A draft, fact-checked by its editors before publication.
    const draft = await room.createArticle(editor, {
      slug: 'draft-places',
      headline: 'Not yet',
      body: 'The minister said the budget doubled. More to come.',
    });
    const drafted = await room.createClaim(editor, { articleId: draft.id, quote: 'the budget doubled' });
    await addPlace(editor, {
      claimId: drafted.id,
      url: 'https://secret.example.org/draft-place',
      title: 'Secret place',
    });
    await room.publishedCheck(editor, secondEditor, {
      claimId: drafted.id,
      verdict: 'FALSE',
      summary: 'It rose by a tenth.',
      body: 'The budget rose by a tenth.',
    });
    // A published article with a checked, placed claim, then withdrawn.
    const gone = await room.createArticle(editor, {
      slug: 'withdrawn-places',
      headline: 'Withdrawn',
      body: 'The mayor said the river froze. Nothing else.',
    });
    await room.publishArticle(editor, gone.id);
    const frozen = await room.createClaim(reviewer, { articleId: gone.id, quote: 'the river froze' });
    await addPlace(reviewer, { claimId: frozen.id, url: 'https://withdrawn.example.org/river', title: 'River place' });
    await room.publishedCheck(reviewer, editor, {
      claimId: frozen.id,
      verdict: 'FALSE',
      summary: 'It did not.',
      body: 'It did not freeze.',
    });
    expect(JSON.stringify((await feed()).items)).toContain('withdrawn.example.org');
    await room.archiveArticle(editor, gone.id);

    const text = JSON.stringify((await feed()).items);
    for (const hidden of ['secret.example.org', 'Secret place', 'withdrawn.example.org', 'River place'])
      expect(text).not.toContain(hidden);
    expect(await room.readerPage('/articles/draft-places')).toBeNull();
    expect(await room.readerPage('/articles/withdrawn-places')).toBeNull();
  });

  it('costs the same two statements however many claims and places a page holds', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const article = await room.createArticle(editor, {
        slug: `more-places-${i}`,
        headline: `More ${i}`,
        body: `Claim number ${i} was made here. And claim extra ${i} too.`,
      });
      await room.publishArticle(editor, article.id);
      for (const quote of [`Claim number ${i}`, `claim extra ${i}`]) {
        const claim = await room.createClaim(reviewer, { articleId: article.id, quote });
        await addPlace(reviewer, { claimId: claim.id, url: `https://example.org/${i}/${quote.length}` });
        await room.publishedCheck(reviewer, editor, {
          claimId: claim.id,
          verdict: 'TRUE',
          summary: `True ${i}`,
          body: 'Checked.',
        });
      }
      counts.push((await feed()).statements);
    }
    expect(counts).toEqual([2, 2, 2]);
  });
});

/** What a ClaimReview is about: the public topics of its claim and of the claim's article. */
describe('ClaimReview about: topics', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;

  const topic = (name: string) =>
    room.mutate<{ id: string; slug: string }>('createTopic', 'CreateTopicInput', { name }, editor, 'id slug');
  const fileClaim = (claimId: string, topicIds: string[]) =>
    room.mutate('setClaimTopics', 'SetClaimTopicsInput', { claimId, topicIds }, editor, 'id');
  const fileArticle = (articleId: string, topicIds: string[]) =>
    room.mutate('setArticleTopics', 'SetArticleTopicsInput', { articleId, topicIds }, editor, 'id');
  const feed = async () => {
    const before = server.db.reader.statementCount;
    const body = (await (await fetch(`${server.url}/claimreview.json`)).json()) as { items: Review[] };
    return { items: body.items, statements: server.db.reader.statementCount - before };
  };
  const reviewOf = (items: Review[], text: string) => items.find((review) => review.claimReviewed === text);
  const jsonLdOf = async (slug: string): Promise<Review[]> => {
    const page = await (await fetch(`${server.url}/articles/${slug}`)).text();
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page);
    return block ? (JSON.parse(block[1]) as Review[]) : [];
  };
  /** A published article with a checked claim quoting `quote`. */
  const checked = async (slug: string, quote: string) => {
    const article = await room.createArticle(editor, {
      slug,
      headline: `Story ${slug}`,
      body: `Yesterday the minister said ${quote} at the launch.`,
    });
    await room.publishArticle(editor, article.id);
    const claim = await room.createClaim(reviewer, { articleId: article.id, quote });
    await room.publishedCheck(reviewer, editor, { claimId: claim.id, verdict: 'FALSE', summary: 'No.', body: 'No.' });
    return { articleId: article.id, claimId: claim.id };
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
  });
  afterAll(() => server.close());

  it("lists the claim's and its article's topics once each, by name, with their pages, in the feed and on the page", async () => {
    const energy = await topic('Energy');
    const climate = await topic('Climate');
    const secret = await topic('Secret merger');
    const story = await checked('wind-story', 'wind power doubled');
    const plain = await checked('plain-story', 'the tram is free');
    await fileClaim(story.claimId, [energy.id, climate.id]);
    await fileArticle(story.articleId, [climate.id]);
    // A topic carried only by a draft's claim: named nowhere.
    const draft = await room.createArticle(editor, {
      slug: 'draft-merger',
      headline: 'Draft',
      body: 'The board said the merger is done.',
    });
    const hidden = await room.createClaim(editor, { articleId: draft.id, quote: 'the merger is done' });
    await fileClaim(hidden.id, [secret.id, energy.id]);

    const { items, statements } = await feed();
    for (const review of items) expectValidClaimReview(review);
    const about = [
      { '@type': 'Thing', name: 'Climate', url: `http://factline.test/topics/${climate.slug}` },
      { '@type': 'Thing', name: 'Energy', url: `http://factline.test/topics/${energy.slug}` },
    ];
    expect(reviewOf(items, 'wind power doubled')!.about).toEqual(about);
    expect(reviewOf(items, 'the tram is free')).not.toHaveProperty('about');
    // The checks, their claims' places and their topics: three statements.
    expect(statements).toBe(3);
    expect(JSON.stringify(items)).not.toContain('Secret merger');
    expect((await jsonLdOf('wind-story'))[0].about).toEqual(about);
    expect(await jsonLdOf('plain-story')).toEqual([expect.not.objectContaining({ about: expect.anything() })]);

    // Only the article filed: its topic still says what the fact-check is about.
    await fileClaim(story.claimId, []);
    await fileArticle(plain.articleId, [energy.id]);
    const after = (await feed()).items;
    expect(reviewOf(after, 'wind power doubled')!.about).toEqual([about[0]]);
    expect(reviewOf(after, 'the tram is free')!.about).toEqual([about[1]]);
  });

  it('reads the topics of a whole page in one statement, whatever the claim and topic counts', async () => {
    const many = await Promise.all(['Housing', 'Rents', 'Planning'].map((name) => topic(name)));
    const counts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const story = await checked(`housing-${i}`, `rents fell by ${i + 1} percent`);
      await fileClaim(
        story.claimId,
        many.slice(0, i + 1).map((t) => t.id),
      );
      counts.push((await feed()).statements);
    }
    expect(counts).toEqual([3, 3, 3]);
    const items = (await feed()).items;
    expect(reviewOf(items, 'rents fell by 3 percent')!.about.map((thing: Review) => thing.name)).toEqual([
      'Housing',
      'Planning',
      'Rents',
    ]);
  });
});
