import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const BODY =
  'Biden said in an interview that Putin is a killer. Putin answered that it takes one to know one. The ceasefire held until spring.';

const APPEARANCES = `query($id: ID!) {
  claim(id: $id) {
    text language
    appearances(first: 20) {
      totalCount
      edges { cursor node {
        __typename id
        ... on ArticleAppearance { quote anchorStatus verdictStale selector { start end } article { slug } claim { id } }
        ... on OutsideAppearance { url title publisher appearedAt startSeconds endSeconds claim { id } }
      } }
      pageInfo { hasNextPage endCursor }
    }
    corrections { kind note previousText newText }
  }
}`;

const ADD = `mutation($input: AddClaimAppearanceInput!) {
  addClaimAppearance(input: $input) { __typename id ... on OutsideAppearance { url title } }
}`;
const REMOVE = `mutation($input: RemoveClaimAppearanceInput!) {
  removeClaimAppearance(input: $input) { removedAppearanceId claim { appearances { totalCount } } }
}`;

interface AppearanceNode {
  __typename: string;
  id: string;
  url?: string;
  title?: string | null;
  quote?: string;
  claim: { id: string };
}
interface ClaimView {
  text: string;
  language: string;
  appearances: {
    totalCount: number;
    edges: { cursor: string; node: AppearanceNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  corrections: { kind: string; note: string; previousText: string | null; newText: string | null }[];
}

/**
 * A claim has its own words and is made in places: its span in a factline article, and places
 * outside it (an interview, a televised reply) that reviewers list. On a checked claim both are
 * on the public record.
 */
describe('claim words and appearances', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let otherReviewer: SignedIn;
  let editor: SignedIn;
  let secondEditor: SignedIn;
  let articleId: string;
  let killerId: string;
  let repliedId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    otherReviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    secondEditor = await server.signIn(Role.EDITOR);
    const story = await room.publishedStory(editor, reviewer, 'interview', BODY, 'Putin is a killer');
    articleId = story.articleId;
    killerId = story.claimId;
    repliedId = (
      await room.ok<{ createClaim: { id: string } }>(
        `mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "it takes one to know one", text: "Putin replied to Biden: it takes one to know one.", language: "en-GB" }) { id } }`,
        { a: articleId },
        reviewer,
      )
    ).createClaim.id;
  });
  afterAll(() => server.close());

  const read = async (id: string, who?: SignedIn) =>
    (await room.ok<{ claim: ClaimView | null }>(APPEARANCES, { id }, who)).claim;

