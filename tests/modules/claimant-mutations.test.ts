import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ArticleClaims {
  article: {
    id: string;
    claims: {
      id: string;
      verdict: string | null;
      claimant: { id: string; name: string } | null;
      corrections: { kind: string; note: string; previousText: string | null; newText: string | null }[];
    }[];
  };
}
const ARTICLE = `query($t: DateTime) { article(slug: "${DEMO_ARTICLE_SLUG}", asOf: $t) { id claims { id verdict
  claimant { id name } corrections { kind note previousText newText } } } }`;

describe('claimants: mutations', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let editor: SignedIn;

  beforeAll(async () => {
    server = await startTestServer();
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
  });
  afterAll(() => server.close());

  const count = async () =>
    (await room.ok<{ claimants: { totalCount: number } }>('{ claimants { totalCount } }', {}, editor)).claimants
      .totalCount;

  it('createClaimant records a person or organisation, refusing bad input and names taken', async () => {
    const created = await room.mutate<{
      id: string;
      slug: string;
      kind: string;
      aliases: string[];
      wikidataUrl: string;
    }>(
      'createClaimant',
      'CreateClaimantInput',
      { name: 'Kremlin', kind: 'ORGANIZATION', wikidataId: 'Q9684', aliases: ['The Kremlin', 'kremlin', 'Moscow'] },
      reviewer,
      'id slug kind aliases wikidataUrl',
    );
    expect(created).toMatchObject({
      slug: 'kremlin',
      kind: 'ORGANIZATION',
      aliases: ['The Kremlin', 'Moscow'],
      wikidataUrl: 'https://www.wikidata.org/wiki/Q9684',
    });
    const before = await count();
    const taken = await room.attempt(
      'mutation($input: CreateClaimantInput!) { createClaimant(input: $input) { id } }',
      { input: { name: '  KREMLIN ' } },
      reviewer,
    );
    expect(taken.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.name',
      claimantId: created.id,
    });
    expect(taken.errors?.[0].message).toContain('"Kremlin"');
    for (const [input, field] of [
      [{ name: 'Someone', wikidataId: 'Q012' }, 'input.wikidataId'],
      [{ name: 'Someone', wikidataId: 'P31' }, 'input.wikidataId'],
      [{ name: '' }, 'input.name'],
    ] as const) {
      const bad = await room.attempt(
        'mutation($input: CreateClaimantInput!) { createClaimant(input: $input) { id } }',
        { input },
        reviewer,
      );
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count()).toBe(before);
    // A claim names it by id.
    const { article } = await room.ok<ArticleClaims>(ARTICLE, {});
    const claim = await room.mutate<{ claimant: { name: string } }>(
      'createClaim',
      'CreateClaimInput',
      { articleId: article.id, quote: 'NATO has similarly urged Russia', claimantId: created.id },
      reviewer,
      'claimant { name }',
    );
    expect(claim.claimant.name).toBe('Kremlin');
    const both = await room.attempt(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      {
        input: {
          articleId: article.id,
          quote: 'NATO has similarly urged Russia',
          claimantId: created.id,
          claimant: 'X',
        },
      },
      reviewer,
    );
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claimant' });
  });

  it('renaming a claimant whose claims were checked takes an editor and a note, and corrects each checked claim', async () => {
    const seen = await room.ok<ArticleClaims>(ARTICLE, {});
    const named = seen.article.claims.filter((claim) => claim.claimant?.name === 'Danny Jones');
    const checked = named.filter((claim) => claim.verdict !== null);
    expect(checked.length).toBeGreaterThan(0);
    const id = named[0].claimant!.id;
    const rename = (who: SignedIn, input: Record<string, unknown>) =>
      room.attempt(
        'mutation($input: UpdateClaimantInput!) { updateClaimant(input: $input) { name slug } }',
        { input: { id, ...input } },
        who,
      );
    expect((await rename(reviewer, { name: 'Danny Jones, reporter', note: 'x' })).errors?.[0].extensions).toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    expect((await rename(editor, { name: 'Danny Jones, reporter' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.note',
    });
    expect((await rename(editor, { wikidataId: 'Q1x' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.wikidataId',
    });
    expect(await room.ok<ArticleClaims>(ARTICLE, {})).toEqual(seen);
    // Details readers do not read on the claims are the reviewers' to change.
    expect((await rename(reviewer, { description: 'Reporter.' })).errors).toBeUndefined();

    await pause(5);
    const before = new Date().toISOString();
    await pause(5);
    const renamed = await rename(editor, { name: 'Danny Jones, reporter', note: 'The author, by name.' });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data).toEqual({ updateClaimant: { name: 'Danny Jones, reporter', slug: 'danny-jones' } });

    const now = await room.ok<ArticleClaims>(ARTICLE, {});
    for (const claim of now.article.claims.filter((c) => named.some((n) => n.id === c.id))) {
      expect(claim.claimant?.name).toBe('Danny Jones, reporter');
      const corrections = claim.corrections.filter((c) => c.kind === 'CLAIMANT_CHANGED');
      expect(corrections).toEqual(
        claim.verdict !== null
          ? [
              {
                kind: 'CLAIMANT_CHANGED',
                note: 'The author, by name.',
                previousText: 'Danny Jones',
                newText: 'Danny Jones, reporter',
              },
            ]
          : [],
      );
    }
    // As of before the rename, readers read the old name.
    expect(await room.ok<ArticleClaims>(ARTICLE, { t: before })).toEqual(seen);
  });

  it('mergeClaimants moves the claims, keeps the name as an alias, and the merged id resolves to the kept one', async () => {
    const { article } = await room.ok<ArticleClaims>(ARTICLE, {});
    const target = article.claims.find((claim) => claim.verdict === null)!;
    const duplicate = await room.mutate<{ claimant: { id: string } }>(
      'updateClaim',
      'UpdateClaimInput',
      { id: target.id, claimant: 'V. Putin' },
      reviewer,
      'claimant { id }',
    );
    const keep = (await room.ok<{ claimant: { id: string } }>('{ claimant(slug: "vladimir-putin") { id } }', {}))
      .claimant;
    const same = await room.attempt(
      'mutation($input: MergeClaimantsInput!) { mergeClaimants(input: $input) { id } }',
      { input: { keepId: keep.id, mergeId: keep.id } },
      editor,
    );
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mergeId' });
    const merged = await room.mutate<{ id: string; aliases: string[]; claims: { edges: { node: { id: string } }[] } }>(
      'mergeClaimants',
      'MergeClaimantsInput',
      { keepId: keep.id, mergeId: duplicate.claimant.id },
      editor,
      'id aliases claims { edges { node { id } } }',
    );
    expect(merged.id).toBe(keep.id);
    expect(merged.aliases).toEqual(['Putin', 'President Putin', 'V. Putin']);
    expect(merged.claims.edges.map((edge) => edge.node.id)).toContain(target.id);
    const resolved = await room.ok<{
      node: { id: string; name: string };
      claimant: { id: string };
      found: { edges: { node: { id: string } }[] };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Claimant { id name } } claimant(id: $id) { id }
        found: claimants(query: "v. putin") { edges { node { id } } } }`,
      { id: duplicate.claimant.id },
    );
    expect(resolved).toEqual({
      node: { id: keep.id, name: 'Vladimir Putin' },
      claimant: { id: keep.id },
      found: { edges: [{ node: { id: keep.id } }] },
    });
    const again = await room.attempt(
      'mutation($input: UpdateClaimantInput!) { updateClaimant(input: $input) { id } }',
      { input: { id: duplicate.claimant.id, description: 'x' } },
      editor,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    // Merging is an editor's act.
    const reviewerMerge = await room.attempt(
      'mutation($input: MergeClaimantsInput!) { mergeClaimants(input: $input) { id } }',
      { input: { keepId: keep.id, mergeId: keep.id } },
      reviewer,
    );
    expect(reviewerMerge.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a name only a draft names is taken, without telling a reviewer whose record it is', async () => {
    const draft = await room.createArticle(editor, { slug: 'embargoed', headline: 'Embargoed', body: 'Hush now.' });
    const hidden = await room.mutate<{ claimant: { id: string } }>(
      'createClaim',
      'CreateClaimInput',
      { articleId: draft.id, quote: 'Hush now', claimant: 'Embargoed Source' },
      editor,
      'claimant { id }',
    );
    const hiddenTaken = await room.attempt(
      'mutation($input: CreateClaimantInput!) { createClaimant(input: $input) { id } }',
      { input: { name: 'embargoed  source' } },
      reviewer,
    );
    expect(hiddenTaken.errors?.[0].extensions).toEqual({ code: 'CONFLICT', field: 'input.name' });
    expect(hiddenTaken.errors?.[0].message).not.toContain('Embargoed Source');
    const editorTaken = await room.attempt(
      'mutation($input: CreateClaimantInput!) { createClaimant(input: $input) { id } }',
      { input: { name: 'embargoed  source' } },
      editor,
    );
    expect(editorTaken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', claimantId: hidden.claimant.id });
  });
});
