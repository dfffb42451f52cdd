import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/**
 * A reviewer's draft fact-check and an editor's draft article, reached by id, by list and by
 * nested field, as each kind of viewer.
 */
describe('visibility of unpublished work', () => {
  let server: TestServer;
  let author: SignedIn;
  let otherReviewer: SignedIn;
  let editor: SignedIn;
  let draftAnnotationId: string;
  let claimId: string;
  let draftArticleId: string;
  let draftArticleClaimId: string;

  beforeAll(async () => {
    server = await startTestServer();
    author = await server.signIn(Role.REVIEWER);
    otherReviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    const demo = await server.gql<{ article: { claims: { id: string }[] } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id } } }`,
    );
    claimId = demo.data!.article.claims[0].id;
    const draft = await server.gql<{ createAnnotation: { id: string } }>(
      'mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: FALSE, summary: "Secret draft", body: "Not yet." }) { id } }',
      { c: claimId },
      author.token,
    );
    draftAnnotationId = draft.data!.createAnnotation.id;
    const article = await server.gql<{ createArticle: { id: string } }>(
      'mutation { createArticle(input: { slug: "embargoed", headline: "Embargoed", body: "The minister resigned today." }) { id } }',
      {},
      editor.token,
    );
    draftArticleId = article.data!.createArticle.id;
    const claim = await server.gql<{ createClaim: { id: string } }>(
      'mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "The minister resigned" }) { id } }',
      { a: draftArticleId },
      editor.token,
    );
    draftArticleClaimId = claim.data!.createClaim.id;
  });
  afterAll(() => server.close());

  const ANNOTATION_PATHS = `query($id: ID!, $claim: ID!) {
    node(id: $id) { id }
    annotation(id: $id) { id }
    nodes(ids: [$id]) { id }
    claim(id: $claim) { annotations { id } }
    article(slug: "${DEMO_ARTICLE_SLUG}") { claims { annotations { id } } }
  }`;

  async function annotationSightings(token?: string): Promise<number> {
    const result = await server.gql<{
      node: unknown;
      annotation: unknown;
      nodes: unknown[];
      claim: { annotations: { id: string }[] };
      article: { claims: { annotations: { id: string }[] }[] };
    }>(ANNOTATION_PATHS, { id: draftAnnotationId, claim: claimId }, token);
    expect(result.errors).toBeUndefined();
    const d = result.data!;
    return [
      d.node !== null,
      d.annotation !== null,
      d.nodes[0] !== null,
      d.claim.annotations.some((a) => a.id === draftAnnotationId),
      d.article.claims.some((c) => c.annotations.some((a) => a.id === draftAnnotationId)),
    ].filter(Boolean).length;
  }

  it('a draft fact-check is seen by its author and editors on every path, by nobody else on any', async () => {
    expect(await annotationSightings()).toBe(0);
    expect(await annotationSightings(otherReviewer.token)).toBe(0);
    expect(await annotationSightings(author.token)).toBe(5);
    expect(await annotationSightings(editor.token)).toBe(5);
  });

  const ARTICLE_PATHS = `query($id: ID!, $claim: ID!) {
    node(id: $id) { id }
    article(id: $id) { id }
    bySlug: article(slug: "embargoed") { id }
    articles(first: 100) { edges { node { id } } }
    drafts: articles(first: 100, filter: { status: DRAFT }) { edges { node { id } } }
    claim(id: $claim) { id }
    claims(first: 100) { edges { node { id } } }
    nodes(ids: [$claim]) { id }
  }`;

  async function articleSightings(token?: string): Promise<number> {
    const result = await server.gql<{
      node: unknown;
      article: unknown;
      bySlug: unknown;
      articles: { edges: { node: { id: string } }[] };
      drafts: { edges: { node: { id: string } }[] };
      claim: unknown;
      claims: { edges: { node: { id: string } }[] };
      nodes: unknown[];
    }>(ARTICLE_PATHS, { id: draftArticleId, claim: draftArticleClaimId }, token);
    expect(result.errors).toBeUndefined();
    const d = result.data!;
    return [
      d.node !== null,
      d.article !== null,
      d.bySlug !== null,
      d.articles.edges.some((e) => e.node.id === draftArticleId),
      d.drafts.edges.some((e) => e.node.id === draftArticleId),
      d.claim !== null,
      d.claims.edges.some((e) => e.node.id === draftArticleClaimId),
      d.nodes[0] !== null,
    ].filter(Boolean).length;
  }

  it('a draft article and its claims are seen by editors only, on every path (undated drafts included in lists)', async () => {
    expect(await articleSightings()).toBe(0);
    expect(await articleSightings(author.token)).toBe(0);
    expect(await articleSightings(editor.token)).toBe(8);
  });

  it('reviewers cannot write on an article they cannot see', async () => {
    const result = await server.gql(
      'mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "The minister" }) { id } }',
      { a: draftArticleId },
      author.token,
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.articleId' });
    const other = await server.gql(
      'mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }',
      { id: draftAnnotationId },
      otherReviewer.token,
    );
    expect(other.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('editors page through dated and undated articles without gaps, in both orders', async () => {
    for (let i = 0; i < 3; i += 1) {
      await server.gql(
        `mutation { createArticle(input: { slug: "undated-${i}", headline: "U${i}", body: "Body ${i}" }) { id } }`,
        {},
        editor.token,
      );
    }
    // Unfiltered, and filtered by status (a plan of its own, read in index order).
    const expected: [string | null, string[]][] = [
      [null, [DEMO_ARTICLE_SLUG, 'embargoed', 'undated-0', 'undated-1', 'undated-2']],
      ['DRAFT', ['embargoed', 'undated-0', 'undated-1', 'undated-2']],
      ['PUBLISHED', [DEMO_ARTICLE_SLUG]],
    ];
    for (const [status, slugs] of expected) {
      for (const orderBy of ['PUBLISHED_AT_DESC', 'PUBLISHED_AT_ASC']) {
        const seen: string[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 20; guard += 1) {
          const page: {
            data?: {
              articles: {
                totalCount: number;
                edges: { node: { slug: string } }[];
                pageInfo: { hasNextPage: boolean; endCursor: string };
              };
            } | null;
          } = await server.gql(
            'query($after: String, $o: ArticleOrder, $f: ArticleFilter) { articles(first: 2, after: $after, orderBy: $o, filter: $f) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }',
            { after, o: orderBy, f: status ? { status } : null },
            editor.token,
          );
          expect(page.data!.articles.totalCount).toBe(slugs.length);
          seen.push(...page.data!.articles.edges.map((e) => e.node.slug));
          if (!page.data!.articles.pageInfo.hasNextPage) break;
          after = page.data!.articles.pageInfo.endCursor;
        }
        expect(seen.sort()).toEqual([...slugs].sort());
      }
    }
  });
  it('a fact-check is written to only where it can be read: not on an archived article by its reviewer, nor on a deleted claim by anyone', async () => {
    const room = new Newsroom(server);
    const story = await room.publishedStory(
      editor,
      author,
      'to-archive',
      'The council voted to close the library.',
      'voted to close the library',
    );
    const draft = await room.createAnnotation(author, {
      claimId: story.claimId,
      verdict: 'TRUE',
      summary: 'Minutes.',
      body: 'b',
    });
    await room.archiveArticle(editor, story.articleId);
    const before = await fingerprint(server);
    for (const mutation of [
      'mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 1, summary: "Late" }) { id } }',
      'mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }',
    ]) {
      // It answered INTERNAL_SERVER_ERROR after changing it: the write went through, the read back found nothing.
      const refused = await server.gql(mutation, { id: draft.id }, author.token);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await fingerprint(server)).toBe(before);
    await room.publishArticle(editor, story.articleId);
    await room.ok(
      'mutation($id: ID!) { deleteClaim(input: { id: $id }) { deletedClaimId } }',
      { id: story.claimId },
      editor,
    );
    const onDeleted = await server.gql(
      'mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 1, summary: "Late" }) { id } }',
      { id: draft.id },
      editor.token,
    );
    expect(onDeleted.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(server.logger.entries).toEqual([]);
  });
});