  it("a claim's words are its quote until written, and its language its article's unless given", async () => {
    const killer = (await read(killerId))!;
    expect(killer).toMatchObject({ text: 'Putin is a killer', language: 'en' });
    const replied = (await read(repliedId))!;
    expect(replied).toMatchObject({ text: 'Putin replied to Biden: it takes one to know one.', language: 'en-GB' });
    expect(replied.appearances.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        __typename: 'ArticleAppearance',
        quote: 'it takes one to know one',
        anchorStatus: 'ANCHORED',
        claim: { id: repliedId },
      }),
    ]);
  });

  it('bad words or language are refused with the field, and change nothing', async () => {
    const before = await fingerprint(server);
    const badLanguage = await room.attempt(
      `mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "ceasefire", language: "not a tag" }) { id } }`,
      { a: articleId },
      reviewer,
    );
    expect(badLanguage.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.language' });
    const emptyWords = await room.attempt(
      `mutation($id: ID!) { updateClaim(input: { id: $id, text: "   " }) { id } }`,
      { id: killerId },
      reviewer,
    );
    expect(emptyWords.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(await fingerprint(server)).toBe(before);
  });

  it('a reviewer lists a place outside factline; everyone reads it after the article appearance, and node(id) finds it', async () => {
    const added = await room.ok<{ addClaimAppearance: AppearanceNode }>(
      ADD,
      {
        input: {
          claimId: repliedId,
          url: 'https://example.org/news/putin-reply?utm_source=feed#top',
          title: 'Putin answers Biden on state television',
          publisher: 'Example News',
          appearedAt: '2021-03-18T12:00:00Z',
          startSeconds: 30,
          endSeconds: 45,
        },
      },
      reviewer,
    );
    expect(added.addClaimAppearance).toMatchObject({
      __typename: 'OutsideAppearance',
      url: 'https://example.org/news/putin-reply',
    });
    const anonymous = (await read(repliedId))!;
    expect(anonymous.appearances.totalCount).toBe(2);
    expect(anonymous.appearances.edges.map((edge) => edge.node.__typename)).toEqual([
      'ArticleAppearance',
      'OutsideAppearance',
    ]);
    expect(anonymous.appearances.edges[1].node).toMatchObject({
      url: 'https://example.org/news/putin-reply',
      publisher: 'Example News',
      appearedAt: '2021-03-18T12:00:00.000Z',
      startSeconds: 30,
      endSeconds: 45,
      claim: { id: repliedId },
    });
    const node = await room.ok<{ node: { url: string } | null }>(
      `query($id: ID!) { node(id: $id) { ... on OutsideAppearance { url } } }`,
      { id: added.addClaimAppearance.id },
    );
    expect(node.node).toEqual({ url: 'https://example.org/news/putin-reply' });
    const articleNode = await room.ok<{ node: { quote: string; claim: { id: string } } | null }>(
      `query($id: ID!) { node(id: $id) { ... on ArticleAppearance { quote claim { id } } } }`,
      { id: anonymous.appearances.edges[0].node.id },
    );
    expect(articleNode.node).toEqual({ quote: 'it takes one to know one', claim: { id: repliedId } });
    // Not a correction: nothing was public about this claim's verdict yet.
    expect(anonymous.corrections).toEqual([]);
  });

  it('pages through appearances with cursors', async () => {
    const first = await room.ok<{ claim: { appearances: ClaimView['appearances'] } }>(
      `query($id: ID!) { claim(id: $id) { appearances(first: 1) { edges { cursor node { __typename } } pageInfo { hasNextPage endCursor } totalCount } } }`,
      { id: repliedId },
    );
    expect(first.claim.appearances.pageInfo.hasNextPage).toBe(true);
    const second = await room.ok<{ claim: { appearances: ClaimView['appearances'] } }>(
      `query($id: ID!, $after: String) { claim(id: $id) { appearances(first: 1, after: $after) { edges { node { __typename } } pageInfo { hasNextPage } } } }`,
      { id: repliedId, after: first.claim.appearances.pageInfo.endCursor },
    );
    expect(second.claim.appearances.edges.map((edge) => edge.node.__typename)).toEqual(['OutsideAppearance']);
    expect(second.claim.appearances.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses unsafe urls, reversed times, a place listed twice and unknown claims, changing nothing', async () => {
    const before = await fingerprint(server);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ claimId: repliedId, url: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'input.url'],
      [
        { claimId: repliedId, url: 'https://example.org/a', startSeconds: 50, endSeconds: 10 },
        'BAD_USER_INPUT',
        'input.endSeconds',
      ],
      [{ claimId: repliedId, url: 'https://example.org/a', startSeconds: -1 }, 'BAD_USER_INPUT', 'input.startSeconds'],
      [{ claimId: repliedId, url: 'https://example.org/news/putin-reply' }, 'BAD_USER_INPUT', 'input.url'],
      [{ claimId: articleId, url: 'https://example.org/a' }, 'BAD_USER_INPUT', 'input.claimId'],
    ];
    for (const [input, code, field] of cases) {
      const result = await room.attempt(ADD, { input }, reviewer);
      expect(result.errors![0].extensions, JSON.stringify(input)).toMatchObject({ code, field });
    }
    const anonymous = await room.attempt(ADD, { input: { claimId: repliedId, url: 'https://example.org/b' } });
    expect(anonymous.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const articlePlace = (await read(repliedId))!.appearances.edges[0].node.id;
    const removeOwn = await room.attempt(REMOVE, { input: { id: articlePlace } }, editor);
    expect(removeOwn.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(await fingerprint(server)).toBe(before);
  });

  it("places of a draft article's claims are staff-only, and reviewers cannot list them", async () => {
    const draft = await room.createArticle(editor, { slug: 'draft-interview', headline: 'Draft', body: BODY });
    const claim = await room.createClaim(editor, { articleId: draft.id, quote: 'Putin is a killer' });
    const byReviewer = await room.attempt(
      ADD,
      { input: { claimId: claim.id, url: 'https://example.org/embargoed' } },
      otherReviewer,
    );
    expect(byReviewer.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.claimId' });
    const added = await room.ok<{ addClaimAppearance: AppearanceNode }>(
      ADD,
      { input: { claimId: claim.id, url: 'https://example.org/embargoed' } },
      editor,
    );
    const id = added.addClaimAppearance.id;
    const query = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await room.ok<{ node: unknown }>(query, { id })).node).toBeNull();
    expect((await room.ok<{ node: unknown }>(query, { id }, reviewer)).node).toBeNull();
    expect((await room.ok<{ node: unknown }>(query, { id }, editor)).node).toEqual({ id });
    const removeByReviewer = await room.attempt(REMOVE, { input: { id } }, reviewer);
    expect(removeByReviewer.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('on a checked claim', () => {
    let placeId: string;
    let beforeChanges: string;

    beforeAll(async () => {
      await room.publishedCheck(reviewer, secondEditor, {
        claimId: killerId,
        verdict: 'NEEDS_CONTEXT',
        summary: 'Two remarks years apart.',
        body: 'The ABC interview and a 2011 meeting.',
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      beforeChanges = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });

    it("listing or unlisting a place is an editor's act with a note, never a lone reviewer's", async () => {
      const before = await fingerprint(server);
      const input = { claimId: killerId, url: 'https://example.org/abc-interview', title: 'The ABC interview' };
      const byReviewer = await room.attempt(ADD, { input: { ...input, note: 'x' } }, reviewer);
      expect(byReviewer.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const noNote = await room.attempt(ADD, { input }, editor);
      expect(noNote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
      expect(await fingerprint(server)).toBe(before);

      const added = await room.ok<{ addClaimAppearance: AppearanceNode }>(
        ADD,
        { input: { ...input, note: 'The remark was first made in the ABC interview.' } },
        editor,
      );
      placeId = added.addClaimAppearance.id;
      const claim = (await read(killerId))!;
      expect(claim.corrections).toContainEqual({
        kind: 'PLACE_ADDED',
        note: 'The remark was first made in the ABC interview.',
        previousText: null,
        newText: 'https://example.org/abc-interview',
      });

      const removeByReviewer = await room.attempt(REMOVE, { input: { id: placeId, note: 'x' } }, reviewer);
      expect(removeByReviewer.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    });

    it("rewriting a checked claim's words is an editor's correction; point-in-time reads keep the words and places then", async () => {
      const byReviewer = await room.attempt(
        `mutation($id: ID!) { updateClaim(input: { id: $id, text: "Biden called Putin a killer.", note: "x" }) { id } }`,
        { id: killerId },
        reviewer,
      );
      expect(byReviewer.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      await room.ok(
        `mutation($id: ID!) { updateClaim(input: { id: $id, text: "Biden called Putin a killer with no soul.", note: "Stated as the article puts it." }) { id } }`,
        { id: killerId },
        editor,
      );
      const removed = await room.ok<{ removeClaimAppearance: { claim: { appearances: { totalCount: number } } } }>(
        REMOVE,
        { input: { id: placeId, note: 'Listed under the wrong claim.' } },
        editor,
      );
      expect(removed.removeClaimAppearance.claim.appearances.totalCount).toBe(1);

      const now = (await read(killerId))!;
      expect(now.text).toBe('Biden called Putin a killer with no soul.');
      expect(now.corrections.map((correction) => correction.kind)).toEqual([
        'PLACE_ADDED',
        'TEXT_CHANGED',
        'PLACE_REMOVED',
      ]);
      expect(now.corrections[1]).toMatchObject({
        previousText: 'Putin is a killer',
        newText: 'Biden called Putin a killer with no soul.',
      });
      expect(now.corrections[2]).toMatchObject({ previousText: 'https://example.org/abc-interview', newText: null });

      const asOf = async (moment: string) =>
        (
          await room.ok<{ article: { claims: { text: string; appearances: { totalCount: number } }[] } }>(
            `query($t: DateTime!) { article(slug: "interview", asOf: $t) { claims { text appearances { totalCount } } } }`,
            { t: moment },
          )
        ).article.claims[0];
      expect(await asOf(beforeChanges)).toEqual({ text: 'Putin is a killer', appearances: { totalCount: 1 } });
    });

    it('Article.appearances lists each claim in text order, with its claim and verdict', async () => {
      const page = await room.ok<{
        article: { appearances: { quote: string; claim: { id: string; verdict: string | null } }[] };
      }>(`{ article(slug: "interview") { appearances { quote claim { id verdict } } } }`, {});
      expect(page.article.appearances).toEqual([
        { quote: 'Putin is a killer', claim: { id: killerId, verdict: 'NEEDS_CONTEXT' } },
        { quote: 'it takes one to know one', claim: { id: repliedId, verdict: null } },
      ]);
    });
  });
});
