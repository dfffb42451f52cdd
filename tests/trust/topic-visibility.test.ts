import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { isTopicSlug, topicSlugCandidate, topicSlugOf } from '../../src/modules/topic/topic-slug';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/**
 * A topic carried only by a draft names unpublished work: readers are answered nothing of it by
 * any path (the list, the lookup, the filters, nested fields, the reader page) until something
 * published carries it; staff see it all along.
 */
describe('topic visibility', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let draft: { id: string };
  let secret: { id: string; slug: string };

  const readerAnswers = async (who?: SignedIn) => {
    const data = await room.ok<Record<string, unknown>>(
      `{
        topics(first: 100) { totalCount edges { node { slug name } } }
        topic(slug: "merger-talks") { slug name }
        articles(filter: { topic: "merger-talks" }) { totalCount }
        claims(filter: { topic: "merger-talks" }) { totalCount }
        search(query: "merger", filter: { topic: "merger-talks" }) { totalCount }
      }`,
      {},
      who,
    );
    return JSON.stringify(data);
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    draft = await room.createArticle(editor, {
      slug: 'merger',
      headline: 'The merger',
      body: 'The merger talks failed on Friday.',
    });
    secret = await room.mutate('createTopic', 'CreateTopicInput', { name: 'Merger talks' }, editor, 'id slug');
    await room.mutate(
      'setArticleTopics',
      'SetArticleTopicsInput',
      { articleId: draft.id, topicIds: [secret.id] },
      editor,
      'id',
    );
    const claim = await room.createClaim(editor, { articleId: draft.id, quote: 'talks failed' });
    await room.mutate(
      'setClaimTopics',
      'SetClaimTopicsInput',
      { claimId: claim.id, topicIds: [secret.id] },
      editor,
      'id',
    );
  });
  afterAll(() => server.close());

  it('is invisible to readers by every path while only a draft carries it', async () => {
    const text = await readerAnswers();
    expect(text).not.toMatch(/merger-talks"|Merger talks/i);
    expect(JSON.parse(text)).toMatchObject({ topics: { totalCount: 0 }, topic: null });
    expect(await room.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: secret.id })).toEqual({ node: null });
    expect(await room.readerPage('/topics/merger-talks')).toBeNull();
    expect((await fetch(`${server.url}/topics/merger-talks`)).status).toBe(404);
    expect((await fetch(`${server.url}/topics/Not%20A%20Slug`)).status).toBe(404);
  });

  it('is the staff’s all along', async () => {
    const reviewer = await server.signIn(Role.REVIEWER);
    const data = await room.ok<{ topic: { name: string; articles: { totalCount: number } } }>(
      `{ topic(slug: "merger-talks") { name articles { totalCount } } }`,
      {},
      reviewer,
    );
    // Reviewers see every topic, and of its articles only those they may see (published ones).
    expect(data.topic).toEqual({ name: 'Merger talks', articles: { totalCount: 0 } });
  });

  it('is public once the article is published, with its page listing the article and the checked claim', async () => {
    await room.publishArticle(editor, draft.id);
    const data = await room.ok<{ topic: { slug: string; articles: { edges: { node: { slug: string } }[] } } }>(
      `{ topic(slug: "merger-talks") { slug articles { edges { node { slug } } } } }`,
      {},
    );
    expect(data.topic.articles.edges.map((edge) => edge.node.slug)).toEqual(['merger']);
    const page = await room.readerPage('/topics/merger-talks');
    expect(page).toContain('Merger talks');
    expect(page).toContain('/articles/merger');
  });
});

describe('topic slugs', () => {
  it('are valid, stable and made unique by their candidates, from any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 1000 }), (name, n) => {
        const slug = topicSlugOf(name);
        expect(isTopicSlug(slug)).toBe(true);
        expect(topicSlugOf(name)).toBe(slug);
        const candidate = topicSlugCandidate(slug, n);
        expect(isTopicSlug(candidate)).toBe(true);
        if (n > 1) expect(candidate).not.toBe(topicSlugCandidate(slug, n - 1));
      }),
    );
  });

  it('are unique among topics whatever names are created', async () => {
    const server = await startTestServer({ demo: false });
    try {
      const room = new Newsroom(server);
      const editor = await server.signIn(Role.EDITOR);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 6 }), async (names) => {
          for (const name of names)
            await room.attempt(
              `mutation($input: CreateTopicInput!) { createTopic(input: $input) { id } }`,
              { input: { name } },
              editor,
            );
          const data = await room.ok<{ topics: { edges: { node: { slug: string } }[] } }>(
            `{ topics(first: 100) { edges { node { slug } } } }`,
            {},
            editor,
          );
          const slugs = data.topics.edges.map((edge) => edge.node.slug);
          expect(new Set(slugs).size).toBe(slugs.length);
          expect(slugs.every(isTopicSlug)).toBe(true);
        }),
        { numRuns: 15 },
      );
    } finally {
      await server.close();
    }
  });
});
