import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/** claimMatches' rules, and Article.suggestedClaims with its dismissals, through the API on the demo data. */
describe('claim matching through the API', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let demoClaims: { id: string; quote: string }[];
  const BODY =
    'Officials met on Monday. Since the beginning of the year, 26 Ukrainian troops have been killed, the army said. ' +
    'The weather was mild. More than thirteen thousand people have died since 2014.';

  const SUGGESTIONS =
    'query($slug: String!) { article(slug: $slug) { suggestedClaims { score sentence { text start end } claim { id quote } } } }';

  beforeAll(async () => {
    server = await startTestServer();
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    demoClaims = (
      await room.ok<{ article: { claims: { id: string; quote: string }[] } }>(
        'query($slug: String!) { article(slug: $slug) { claims { id quote } } }',
        { slug: DEMO_ARTICLE_SLUG },
      )
    ).article.claims;
  });
  afterAll(() => server.close());

  const matches = async (text: string, who?: SignedIn, extra = '') =>
    room.attempt<{ claimMatches: { score: number; claim: { id: string; quote: string } }[] }>(
      `query($text: String!) { claimMatches(text: $text${extra}) { score claim { id quote } } }`,
      { text },
      who,
    );

  it('refuses bad input with the argument named, and bounds the text', async () => {
    for (const [text, extra, field] of [
      ['   ', '', 'text'],
      ['x'.repeat(1_000_000), '', 'text'],
      ['Biden', ', first: -1', 'first'],
      ['Biden', ', first: 1000', 'first'],
      ['Biden', `, language: "${'x'.repeat(50)}"`, 'language'],
    ] as const) {
      const result = await matches(text, undefined, extra);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await matches('the of and')).data!.claimMatches).toEqual([]);
    expect(
      (await matches('26 Ukrainian soldiers killed since the start of the year', undefined, ', language: "de"')).data!
        .claimMatches,
    ).toEqual([]);
  });

  it('finds only claims the viewer may see: drafts for editors, never deleted claims', async () => {
    const draft = await room.createArticle(editor, {
      slug: 'draft-matching',
      headline: 'Draft',
      body: 'Zorblat quintessa marched eleven plovers across the Vantrell bridge.',
    });
    // Reviewers mark claims on published articles only: the editor marks this one.
    const claim = await room.createClaim(editor, {
      articleId: draft.id,
      quote: 'Zorblat quintessa marched eleven plovers',
    });
    const text = 'eleven plovers marched, said zorblat quintessa';
    expect((await matches(text)).data!.claimMatches).toEqual([]);
    expect((await matches(text, reviewer)).data!.claimMatches).toEqual([]);
    expect((await matches(text, editor)).data!.claimMatches.map((m) => m.claim.id)).toEqual([claim.id]);
    await room.mutate('deleteClaim', 'DeleteClaimInput', { id: claim.id }, editor, 'deletedClaimId');
    expect((await matches(text, editor)).data!.claimMatches).toEqual([]);
  });

  it("suggests other articles' claims for uncovered sentences, staff only, and forgets dismissed pairs", async () => {
    const story = await room.publishedStory(editor, reviewer, 'suggestions-story', BODY, 'Officials met on Monday');
    const twentySix = demoClaims.find((c) => c.quote.startsWith('26 Ukrainian'))!;
    const thirteen = demoClaims.find((c) => c.quote.includes('13,000'))!;

    const anonymous = await room.attempt(SUGGESTIONS, { slug: 'suggestions-story' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    type Suggestions = {
      article: {
        suggestedClaims: {
          score: number;
          sentence: { text: string; start: number; end: number };
          claim: { id: string };
        }[];
      };
    };
    const first = (await room.ok<Suggestions>(SUGGESTIONS, { slug: 'suggestions-story' }, reviewer)).article;
    expect(first.suggestedClaims.map((s) => s.claim.id)).toEqual([twentySix.id, thirteen.id]);
    for (const s of first.suggestedClaims) {
      expect(BODY.slice(s.sentence.start, s.sentence.end)).toBe(s.sentence.text);
      expect(s.score).toBeGreaterThan(0.55);
    }

    const sentence = first.suggestedClaims[0].sentence.text;
    const dismiss = (input: Record<string, unknown>) =>
      room.attempt(
        'mutation($input: DismissClaimSuggestionInput!) { dismissClaimSuggestion(input: $input) { id } }',
        { input },
        reviewer,
      );
    // Bad input changes nothing.
    for (const [input, field] of [
      [{ articleId: story.articleId, claimId: twentySix.id, sentence: ' ' }, 'input.sentence'],
      [{ articleId: story.articleId, claimId: twentySix.id, sentence: 'Not in the body.' }, 'input.sentence'],
      [{ articleId: story.articleId, claimId: twentySix.id, sentence: 'x'.repeat(1_000_000) }, 'input.sentence'],
      [{ articleId: 'nonsense', claimId: twentySix.id, sentence }, 'input.articleId'],
    ] as const)
      expect((await dismiss(input)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await room.ok<Suggestions>(SUGGESTIONS, { slug: 'suggestions-story' }, reviewer)).article).toEqual(first);

    // Dismissed by its words: quotes, case and spacing do not matter, and it holds when the sentence moves.
    expect(
      (await dismiss({ articleId: story.articleId, claimId: twentySix.id, sentence: `  ${sentence.toUpperCase()} ` }))
        .errors,
    ).toBeUndefined();
    expect((await dismiss({ articleId: story.articleId, claimId: twentySix.id, sentence })).errors).toBeUndefined();
    const { article } = await room.ok<{ article: { version: number } }>(
      'query($id: ID!) { article(id: $id) { version } }',
      { id: story.articleId },
      editor,
    );
    await room.updateArticle(editor, {
      id: story.articleId,
      expectedVersion: article.version,
      body: `A new first sentence. ${BODY}`,
      changeNote: 'Added a sentence.',
    });
    const after = (await room.ok<Suggestions>(SUGGESTIONS, { slug: 'suggestions-story' }, editor)).article;
    expect(after.suggestedClaims.map((s) => s.claim.id)).toEqual([thirteen.id]);

    // A sentence a claim of the article covers is not suggested.
    await room.createClaim(reviewer, {
      articleId: story.articleId,
      quote: 'More than thirteen thousand people have died since 2014',
    });
    expect(
      (await room.ok<Suggestions>(SUGGESTIONS, { slug: 'suggestions-story' }, editor)).article.suggestedClaims,
    ).toEqual([]);
  });
});
