import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const TOPIC = 'id slug name description';

/**
 * Topics over real HTTP: editors keep the list, reviewers and editors file articles and claims
 * under them, and `articles`, `claims` and `search` filter by a topic's slug.
 */
describe('topics', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let admin: SignedIn;
  let story: { articleId: string; claimId: string };
  let health: { id: string; slug: string };
  let energy: { id: string; slug: string };

  const createTopic = (input: Record<string, unknown>, who = editor) =>
    room.mutate<{ id: string; slug: string; name: string }>('createTopic', 'CreateTopicInput', input, who, TOPIC);
  const setArticleTopics = (articleId: string, topicIds: string[], who: SignedIn = reviewer) =>
    room.attempt(
      `mutation($input: SetArticleTopicsInput!) { setArticleTopics(input: $input) { id topics { slug } } }`,
      { input: { articleId, topicIds } },
      who,
    );
  const setClaimTopics = (claimId: string, topicIds: string[], who: SignedIn = reviewer) =>
    room.attempt(
      `mutation($input: SetClaimTopicsInput!) { setClaimTopics(input: $input) { id topics { slug } } }`,
      { input: { claimId, topicIds } },
      who,
    );
  const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0]?.extensions;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    admin = await server.signIn(Role.ADMIN);
    story = await room.publishedStory(editor, reviewer, 'vaccines', 'Vaccines cut flu deaths in half.', 'cut flu');
    health = await createTopic({ name: 'Public  Health', description: 'Hospitals, vaccines, care.' });
    energy = await createTopic({ name: 'Énergie' }, admin);
  });
  afterAll(() => server.close());

  it('makes a slug from the name and refuses a second topic of the same name', async () => {
    expect(health.slug).toBe('public-health');
    expect(energy.slug).toBe('energie');
    const again = await room.attempt(
      `mutation($input: CreateTopicInput!) { createTopic(input: $input) { id } }`,
      { input: { name: 'public health' } },
      editor,
    );
    expect(codeOf(again)).toMatchObject({ code: 'CONFLICT', field: 'input.name', topicId: health.id });
  });

  it('keeps the list to editors and admins', async () => {
    for (const who of [reviewer, undefined]) {
      const result = await room.attempt(
        `mutation { createTopic(input: { name: "Sport" }) { id } }`,
        {},
        who as SignedIn | undefined,
      );
      expect(codeOf(result)?.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });

  it('refuses bad input with the field it concerns, changing nothing', async () => {
    const blank = await room.attempt(`mutation { createTopic(input: { name: "  " }) { id } }`, {}, editor);
    expect(codeOf(blank)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = await setArticleTopics(story.articleId, [health.id, energy.id.replace(/.$/, 'x')]);
    expect(codeOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.topicIds.1' });
    const twice = await setArticleTopics(story.articleId, [health.id, health.id]);
    expect(codeOf(twice)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.topicIds.1' });
    const wrongType = await setArticleTopics(story.articleId, [story.claimId]);
    expect(codeOf(wrongType)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.topicIds.0' });
    const data = await room.ok<{ article: { topics: unknown[] } }>(
      `query { article(slug: "vaccines") { topics { slug } } }`,
      {},
      editor,
    );
    expect(data.article.topics).toEqual([]);
  });

  it('files articles and claims, and filters articles, claims and search by topic', async () => {
    const other = await room.publishedStory(editor, reviewer, 'grid', 'The grid ran on wind all week.', 'ran on wind');
    expect((await setArticleTopics(story.articleId, [health.id])).data).toMatchObject({
      setArticleTopics: { topics: [{ slug: 'public-health' }] },
    });
    const filed = await setClaimTopics(story.claimId, [health.id, energy.id]);
    const slugs = (filed.data as { setClaimTopics: { topics: { slug: string }[] } }).setClaimTopics.topics;
    expect(slugs.map((t) => t.slug).sort()).toEqual(['energie', 'public-health']);
    await setArticleTopics(other.articleId, [energy.id]);

    const articles = await room.ok<{ articles: { edges: { node: { slug: string } }[]; totalCount: number } }>(
      `query { articles(filter: { topic: "public-health" }) { edges { node { slug } } totalCount } }`,
      {},
    );
    expect(articles.articles.edges.map((e) => e.node.slug)).toEqual(['vaccines']);
    expect(articles.articles.totalCount).toBe(1);

    const claims = await room.ok<{ claims: { edges: { node: { id: string } }[] } }>(
      `query { claims(filter: { topic: "energie" }) { edges { node { id } } } }`,
      {},
    );
    expect(claims.claims.edges.map((e) => e.node.id)).toEqual([story.claimId]);
    const none = await room.ok<{ claims: { totalCount: number } }>(
      `query { claims(filter: { topic: "no-such-topic" }) { totalCount } }`,
      {},
    );
    expect(none.claims.totalCount).toBe(0);

    const search = async (query: string) => {
      const data = await room.ok<{ search: { edges: { node: { type: string; node: { id: string } } }[] } }>(
        `query($q: String!) { search(query: $q, filter: { topic: "energie" }) { edges { node { type node { id } } } } }`,
        { q: query },
      );
      return [...new Set(data.search.edges.map((e) => `${e.node.type}:${e.node.node.id}`))];
    };
    expect(await search('wind')).toEqual([`ARTICLE:${other.articleId}`]);
    expect(await search('flu')).toEqual([`CLAIM:${story.claimId}`]);

    const topic = await room.ok<{
      topic: { articles: { edges: { node: { slug: string } }[] }; claims: { totalCount: number } };
    }>(`query { topic(slug: "energie") { articles { edges { node { slug } } } claims { totalCount } } }`, {});
    expect(topic.topic.articles.edges.map((e) => e.node.slug)).toEqual(['grid']);
    expect(topic.topic.claims.totalCount).toBe(1);
  });

  it('lets reviewers file published work only, and editors any', async () => {
    const draft = await room.createArticle(editor, { slug: 'embargo', headline: 'Embargo', body: 'Secret plans.' });
    expect(codeOf(await setArticleTopics(draft.id, [health.id]))?.code).toBe('NOT_FOUND');
    expect((await setArticleTopics(draft.id, [health.id], editor)).errors).toBeUndefined();
  });

  it('refuses to delete a topic in use, and deletes one that files nothing', async () => {
    const used = await room.attempt(
      `mutation($input: DeleteTopicInput!) { deleteTopic(input: $input) { slug } }`,
      { input: { id: health.id } },
      editor,
    );
    expect(codeOf(used)).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    const spare = await createTopic({ name: 'Spare' });
    const deleted = await room.mutate('deleteTopic', 'DeleteTopicInput', { id: spare.id }, editor, 'slug');
    expect(deleted).toEqual({ slug: 'spare' });
    expect(await room.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: spare.id }, editor)).toEqual({
      node: null,
    });
  });

  it('renames a topic and keeps its slug', async () => {
    const renamed = await room.mutate(
      'updateTopic',
      'UpdateTopicInput',
      { id: energy.id, name: 'Energy', description: '' },
      editor,
      TOPIC,
    );
    expect(renamed).toEqual({ id: energy.id, slug: 'energie', name: 'Energy', description: null });
  });

  it("moves a merged claim's topics to the kept claim", async () => {
    const a = await room.publishedStory(editor, reviewer, 'taxes-a', 'Taxes rose by a third.', 'Taxes rose');
    const b = await room.publishedStory(editor, reviewer, 'taxes-b', 'Again: taxes rose by a third.', 'taxes rose');
    const tax = await createTopic({ name: 'Taxes' });
    await setClaimTopics(b.claimId, [tax.id, health.id]);
    await setClaimTopics(a.claimId, [health.id]);
    await room.mutate('mergeClaims', 'MergeClaimsInput', { keepId: a.claimId, mergeId: b.claimId }, editor, 'id');
    const kept = await room.ok<{ claim: { topics: { slug: string }[] } }>(
      `query($id: ID!) { claim(id: $id) { topics { slug } } }`,
      { id: a.claimId },
    );
    expect(kept.claim.topics.map((t) => t.slug)).toEqual(['public-health', 'taxes']);
    const filed = await room.ok<{ topic: { claims: { edges: { node: { id: string } }[] } } }>(
      `query { topic(slug: "taxes") { claims { edges { node { id } } } } }`,
      {},
    );
    expect(filed.topic.claims.edges.map((e) => e.node.id)).toEqual([a.claimId]);
  });
});
