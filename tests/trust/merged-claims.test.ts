import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { moment, Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const CLAIMANT =
  '{ name claims(first: 10) { totalCount edges { node { id quote verdict } } } verdictSummary { verdict count } }';

/**
 * Cases of mergeClaims the visibility oracle's histories found wrong, kept as regressions.
 *
 * A merged claim's row becomes a place of the kept claim, and every article shows it as the
 * kept claim, under the kept claim's claimant: the claimant reads (Claimant.claims,
 * verdictSummary, /claimants/:slug) do not count it as a claim of the merged claim's claimant.
 */
describe('a merged claim’s claimant', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let keptId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    const summit = await room.createArticle(editor, { slug: 'summit', headline: 'Summit', body: 'Exports doubled.' });
    await room.publishArticle(editor, summit.id);
    const radio = await room.createArticle(editor, { slug: 'radio', headline: 'Radio', body: 'Exports did double.' });
    await room.publishArticle(editor, radio.id);
    keptId = (
      await room.createClaim(reviewer, { articleId: summit.id, quote: 'Exports doubled', claimant: 'The Minister' })
    ).id;
    const mergedId = (
      await room.createClaim(reviewer, { articleId: radio.id, quote: 'Exports did double', claimant: 'A Spokesman' })
    ).id;
    await room.mutate('mergeClaims', 'MergeClaimsInput', { keepId: keptId, mergeId: mergedId }, editor, 'id');
  });
  afterAll(async () => {
    await server.close();
  });

  it('the radio story shows the kept claim under the kept claim’s claimant', async () => {
    const { article } = await room.ok<{ article: { claims: { id: string; claimant: { name: string } }[] } }>(
      '{ article(slug: "radio") { claims { id claimant { name } } } }',
      {},
    );
    expect(article.claims).toEqual([{ id: keptId, claimant: { name: 'The Minister' } }]);
  });

  it('the merged claim’s claimant no longer has the claim (nor, named by nothing else, a public record)', async () => {
    const { claimant } = await room.ok<{ claimant: unknown }>(`{ claimant(slug: "a-spokesman") ${CLAIMANT} }`, {});
    expect(claimant).toBeNull();
    expect(await room.readerPage('/claimants/a-spokesman')).toBeNull();
  });
});

/**
 * Writes on a merged id answer CONFLICT (act on the kept claim), also where the kept claim
 * already marked the merged claim's article and the merge took the merged row off.
 */
