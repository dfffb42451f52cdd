import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MAX_ARTICLE_PLACES } from '../../src/modules/appearance/appearance.inputs';
import { Role } from '../../src/modules/user/user.entity';
import { inspectWrite } from '../helpers/inspect';
import { fingerprint } from '../helpers/fingerprint';
import { connectLive, type LiveClient } from '../helpers/live-client';
import { moment, Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const SUMMIT = 'At the summit the minister said that exports doubled last year. Nobody asked for figures.';
const PARLIAMENT =
  'A week later, in parliament: exports have doubled since last year, the minister said. Analysts disagreed.';
const HEARING = 'At the hearing: exports doubled last year, the minister said. Analysts disagreed.';
const RADIO = 'On the radio the minister repeated that exports have doubled since last year.';

const MERGE = `mutation($input: MergeClaimsInput!) {
  mergeClaims(input: $input) {
    id verdict text
    annotations { id verdict }
    appearances(first: 10) { totalCount edges { node { __typename ... on ArticleAppearance { quote article { slug } } ... on OutsideAppearance { url } } } }
    corrections { kind note previousVerdict newVerdict previousText newText }
  }
}`;
const ARTICLE = `query($slug: String!, $asOf: DateTime) {
  article(slug: $slug, asOf: $asOf) {
    appearances { quote claim { id verdict annotations { id verdict } } }
    corrections { kind note }
  }
}`;

interface MergedClaim {
  id: string;
  verdict: string | null;
  text: string | null;
  annotations: { id: string; verdict: string }[];
  appearances: {
    totalCount: number;
    edges: { node: { __typename: string; quote?: string; article?: { slug: string }; url?: string } }[];
  };
  corrections: {
    kind: string;
    note: string;
    previousVerdict: string | null;
    newVerdict: string | null;
    previousText: string | null;
    newText: string | null;
  }[];
}
interface ArticleView {
  appearances: { quote: string; claim: { id: string; verdict: string | null; annotations: { id: string }[] } }[];
  corrections: { kind: string; note: string }[];
}

/**
 * Two records of one statement, found checked apart: an editor merges them. Fact-checks, places
 * and history move to the kept claim; the merged id resolves to it; the past reads as it was.
 */
describe('merging two claims that are the same', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let secondEditor: SignedIn;
  let keptId: string;
  let mergedId: string;
  let keptCheck: string;
  let mergedCheck: string;
  let beforeMerge: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    secondEditor = await server.signIn(Role.EDITOR);
    const summit = await room.publishedStory(editor, reviewer, 'summit', SUMMIT, 'exports doubled last year');
    keptId = summit.claimId;
    const parliament = await room.publishedStory(
      editor,
      reviewer,
      'parliament',
      PARLIAMENT,
      'exports have doubled since last year',
    );
    mergedId = parliament.claimId;
    for (const [slug, body] of [
      ['hearing', HEARING],
      ['radio', RADIO],
    ]) {
      const story = await room.createArticle(editor, { slug, headline: slug, body });
      await room.publishArticle(editor, story.id);
      // The kept claim also appears at the hearing; the merged one on the radio and in a podcast.
      const [claimId, quote] =
        slug === 'hearing' ? [keptId, 'exports doubled last year'] : [mergedId, 'exports have doubled since last year'];
      await room.mutate(
        'addClaimAppearance',
        'AddClaimAppearanceInput',
        { claimId, articleId: story.id, quote },
        reviewer,
        '__typename',
      );
    }
    await room.mutate(
      'addClaimAppearance',
      'AddClaimAppearanceInput',
      { claimId: mergedId, url: 'https://podcast.example.org/episode-12', title: 'Episode 12' },
      reviewer,
      '__typename',
    );
    keptCheck = (
      await room.publishedCheck(reviewer, editor, {
        claimId: keptId,
        verdict: 'MOSTLY_TRUE',
        summary: 'Close: exports grew by 90%.',
        body: 'Customs data.',
      })
    ).id;
    mergedCheck = (
      await room.publishedCheck(reviewer, editor, {
        claimId: mergedId,
        verdict: 'FALSE',
        summary: 'Exports grew by a tenth.',
        body: 'Revised customs data.',
      })
    ).id;
    beforeMerge = await moment();
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await server.close();
  });

  const article = async (slug: string, asOf?: string) =>
    (await room.ok<{ article: ArticleView }>(ARTICLE, { slug, asOf })).article;

  it('is an editor’s act with a note when either claim is on the record; bad input changes nothing', async () => {
    const before = await fingerprint(server);
    const refused = async (who: SignedIn, input: Record<string, unknown>) =>
      (await server.gql(MERGE, { input }, who.token)).errors?.[0]?.extensions;
    expect(await refused(reviewer, { keepId: keptId, mergeId: mergedId, note: 'Same.' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refused(editor, { keepId: keptId, mergeId: mergedId })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.note',
    });
    expect(await refused(editor, { keepId: keptId, mergeId: keptId, note: 'Same.' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.mergeId',
    });
    expect(
      await refused(editor, { keepId: keptId, mergeId: Buffer.from('Claim:99999').toString('base64url'), note: 'x' }),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'input.mergeId' });
    expect(await fingerprint(server)).toBe(before);
  });

  it('moves fact-checks, places and history to the kept claim; every article shows its verdict and the correction', async () => {
    const stream = await (() => {
      const client = connectLive(server);
      clients.push(client);
      return client;
    })().subscribe<{ claimVerdictChanged: { id: string; verdict: string } }>(
      'subscription($a: ID!) { claimVerdictChanged(articleId: $a) { id verdict } }',
      { a: (await room.ok<{ article: { id: string } }>('{ article(slug: "summit") { id } }', {})).article.id },
    );
    const note = 'Both record the same statement by the minister.';
    const { mergeClaims: kept } = await room.ok<{ mergeClaims: MergedClaim }>(
      MERGE,
      { input: { keepId: keptId, mergeId: mergedId, note } },
      secondEditor,
    );
    expect(kept.id).toBe(keptId);
    // The newest published fact-check (the merged claim's) now decides the verdict.
    expect(kept.verdict).toBe('FALSE');
    expect(kept.annotations.map((check) => check.id).sort()).toEqual([keptCheck, mergedCheck].sort());
    expect(kept.appearances.edges.map(({ node }) => node.article?.slug ?? node.url)).toEqual(
      expect.arrayContaining(['summit', 'hearing', 'parliament', 'radio', 'https://podcast.example.org/episode-12']),
    );
    expect(kept.appearances.totalCount).toBe(5);
    expect(kept.corrections).toEqual([
      expect.objectContaining({
        kind: 'CLAIM_MERGED',
        note,
        previousVerdict: 'MOSTLY_TRUE',
        newVerdict: 'FALSE',
        previousText: 'exports have doubled since last year',
        newText: 'exports doubled last year',
      }),
      expect.objectContaining({ kind: 'CLAIM_MERGED', note, previousVerdict: 'FALSE', newVerdict: 'FALSE' }),
    ]);
    const [event] = await stream.waitFor(1);
    expect(event.data!.claimVerdictChanged).toEqual({ id: keptId, verdict: 'FALSE' });
    stream.dispose();

    // The merged id keeps resolving, to the kept claim; lists count one claim.
    const node = await room.ok<{ node: { id: string } | null; claim: { id: string } | null }>(
      'query($id: ID!) { node(id: $id) { ... on Claim { id } } claim(id: $id) { id } }',
      { id: mergedId },
    );
    expect(node).toEqual({ node: { id: keptId }, claim: { id: keptId } });
    expect((await room.ok<{ claims: { totalCount: number } }>('{ claims { totalCount } }', {})).claims.totalCount).toBe(
      1,
    );
    for (const slug of ['summit', 'parliament', 'hearing', 'radio']) {
      const view = await article(slug);
      expect(
        view.appearances.map((place) => place.claim.id),
        slug,
      ).toEqual([keptId]);
      expect(view.appearances[0].claim.verdict, slug).toBe('FALSE');
    }
    expect((await article('parliament')).appearances[0].quote).toBe('exports have doubled since last year');
    expect((await article('summit')).corrections).toEqual([{ kind: 'CLAIM_MERGED', note }]);
    expect((await article('parliament')).corrections).toEqual([{ kind: 'CLAIM_MERGED', note }]);
    const page = (await room.readerPage('/articles/parliament'))!;
    expect(page).toContain('Merged with the same claim');
    expect(page).toContain(note);
  });

  it('reads the past as readers saw it: before the merge, two claims, each with its own fact-check', async () => {
    const summit = await article('summit', beforeMerge);
    expect(summit.appearances).toEqual([
      expect.objectContaining({
        claim: { id: keptId, verdict: 'MOSTLY_TRUE', annotations: [expect.objectContaining({ id: keptCheck })] },
      }),
    ]);
    const parliament = await article('parliament', beforeMerge);
    expect(parliament.appearances).toEqual([
      expect.objectContaining({
        quote: 'exports have doubled since last year',
        claim: { id: mergedId, verdict: 'FALSE', annotations: [expect.objectContaining({ id: mergedCheck })] },
      }),
    ]);
    // The radio place was the merged claim's then.
    expect((await article('radio', beforeMerge)).appearances[0].claim.id).toBe(mergedId);
    // Each claim listed its own places then, in factline and outside it.
    const placesThen = async (slug: string) =>
      (
        await room.ok<{
          article: {
            appearances: {
              claim: { appearances: { edges: { node: { url?: string; article?: { slug: string } } }[] } };
            }[];
          };
        }>(
          `query($slug: String!, $t: DateTime) { article(slug: $slug, asOf: $t) { appearances { claim { appearances(first: 10) {
            edges { node { ... on OutsideAppearance { url } ... on ArticleAppearance { article { slug } } } } } } } } }`,
          { slug, t: beforeMerge },
        )
      ).article.appearances[0].claim.appearances.edges.map(({ node }) => node.url ?? node.article?.slug);
    expect(await placesThen('summit')).toEqual(['summit', 'hearing']);
    expect(await placesThen('parliament')).toEqual(['parliament', 'radio', 'https://podcast.example.org/episode-12']);
    const now = await moment();
    expect((await article('parliament', now)).appearances[0].claim.id).toBe(keptId);
    expect((await article('radio', now)).appearances[0].claim).toMatchObject({ id: keptId, verdict: 'FALSE' });
  });

  it('refuses to act on the merged claim itself, and takes off a place in an article both claims marked', async () => {
    const again = await server.gql(MERGE, { input: { keepId: keptId, mergeId: mergedId, note: 'x' } }, editor.token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.mergeId' });
    const renamed = await server.gql(
      'mutation($id: ID!) { updateClaim(input: { id: $id, text: "Other words", note: "x" }) { id } }',
      { id: mergedId },
      editor.token,
    );
    expect(renamed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    // Two unchecked claims in one draft: the merged one's mark goes, nothing public changes.
    const draft = await room.createArticle(editor, {
      slug: 'draft',
      headline: 'Draft',
      body: 'Imports fell. Later the same: imports fell sharply.',
    });
    const first = await room.createClaim(editor, { articleId: draft.id, quote: 'Imports fell' });
    const second = await room.createClaim(editor, { articleId: draft.id, quote: 'imports fell sharply' });
    const before = await room.ok(
      '{ articles { edges { node { slug appearances { quote } corrections { note } } } } }',
      {},
    );
    const { mergeClaims } = await room.ok<{ mergeClaims: MergedClaim }>(
      MERGE,
      { input: { keepId: first.id, mergeId: second.id } },
      editor,
    );
    expect(mergeClaims.corrections).toEqual([]);
    // The merged claim's mark was taken off; its id still names a claim merged away.
    const takenOff = await server.gql(
      'mutation($id: ID!) { updateClaim(input: { id: $id, text: "Other words" }) { id } }',
      { id: second.id },
      editor.token,
    );
    expect(takenOff.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    expect(mergeClaims.appearances.totalCount).toBe(1);
    const drafted = await room.ok<{ article: ArticleView }>(
      '{ article(slug: "draft") { appearances { quote claim { id verdict annotations { id verdict } } } corrections { kind note } } }',
      {},
      editor,
    );
    expect(drafted.article.appearances.map((place) => place.quote)).toEqual(['Imports fell']);
    expect(
      await room.ok('{ articles { edges { node { slug appearances { quote } corrections { note } } } } }', {}),
    ).toEqual(before);
  });

  it('refuses a merge that would give the claim more places than a claim may have, changing nothing', async () => {
    const story = await room.publishedStory(editor, reviewer, 'crowded', 'Rents fell.', 'Rents fell');
    const other = await room.publishedStory(editor, reviewer, 'crowded-too', 'Rents dropped.', 'Rents dropped');
    // The bound counts places in other articles: the kept claim is at it already (rows written
    // directly, as only the bound itself matters here).
    const keepKey = Number(Buffer.from(story.claimId, 'base64url').toString().split(':')[1]);
    await server.db.writes.run((manager) =>
      inspectWrite(
        manager,
        sql`INSERT INTO claims (article_id, quote, prefix, suffix, start_offset, end_offset, appearance_of_id, checked_revision)
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${MAX_ARTICLE_PLACES})
          SELECT article_id, quote, prefix, suffix, start_offset, end_offset, id, checked_revision FROM claims c
          CROSS JOIN n WHERE c.id = ${keepKey}`,
      ),
    );
    const before = await fingerprint(server);
    const refused = await server.gql(MERGE, { input: { keepId: story.claimId, mergeId: other.claimId } }, editor.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await fingerprint(server)).toBe(before);
  });

  it('follows a chain: a claim merged into one later merged again resolves to the last', async () => {
    const story = await room.publishedStory(
      editor,
      reviewer,
      'chain',
      'Prices rose. Prices went up. Costs climbed.',
      'Prices rose',
    );
    const b = await room.createClaim(reviewer, { articleId: story.articleId, quote: 'Prices went up' });
    const c = await room.createClaim(reviewer, { articleId: story.articleId, quote: 'Costs climbed' });
    await room.ok(MERGE, { input: { keepId: b.id, mergeId: story.claimId } }, editor);
    await room.ok(MERGE, { input: { keepId: c.id, mergeId: b.id } }, editor);
    const node = await room.ok<{ node: { id: string } | null }>(
      'query($id: ID!) { node(id: $id) { ... on Claim { id } } }',
      {
        id: story.claimId,
      },
    );
    expect(node.node).toEqual({ id: c.id });
  });
});
