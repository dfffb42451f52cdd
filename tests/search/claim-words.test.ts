import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

type Hit = { field: string; snippet: { text: string }; node: { id?: string } };

const SEARCH_CLAIMS = `query($q: String!) {
  search(query: $q, filter: { types: [CLAIM] }, first: 10) { edges { node { field snippet { text } node { ... on Claim { id } } } } }
}`;
const MATCHES = `query($t: String!) { claimMatches(text: $t, first: 5) { score claim { id } } }`;
const UPDATE_TEXT = `mutation($id: ID!, $text: String!) { updateClaim(input: { id: $id, text: $text }) { id text } }`;

const BODY =
  'The council said on Monday that the Vantrell bridge would reopen in spring after repairs. Residents were not convinced.';
const QUOTE = 'the Vantrell bridge would reopen in spring';
const WORDS = 'Marlowe county will rebuild the Quorra viaduct by 2031.';
const NEWER_WORDS = 'Sesquin harbour stays shut to ferries for a decade.';

/**
 * A claim is found by its own words (ClaimWordsSearchable): search and claim matching follow
 * `updateClaim`'s new text, on SQLite and PostgreSQL alike, and still find the claim by its quote.
 */
describe("a claim's own words in search and claim matching", () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let claimId: string;

  const hits = async (q: string) =>
    (await room.ok<{ search: { edges: { node: Hit }[] } }>(SEARCH_CLAIMS, { q })).search.edges.map((e) => e.node);
  const matched = async (t: string) =>
    (await room.ok<{ claimMatches: { score: number; claim: { id: string } }[] }>(MATCHES, { t })).claimMatches.map(
      (match) => match.claim.id,
    );

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    const editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    ({ claimId } = await room.publishedStory(editor, reviewer, 'vantrell', BODY, QUOTE));
  });
  afterAll(() => server.close());

  it('finds a claim by the words updateClaim gave it, and no longer by the words it replaced', async () => {
    // Before: the quote stands in for the words.
    expect((await hits('Vantrell')).map((hit) => [hit.node.id, hit.field])).toEqual([[claimId, 'quote']]);
    expect(await hits('Quorra viaduct')).toEqual([]);
    expect(await matched('Marlowe county is to rebuild the Quorra viaduct by 2031')).toEqual([]);

    await room.ok(UPDATE_TEXT, { id: claimId, text: WORDS }, reviewer);
    const found = await hits('Quorra viaduct');
    expect(found.map((hit) => [hit.node.id, hit.field])).toEqual([[claimId, 'text']]);
    // The snippet shows the claim's words.
    expect(found[0].snippet.text).toBe(WORDS);
    expect(await matched('Marlowe county is to rebuild the Quorra viaduct by 2031')).toEqual([claimId]);
    // Its quote is still how it was made: search and matching find it by that too.
    expect((await hits('Vantrell')).map((hit) => [hit.node.id, hit.field])).toEqual([[claimId, 'quote']]);
    expect(await matched('The Vantrell bridge is to reopen in the spring')).toEqual([claimId]);

    await room.ok(UPDATE_TEXT, { id: claimId, text: NEWER_WORDS }, reviewer);
    expect(await hits('Quorra viaduct')).toEqual([]);
    expect(await matched('Marlowe county is to rebuild the Quorra viaduct by 2031')).toEqual([]);
    expect((await hits('Sesquin harbour')).map((hit) => [hit.node.id, hit.field, hit.snippet.text])).toEqual([
      [claimId, 'text', NEWER_WORDS],
    ]);
    expect(await matched('The Sesquin harbour will stay shut to ferries for a decade')).toEqual([claimId]);
  });

  it('shows the claim in Article.suggestedClaims of another article by its new words', async () => {
    const editor = await server.signIn(Role.EDITOR);
    const other = await room.createArticle(editor, {
      slug: 'sesquin',
      headline: 'Ferries',
      body: 'Ferry operators were told on Friday. The Sesquin harbour will stay shut to ferries for a decade, officials said.',
    });
    const { article } = await room.ok<{
      article: { suggestedClaims: { sentence: { text: string }; claim: { id: string } }[] };
    }>(
      `query($id: ID!) { article: node(id: $id) { ... on Article { suggestedClaims { sentence { text } claim { id } } } } }`,
      { id: other.id },
      editor,
    );
    expect(article.suggestedClaims.map((s) => s.claim.id)).toEqual([claimId]);
  });
});