describe('a write on a merged claim whose row the merge took off', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let keptId: string;
  let mergedId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    const story = await room.createArticle(editor, {
      slug: 'one',
      headline: 'One',
      body: 'Exports doubled. Exports did.',
    });
    keptId = (await room.createClaim(editor, { articleId: story.id, quote: 'Exports doubled' })).id;
    mergedId = (await room.createClaim(editor, { articleId: story.id, quote: 'Exports did' })).id;
    await room.mutate('mergeClaims', 'MergeClaimsInput', { keepId: keptId, mergeId: mergedId }, editor, 'id');
  });
  afterAll(async () => {
    await server.close();
  });

  it('the merged id resolves to the kept claim (for editors: a draft)', async () => {
    const { claim } = await room.ok<{ claim: { id: string } | null }>(
      'query($id: ID!) { claim(id: $id) { id } }',
      { id: mergedId },
      editor,
    );
    expect(claim).toEqual({ id: keptId });
  });

  it('is refused as a CONFLICT, as on any merged id', async () => {
    const answer = await server.gql(
      'mutation($input: DeleteClaimInput!) { deleteClaim(input: $input) { deletedClaimId } }',
      { input: { id: mergedId } },
      editor.token,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

/**
 * The merged claim's row is served as a further place of the kept claim (an ArticleAppearance
 * with its own id), and can be taken off like any other, though its id as a Claim names the
 * kept claim.
 */
describe('taking off the place a merged claim became', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let keptId: string;
  let placeId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    const summit = await room.createArticle(editor, { slug: 'summit', headline: 'Summit', body: 'Exports doubled.' });
    const radio = await room.createArticle(editor, { slug: 'radio', headline: 'Radio', body: 'Exports did double.' });
    await room.publishArticle(editor, summit.id);
    await room.publishArticle(editor, radio.id);
    keptId = (await room.createClaim(editor, { articleId: summit.id, quote: 'Exports doubled' })).id;
    const mergedId = (await room.createClaim(editor, { articleId: radio.id, quote: 'Exports did double' })).id;
    await room.mutate('mergeClaims', 'MergeClaimsInput', { keepId: keptId, mergeId: mergedId }, editor, 'id');
    const { claim } = await room.ok<{
      claim: { appearances: { edges: { node: { id: string; quote: string } }[] } };
    }>(
      'query($id: ID!) { claim(id: $id) { appearances(first: 10) { edges { node { ... on ArticleAppearance { id quote } } } } } }',
      {
        id: keptId,
      },
    );
    placeId = claim.appearances.edges.find(({ node }) => node.quote === 'Exports did double')!.node.id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('is an editor’s to do, as for any further place of an unchecked claim', async () => {
    const answer = await server.gql(
      'mutation($input: RemoveClaimAppearanceInput!) { removeClaimAppearance(input: $input) { removedAppearanceId } }',
      { input: { id: placeId } },
      editor.token,
    );
    expect(answer.errors).toBeUndefined();
  });
});

/**
 * A published story's claim, checked, merged into a claim of a draft: read as of before the
 * merge, the story shows its claim with its fact-check as readers saw it, `webAnnotation` and
 * `claim` included, though the claim it moved to is one readers cannot see now.
 */
describe('a point-in-time read of a fact-check merged into a draft’s claim', () => {
  let server: TestServer;
  let room: Newsroom;
  let beforeMerge: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    const editor = await server.signIn(Role.EDITOR);
    const secondEditor = await server.signIn(Role.EDITOR);
    const draft = await room.createArticle(editor, { slug: 'draft', headline: 'Draft', body: 'Exports doubled.' });
    const radio = await room.createArticle(editor, { slug: 'radio', headline: 'Radio', body: 'Exports did double.' });
    await room.publishArticle(editor, radio.id);
    const keptId = (await room.createClaim(editor, { articleId: draft.id, quote: 'Exports doubled' })).id;
    const mergedId = (await room.createClaim(editor, { articleId: radio.id, quote: 'Exports did double' })).id;
    await room.publishedCheck(editor, secondEditor, {
      claimId: mergedId,
      verdict: 'FALSE',
      summary: 'They grew by a tenth.',
      body: 'Customs data.',
    });
    beforeMerge = await moment();
    await room.mutate(
      'mergeClaims',
      'MergeClaimsInput',
      { keepId: keptId, mergeId: mergedId, note: 'The same statement.' },
      editor,
      'id',
    );
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows the fact-check as readers saw it', async () => {
    const { article } = await room.ok<{ article: { claims: { annotations: { summary: string }[] }[] } }>(
      'query($at: DateTime) { article(slug: "radio", asOf: $at) { claims { annotations { summary } } } }',
      { at: beforeMerge },
    );
    expect(article.claims).toEqual([{ annotations: [{ summary: 'They grew by a tenth.' }] }]);
  });

  it('answers its Web Annotation too', async () => {
    const answer = await server.gql(
      'query($at: DateTime) { article(slug: "radio", asOf: $at) { claims { annotations { webAnnotation } } } }',
      { at: beforeMerge },
    );
    expect(answer.errors).toBeUndefined();
  });
});

/**
 * A claim of a draft, checked, merged into a claim of a published story: its fact-check reaches
 * readers with the merge, and so does the source it cites (readers see a source once a
 * fact-check they can read cites it).
 */
describe('a fact-check a merge brings out of a draft', () => {
  let server: TestServer;
  let room: Newsroom;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    const reviewer = await server.signIn(Role.REVIEWER);
    const editor = await server.signIn(Role.EDITOR);
    const second = await server.signIn(Role.EDITOR);
    const story = await room.publishedStory(editor, reviewer, 'out', 'Wages rose.', 'Wages rose');
    const draft = await room.createArticle(editor, { slug: 'in-draft', headline: 'Draft', body: 'Pay went up.' });
    const drafted = await room.createClaim(editor, { articleId: draft.id, quote: 'Pay went up' });
    await room.publishedCheck(editor, second, {
      claimId: drafted.id,
      verdict: 'TRUE',
      summary: 'Drafted summary.',
      body: 'Checked.',
      citations: [
        {
          source: { url: 'https://stats.example.org/wages', title: 'Wage statistics', kind: 'DATASET' },
          stance: 'SUPPORTS',
          excerpt: 'Up 4%.',
        },
      ],
    });
    await room.mutate(
      'mergeClaims',
      'MergeClaimsInput',
      { keepId: story.claimId, mergeId: drafted.id, note: 'The same statement.' },
      editor,
      'id',
    );
  });
  afterAll(() => server.close());

  it('shows readers the fact-check and its source', async () => {
    const read = await room.ok<{
      article: { appearances: { claim: { annotations: { summary: string }[] } }[] };
      sources: { edges: { node: { url: string } }[] };
    }>(
      '{ article(slug: "out") { appearances { claim { annotations { summary } } } } sources { edges { node { url } } } }',
      {},
    );
    expect(read.article.appearances[0].claim.annotations).toEqual([{ summary: 'Drafted summary.' }]);
    expect(read.sources.edges.map(({ node }) => node.url)).toContain('https://stats.example.org/wages');
  });
});
