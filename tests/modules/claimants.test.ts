import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

interface ClaimantView {
  id: string;
  slug: string;
  name: string;
  aliases: string[];
  kind: string;
  wikidataId: string | null;
  wikidataUrl: string | null;
  claims: { totalCount: number; edges: { node: { id: string; quote: string; verdict: string | null } }[] };
  verdictSummary: { verdict: string; count: number }[];
}

const CLAIMANT = `id slug name aliases kind wikidataId wikidataUrl
  claims(first: 100) { totalCount edges { node { id quote verdict } } } verdictSummary { verdict count }`;

describe('claimants: the read API', () => {
  let server: TestServer;
  let newsroom: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;

  beforeAll(async () => {
    server = await startTestServer();
    newsroom = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
  });
  afterAll(() => server.close());

  it('serves each claim’s claimant as a record, by id, slug and node, with its visible claims and verdicts', async () => {
    const { article } = await newsroom.ok<{
      article: { claims: { id: string; verdict: string | null; claimant: ClaimantView | null }[] };
    }>(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id verdict claimant { ${CLAIMANT} } } } }`, {});
    const claimant = article.claims.find((claim) => claim.claimant)!.claimant!;
    const theirs = article.claims.filter((claim) => claim.claimant?.id === claimant.id);
    expect(claimant.claims.totalCount).toBe(theirs.length);
    expect(claimant.claims.edges.map((edge) => edge.node.id).sort()).toEqual(theirs.map((claim) => claim.id).sort());
    const checked = theirs.filter((claim) => claim.verdict);
    expect(claimant.verdictSummary.reduce((sum, entry) => sum + entry.count, 0)).toBe(checked.length);

    const { bySlug, byId, node } = await newsroom.ok<{
      bySlug: ClaimantView;
      byId: ClaimantView;
      node: ClaimantView;
    }>(
      `query($id: ID!, $slug: String!) { bySlug: claimant(slug: $slug) { ${CLAIMANT} } byId: claimant(id: $id) { ${CLAIMANT} }
        node(id: $id) { ... on Claimant { ${CLAIMANT} } } }`,
      { id: claimant.id, slug: claimant.slug },
    );
    expect(bySlug).toEqual(claimant);
    expect(byId).toEqual(claimant);
    expect(node).toEqual(claimant);

    // Its claims filtered by verdict, and the claims list filtered by it, by id or by name.
    const verdict = claimant.verdictSummary[0]?.verdict;
    if (verdict) {
      const filtered = await newsroom.ok<{ claimant: { claims: { totalCount: number; edges: unknown[] } } }>(
        `query($id: ID!, $v: Verdict!) { claimant(id: $id) { claims(verdict: $v) { totalCount edges { node { id } } } } }`,
        { id: claimant.id, v: verdict },
      );
      expect(filtered.claimant.claims.totalCount).toBe(claimant.verdictSummary[0].count);
      expect(filtered.claimant.claims.edges).toHaveLength(claimant.verdictSummary[0].count);
    }
    const lists = await newsroom.ok<{ byId: { totalCount: number }; byName: { totalCount: number } }>(
      `query($id: ID!, $name: String!) { byId: claims(filter: { claimantId: $id }) { totalCount }
        byName: claims(filter: { claimant: $name }) { totalCount } }`,
      { id: claimant.id, name: `  ${claimant.name.toUpperCase()}  `.replace(/ /g, '  ') },
    );
    expect(lists).toEqual({ byId: { totalCount: theirs.length }, byName: { totalCount: theirs.length } });
  });

  it('lists claimants, matching a query against names case- and space-insensitively', async () => {
    const all = await newsroom.ok<{ claimants: { totalCount: number; edges: { node: { name: string } }[] } }>(
      `{ claimants(first: 100) { totalCount edges { node { name } } } }`,
      {},
    );
    expect(all.claimants.totalCount).toBe(all.claimants.edges.length);
    expect(all.claimants.totalCount).toBeGreaterThan(1);
    const name = all.claimants.edges[0].node.name;
    const part = name.split(/\s+/)[0].toUpperCase();
    const found = await newsroom.ok<{ claimants: { edges: { node: { name: string } }[] } }>(
      `query($q: String!) { claimants(query: $q) { edges { node { name } } } }`,
      { q: ` ${part} ` },
    );
    expect(found.claimants.edges.map((edge) => edge.node.name)).toContain(name);
    const none = await newsroom.ok<{ claimants: { totalCount: number } }>(
      `{ claimants(query: "%_no such claimant_%") { totalCount } }`,
      {},
    );
    expect(none.claimants.totalCount).toBe(0);
    const bad = await newsroom.attempt(`{ claimant { id } }`, {});
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('shows readers and reviewers a claimant only once a claim they can see names it', async () => {
    const draft = await newsroom.mutate<{ id: string }>(
      'createArticle',
      'CreateArticleInput',
      {
        slug: 'claimant-draft',
        headline: 'Draft',
        body: 'The Walrus Council says fish are plentiful.',
        authors: ['A'],
      },
      editor,
      'id',
    );
    const claim = await newsroom.mutate<{ id: string; claimant: { id: string; slug: string } }>(
      'createClaim',
      'CreateClaimInput',
      { articleId: draft.id, quote: 'fish are plentiful', claimant: 'Walrus  Council' },
      editor,
      'id claimant { id slug }',
    );
    const ask = (who?: SignedIn) =>
      newsroom.ok<{ byId: unknown; bySlug: unknown; list: { totalCount: number } }>(
        `query($id: ID!, $slug: String!) { byId: claimant(id: $id) { name } bySlug: claimant(slug: $slug) { name }
          list: claimants(query: "walrus") { totalCount } }`,
        { id: claim.claimant.id, slug: claim.claimant.slug },
        who,
      );
    for (const who of [undefined, reviewer])
      expect(await ask(who)).toEqual({ byId: null, bySlug: null, list: { totalCount: 0 } });
    expect(await ask(editor)).toEqual({
      byId: { name: 'Walrus  Council' },
      bySlug: { name: 'Walrus  Council' },
      list: { totalCount: 1 },
    });
    await newsroom.ok(
      'mutation($id: ID!) { publishArticle(input: { id: $id, expectedVersion: 1 }) { id } }',
      { id: draft.id },
      editor,
    );
    expect(await ask()).toEqual({
      byId: { name: 'Walrus  Council' },
      bySlug: { name: 'Walrus  Council' },
      list: { totalCount: 1 },
    });
    // The same name, spelt otherwise, names the same claimant.
    const again = await newsroom.mutate<{ claimant: { id: string } }>(
      'createClaim',
      'CreateClaimInput',
      { articleId: draft.id, quote: 'The Walrus Council', claimant: 'walrus council' },
      reviewer,
      'claimant { id }',
    );
    expect(again.claimant.id).toBe(claim.claimant.id);
  });

  it('lets a reviewer name by id only a claimant they may see: one named only on drafts stays hidden', async () => {
    const draft = await newsroom.createArticle(editor, {
      slug: 'embargoed-source',
      headline: 'Embargoed',
      body: 'The Unnamed Official said the plan is ready.',
    });
    const hidden = await newsroom.mutate<{ claimant: { id: string } }>(
      'createClaim',
      'CreateClaimInput',
      { articleId: draft.id, quote: 'the plan is ready', claimant: 'Unnamed Official' },
      editor,
      'claimant { id }',
    );
    await newsroom.mutate(
      'updateClaimant',
      'UpdateClaimantInput',
      { id: hidden.claimant.id, description: 'Deputy minister, speaking off the record' },
      editor,
      'id',
    );
    const story = await newsroom.publishedStory(
      editor,
      reviewer,
      'claimant-by-id',
      'A spokesman said the plan is late. Critics said so too.',
      'the plan is late',
    );
    const named = await newsroom.attempt<{ createClaim: unknown }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id claimant { description } } }',
      { input: { articleId: story.articleId, quote: 'Critics said so too', claimantId: hidden.claimant.id } },
      reviewer,
    );
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claimantId' });
    const moved = await newsroom.attempt(
      'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }',
      { input: { id: story.claimId, claimantId: hidden.claimant.id } },
      reviewer,
    );
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claimantId' });
    expect(
      await newsroom.ok('query($id: ID!) { claimant(id: $id) { description } }', { id: hidden.claimant.id }),
    ).toEqual({ claimant: null });
    // An editor may: they see every claimant, and publishing the record is theirs to decide.
    const byEditor = await newsroom.mutate<{ claimant: { id: string } }>(
      'createClaim',
      'CreateClaimInput',
      { articleId: story.articleId, quote: 'Critics said so too', claimantId: hidden.claimant.id },
      editor,
      'claimant { id }',
    );
    expect(byEditor.claimant.id).toBe(hidden.claimant.id);
  });
});
