import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { connectLive, type LiveClient } from '../helpers/live-client';
import { moment, Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const FIRST_BODY = 'At the summit the minister said that exports doubled last year. Nobody asked for figures.';
const SECOND_BODY =
  'A week later the claim was back. Exports doubled last year, the minister told parliament again. Analysts disagreed.';
const DRAFT_BODY = 'Embargoed: exports doubled last year, says the minister once more.';

const ADD_PLACE = `mutation($input: AddClaimAppearanceInput!) {
  addClaimAppearance(input: $input) {
    __typename id
    ... on ArticleAppearance { quote anchorStatus verdictStale selector { start end exact } article { slug } claim { id text verdict } }
  }
}`;
const REMOVE = `mutation($input: RemoveClaimAppearanceInput!) {
  removeClaimAppearance(input: $input) { removedAppearanceId claim { id appearances { totalCount } } }
}`;
const ARTICLE = `query($slug: String!, $asOf: DateTime) {
  article(slug: $slug, asOf: $asOf) {
    appearances { id quote selector { start end } claim { id text verdict annotations { id } } }
    claims { id quote verdict }
  }
}`;
const CLAIM_PLACES = `query($id: ID!) {
  claim(id: $id) {
    appearances(first: 10) { totalCount edges { node { __typename id ... on ArticleAppearance { quote article { slug } } } } }
    corrections { kind note newText previousText }
  }
}`;

interface Place {
  id: string;
  quote: string;
  selector: { start: number; end: number } | null;
  claim: { id: string; text: string; verdict: string | null; annotations: { id: string }[] };
}
interface ArticleView {
  appearances: Place[];
  claims: { id: string; quote: string; verdict: string | null }[];
}
interface ClaimPlaces {
  appearances: {
    totalCount: number;
    edges: { node: { __typename: string; id: string; quote?: string; article?: { slug: string } } }[];
  };
  corrections: { kind: string; note: string; newText: string | null; previousText: string | null }[];
}

/**
 * A claim recurs: the same statement appears in a second factline article. Its verdict is
 * checked once and shown at every place, each place anchored (and re-anchored) in its own text.
 */
describe('a claim appearing in more than one factline article', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let secondEditor: SignedIn;
  let claimId: string;
  let secondArticleId: string;
  let firstArticleId: string;
  let hearingId: string;
  let draftArticleId: string;
  let placeId: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    secondEditor = await server.signIn(Role.EDITOR);
    const first = await room.publishedStory(editor, reviewer, 'summit', FIRST_BODY, 'exports doubled last year');
    claimId = first.claimId;
    firstArticleId = first.articleId;
    await room.ok(
      `mutation($id: ID!) { updateClaim(input: { id: $id, text: "Exports doubled last year." }) { id } }`,
      {
        id: claimId,
      },
      reviewer,
    );
    const second = await room.createArticle(editor, { slug: 'parliament', headline: 'Parliament', body: SECOND_BODY });
    await room.publishArticle(editor, second.id);
    secondArticleId = second.id;
    const hearing = await room.createArticle(editor, {
      slug: 'hearing',
      headline: 'Hearing',
      body: 'At the hearing: exports doubled last year, the minister said. Analysts disagreed.',
    });
    await room.publishArticle(editor, hearing.id);
    hearingId = hearing.id;
    draftArticleId = (await room.createArticle(editor, { slug: 'embargoed', headline: 'Embargoed', body: DRAFT_BODY }))
      .id;
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await server.close();
  });

  const article = async (slug: string, who?: SignedIn, asOf?: string) =>
    (await room.ok<{ article: ArticleView | null }>(ARTICLE, { slug, asOf }, who)).article;
  const places = async (id: string, who?: SignedIn) =>
    (await room.ok<{ claim: ClaimPlaces | null }>(CLAIM_PLACES, { id }, who)).claim;

  it('a reviewer marks the claim in a second article by its words there; both articles show the one claim', async () => {
    const before = await moment();
    const added = await room.ok<{ addClaimAppearance: Place & { __typename: string; article: { slug: string } } }>(
      ADD_PLACE,
      { input: { claimId, articleId: secondArticleId, quote: 'Exports doubled last year' } },
      reviewer,
    );
    placeId = added.addClaimAppearance.id;
    expect(added.addClaimAppearance).toMatchObject({
      __typename: 'ArticleAppearance',
      quote: 'Exports doubled last year',
      article: { slug: 'parliament' },
      claim: { id: claimId, text: 'Exports doubled last year.' },
    });
    const start = SECOND_BODY.indexOf('Exports doubled');
    expect(added.addClaimAppearance.selector).toEqual({
      start,
      end: start + 'Exports doubled last year'.length,
      exact: 'Exports doubled last year',
    });

    const parliament = (await article('parliament'))!;
    expect(parliament.appearances).toEqual([
      expect.objectContaining({
        id: placeId,
        quote: 'Exports doubled last year',
        claim: expect.objectContaining({ id: claimId }),
      }),
    ]);
    // The deprecated list names the claim by its id, at its place in this article.
    expect(parliament.claims).toEqual([{ id: claimId, quote: 'Exports doubled last year', verdict: null }]);
    const listed = (await places(claimId))!;
    expect(listed.appearances.edges.map(({ node }) => [node.__typename, node.article?.slug])).toEqual([
      ['ArticleAppearance', 'summit'],
      ['ArticleAppearance', 'parliament'],
    ]);
    // Nothing was public about the claim's verdict: no correction.
    expect(listed.corrections).toEqual([]);
    // node(id) finds the place; it is not a claim of its own.
    const node = await room.ok<{ node: { quote: string; claim: { id: string } } | null }>(
      `query($id: ID!) { node(id: $id) { ... on ArticleAppearance { quote claim { id } } } }`,
      { id: placeId },
    );
    expect(node.node).toEqual({ quote: 'Exports doubled last year', claim: { id: claimId } });
    const claims = await room.ok<{ claims: { totalCount: number } }>('{ claims { totalCount } }', {});
    expect(claims.claims.totalCount).toBe(1);
    // Readers of the second article before the place was marked do not see it.
    expect((await article('parliament', undefined, before))!.appearances).toEqual([]);
  });

  it('a verdict published on the claim reaches every article it appears in: API, live subscribers, reader page, ClaimReview', async () => {
    const stream = await (() => {
      const client = connectLive(server);
      clients.push(client);
      return client;
    })().subscribe<{ claimVerdictChanged: { id: string; verdict: string } }>(
      'subscription($a: ID!) { claimVerdictChanged(articleId: $a) { id verdict } }',
      { a: secondArticleId },
    );
    const published = await room.publishedCheck(reviewer, editor, {
      claimId,
      verdict: 'FALSE',
      summary: 'Exports grew by a tenth.',
      body: 'Customs data show growth of about ten per cent.',
    });
    const [event] = await stream.waitFor(1);
    expect(event.data!.claimVerdictChanged).toEqual({ id: claimId, verdict: 'FALSE' });
    stream.dispose();

    const parliament = (await article('parliament'))!;
    expect(parliament.appearances[0].claim).toMatchObject({ verdict: 'FALSE', annotations: [{ id: published.id }] });
    expect(parliament.claims[0].verdict).toBe('FALSE');
    const stats = await room.ok<{ articles: { edges: { node: { slug: string } }[] } }>(
      '{ articles(filter: { verdict: FALSE }) { edges { node { slug } } } }',
      {},
    );
    expect(stats.articles.edges.map(({ node }) => node.slug).sort()).toEqual(['parliament', 'summit']);

    const page = (await room.readerPage('/articles/parliament'))!;
    expect(page).toContain('Exports grew by a tenth.');
    const reviews = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
      .flatMap(([, json]) => [JSON.parse(json)].flat() as Record<string, unknown>[])
      .filter((item) => item['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(1);
    const item = reviews[0].itemReviewed as { text: string; appearance: { '@type': string; headline?: string }[] };
    expect(item.text).toBe('Exports doubled last year.');
    expect(item.appearance.map((work) => work.headline)).toEqual(['Headline summit', 'Parliament']);
  });

  it('on a checked claim, a place is an editor’s public correction; reviewers and bad input are refused, changing nothing', async () => {
    const before = await fingerprint(server);
    const refused = await room.attempt(
      ADD_PLACE,
      { input: { claimId, articleId: draftArticleId, quote: 'exports doubled last year' } },
      reviewer,
    );
    expect(refused.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.articleId' });
    const cases: [Record<string, unknown>, SignedIn, string, string][] = [
      [{ claimId, articleId: hearingId, quote: 'Analysts disagreed', note: 'Also here.' }, reviewer, 'FORBIDDEN', ''],
      [{ claimId, articleId: hearingId, url: 'https://example.org/a' }, editor, 'BAD_USER_INPUT', 'input.articleId'],
      [{ claimId }, editor, 'BAD_USER_INPUT', 'input.url'],
      [{ claimId, articleId: hearingId }, editor, 'BAD_USER_INPUT', 'input.quote'],
      [{ claimId, articleId: hearingId, quote: 'not in the text', note: 'x' }, editor, 'BAD_USER_INPUT', 'input.quote'],
      [
        { claimId, articleId: secondArticleId, quote: 'Exports doubled last year', note: 'Again.' },
        editor,
        'BAD_USER_INPUT',
        'input.articleId',
      ],
      // Its own article: a page marks each of its claims once.
      [
        { claimId, articleId: firstArticleId, quote: 'Nobody asked for figures', note: 'x' },
        editor,
        'BAD_USER_INPUT',
        'input.articleId',
      ],
      [{ claimId, articleId: hearingId, quote: 'Analysts', title: 'x' }, editor, 'BAD_USER_INPUT', 'input.title'],
      [{ claimId, url: 'https://example.org/a', quote: 'Analysts' }, editor, 'BAD_USER_INPUT', 'input.quote'],
      [{ claimId, articleId: hearingId, quote: 'Analysts disagreed' }, editor, 'BAD_USER_INPUT', 'input.note'],
      [
        { claimId: secondArticleId, articleId: hearingId, quote: 'Analysts' },
        editor,
        'BAD_USER_INPUT',
        'input.claimId',
      ],
      [
        { claimId: placeId.replace(/./, 'x'), articleId: hearingId, quote: 'Analysts' },
        editor,
        'BAD_USER_INPUT',
        'input.claimId',
      ],
    ];
    for (const [input, who, code, field] of cases) {
      const result = await room.attempt(ADD_PLACE, { input }, who);
      expect(result.errors?.[0].extensions, JSON.stringify(input)).toMatchObject(field ? { code, field } : { code });
    }
    expect(await fingerprint(server)).toBe(before);

    await room.ok(
      ADD_PLACE,
      {
        input: {
          claimId,
          articleId: hearingId,
          quote: 'exports doubled last year',
          note: 'Repeated at the hearing.',
        },
      },
      editor,
    );
    // In a draft, a place is no public change until the draft is published: no correction,
    // and nothing of the draft in the claim's public record.
    const draftPlace = await room.ok<{ addClaimAppearance: { id: string } }>(
      ADD_PLACE,
      { input: { claimId, articleId: draftArticleId, quote: 'exports doubled last year' } },
      editor,
    );
    const corrections = (await places(claimId))!.corrections;
    expect(corrections).toEqual([
      {
        kind: 'PLACE_ADDED',
        note: 'Repeated at the hearing.',
        previousText: null,
        newText: 'hearing: “exports doubled last year”',
      },
    ]);
    // A place in a draft is the editors' until the draft is published.
    const anonymous = (await places(claimId))!;
    expect(anonymous.appearances.edges.map(({ node }) => node.article?.slug)).toEqual([
      'summit',
      'parliament',
      'hearing',
    ]);
    expect((await places(claimId, reviewer))!.appearances.totalCount).toBe(3);
    expect((await places(claimId, secondEditor))!.appearances.totalCount).toBe(4);
    const node = await room.ok<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, {
      id: draftPlace.addClaimAppearance.id,
    });
    expect(node.node).toBeNull();
  });

  it('a body edit re-anchors each place in its own article, and a stale place can be re-attached by its id', async () => {
    const current = await room.ok<{ article: { id: string; version: number } }>(
      '{ article(slug: "parliament") { id version } }',
      {},
    );
    await room.updateArticle(editor, {
      id: current.article.id,
      expectedVersion: current.article.version,
      body: SECOND_BODY.replace('Exports doubled last year', 'Exports more than doubled last year'),
      changeNote: 'Quote corrected against the record.',
    });
    const stale = (await article('parliament', reviewer))!.appearances[0];
    const state = await room.ok<{ node: { anchorStatus: string; verdictStale: boolean } }>(
      `query($id: ID!) { node(id: $id) { ... on ArticleAppearance { anchorStatus verdictStale } } }`,
      { id: stale.id },
    );
    expect(state.node.anchorStatus).not.toBe('ANCHORED');
    expect(state.node.verdictStale).toBe(true);
    // The claim's own place, in the first article, is untouched.
    const summit = (await article('summit'))!;
    expect(summit.appearances[0]).toMatchObject({ quote: 'exports doubled last year' });

    const reviewerRefused = await room.attempt(
      `mutation($id: ID!) { reattachClaim(input: { id: $id, quote: "Exports more than doubled last year" }) { id } }`,
      { id: stale.id },
      reviewer,
    );
    expect(reviewerRefused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const reattached = await room.ok<{ reattachClaim: { id: string } }>(
      `mutation($id: ID!) { reattachClaim(input: { id: $id, quote: "Exports more than doubled last year", note: "Re-quoted after the correction." }) { id } }`,
      { id: stale.id },
      editor,
    );
    expect(reattached.reattachClaim.id).toBe(claimId);
    const after = (await article('parliament'))!.appearances[0];
    expect(after.quote).toBe('Exports more than doubled last year');
    const corrections = (await places(claimId, editor))!.corrections.map((correction) => correction.kind);
    expect(corrections).toContain('QUOTE_CHANGED');
  });

  it('removing a further place is a correction; the claim’s own place goes only with the claim', async () => {
    const own = (await article('summit'))!.appearances[0].id;
    const refused = await room.attempt(REMOVE, { input: { id: own, note: 'x' } }, editor);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    const before = await moment();
    const removed = await room.ok<{
      removeClaimAppearance: { claim: { id: string; appearances: { totalCount: number } } };
    }>(REMOVE, { input: { id: placeId, note: 'The minister was quoting the summit story.' } }, editor);
    expect(removed.removeClaimAppearance.claim).toEqual({ id: claimId, appearances: { totalCount: 3 } });
    expect((await article('parliament'))!.appearances).toEqual([]);
    // Readers' record keeps what they saw.
    expect((await article('parliament', undefined, before))!.appearances.map((place) => place.claim.id)).toEqual([
      claimId,
    ]);
    const corrections = (await places(claimId, editor))!.corrections;
    expect(corrections).toContainEqual(
      expect.objectContaining({ kind: 'PLACE_REMOVED', note: 'The minister was quoting the summit story.' }),
    );
  });

  it('a claim still only a draft’s stays out of the published articles it appears in', async () => {
    const embargoed = await room.ok<{ createClaim: { id: string } }>(
      `mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "says the minister once more", text: "The minister repeats it." }) { id } }`,
      { a: draftArticleId },
      editor,
    );
    const draftClaimId = embargoed.createClaim.id;
    const added = await room.ok<{ addClaimAppearance: { id: string } }>(
      ADD_PLACE,
      { input: { claimId: draftClaimId, articleId: secondArticleId, quote: 'Analysts disagreed' } },
      editor,
    );
    const ids = async (who?: SignedIn) =>
      (await article('parliament', who))!.appearances.map((place) => place.claim.id);
    expect(await ids()).not.toContain(draftClaimId);
    expect(await ids(reviewer)).not.toContain(draftClaimId);
    expect(await ids(editor)).toContain(draftClaimId);
    expect(
      (
        await room.ok<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, {
          id: added.addClaimAppearance.id,
        })
      ).node,
    ).toBeNull();
    expect(await room.readerPage('/articles/parliament')).not.toContain('The minister repeats it.');
    // Nor can a reviewer change its place: the claim is the editors' while its article is a draft.
    const reattach = await room.attempt(
      `mutation($id: ID!) { reattachClaim(input: { id: $id, quote: "Analysts" }) { id } }`,
      { id: added.addClaimAppearance.id },
      reviewer,
    );
    expect(reattach.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    // Checked while embargoed: its verdict stays out of the published article's counts.
    await room.publishedCheck(editor, secondEditor, {
      claimId: draftClaimId,
      verdict: 'TRUE',
      summary: 'The minister did repeat it.',
      body: 'Transcript checked.',
    });
    const byVerdict = await room.ok<{ articles: { edges: { node: { slug: string } }[] } }>(
      '{ articles(filter: { verdict: TRUE }) { edges { node { slug } } } }',
      {},
    );
    expect(byVerdict.articles.edges).toEqual([]);
    expect(await room.readerPage('/articles/parliament')).not.toContain('The minister did repeat it.');
  });
});

/**
 * Regression: a past read of an article showed a claim at its place there while the claim's own
 * article had been withdrawn (archived) by then. Readers of the article now no longer see it;
 * its past as of a moment after the withdrawal must agree (published then, not once by then).
 */
describe('a claim whose own article is withdrawn, at its place in another article', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('leaves that article now and as of every moment since the withdrawal, and is back once republished', async () => {
    server = await startTestServer({ demo: false });
    const room = new Newsroom(server);
    const reviewer = await server.signIn(Role.REVIEWER);
    const editor = await server.signIn(Role.EDITOR);
    const first = await room.publishedStory(
      editor,
      reviewer,
      'withdrawn-summit',
      FIRST_BODY,
      'exports doubled last year',
    );
    const second = await room.createArticle(editor, { slug: 'parliament', headline: 'Parliament', body: SECOND_BODY });
    await room.publishArticle(editor, second.id);
    await room.ok(
      ADD_PLACE,
      {
        input: { claimId: first.claimId, articleId: second.id, quote: 'Exports doubled last year' },
      },
      reviewer,
    );
    const claimsOf = async (asOf?: string) =>
      (await room.ok<{ article: ArticleView | null }>(ARTICLE, { slug: 'parliament', asOf })).article!.claims.map(
        (claim) => claim.id,
      );
    const shown = await moment();
    expect(await claimsOf()).toEqual([first.claimId]);
    await room.mutate(
      'archiveArticle',
      'ArticleTransitionInput',
      { id: first.articleId, note: 'Withdrawn.' },
      editor,
      'id',
    );
    const withdrawn = await moment();
    expect(await claimsOf()).toEqual([]);
    expect(await claimsOf(withdrawn)).toEqual([]);
    expect(await claimsOf(shown)).toEqual([first.claimId]);
    // Read as readers saw it then, the claim answers its language and article though its own
    // article is not one readers may see now: the article it was read in stands in.
    const then = await room.ok<{ article: { claims: { language: string; article: { slug: string } }[] } }>(
      'query($t: DateTime) { article(slug: "parliament", asOf: $t) { claims { language article { slug } } } }',
      { t: shown },
    );
    expect(then.article.claims).toEqual([{ language: 'en', article: { slug: 'parliament' } }]);
    // And so does the claim of its appearance there.
    const appearancesThen = await room.ok<{
      article: {
        appearances: {
          claim: {
            language: string;
            article: { slug: string };
          };
        }[];
      };
    }>(
      'query($t: DateTime) { article(slug: "parliament", asOf: $t) { appearances { claim { language article { slug } } } } }',
      { t: shown },
    );
    const [appearance] = appearancesThen.article.appearances;
    expect(appearancesThen.article.appearances).toHaveLength(1);
    expect({ language: appearance!.claim.language, article: appearance!.claim.article }).toEqual({
      language: 'en',
      article: { slug: 'parliament' },
    });
    await room.publishArticle(editor, first.articleId);
    const republished = await moment();
    expect(await claimsOf()).toEqual([first.claimId]);
    expect(await claimsOf(republished)).toEqual([first.claimId]);
    expect(await claimsOf(withdrawn)).toEqual([]);
  });
});
