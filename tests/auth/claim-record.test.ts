import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const BODY =
  'Biden told Putin the United States would act firmly. Putin answered that Russia would not be intimidated.';
const CLAIM = `query($id: ID!) { claim(id: $id) { quote claimant { name } anchorStatus verdict corrections { kind note previousText newText } } }`;

interface ClaimView {
  quote: string;
  claimant: { name: string } | null;
  anchorStatus: string;
  verdict: string | null;
  corrections: { kind: string; note: string; previousText: string | null; newText: string | null }[];
}

/**
 * A claim with a published verdict is on the public record: its words, place and claimant
 * change only by an editor's act with a note, recorded as a public correction; re-attaching is
 * for anchors a correction broke.
 */
describe('checked claims on the public record', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let secondEditor: SignedIn;
  let claimId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    secondEditor = await server.signIn(Role.EDITOR);
    const story = await room.publishedStory(editor, reviewer, 'firmly', BODY, 'the United States would act firmly');
    claimId = story.claimId;
    await room.ok(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "Joe Biden" }) { id } }',
      { id: claimId },
      reviewer,
    );
    await room.publishedCheck(reviewer, secondEditor, {
      claimId,
      verdict: 'TRUE',
      summary: 'He said it.',
      body: 'White House readout.',
    });
    for (const who of [reviewer, editor, secondEditor]) await room.attempt('{ viewer { id } }', {}, who);
  });
  afterAll(() => server.close());

  const read = async () => (await room.ok<{ claim: ClaimView }>(CLAIM, { id: claimId })).claim;

  it('re-attaching an ANCHORED claim is refused for everyone: nothing to repair, and the verdict would move onto other words', async () => {
    const before = await fingerprint(server);
    for (const who of [reviewer, editor]) {
      const moved = await room.attempt(
        'mutation($id: ID!) { reattachClaim(input: { id: $id, quote: "Putin", occurrence: 1, note: "x" }) { id } }',
        { id: claimId },
        who,
      );
      expect(moved.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    }
    expect(await fingerprint(server)).toBe(before);
  });

  it('a lone reviewer cannot change the claimant of a checked claim; an editor needs a note', async () => {
    const before = await fingerprint(server);
    const byReviewer = await room.attempt(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "Vladimir Putin", note: "x" }) { id } }',
      { id: claimId },
      reviewer,
    );
    expect(byReviewer.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const noNote = await room.attempt(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "Vladimir Putin" }) { id } }',
      { id: claimId },
      editor,
    );
    expect(noNote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    expect(await fingerprint(server)).toBe(before);
    expect((await room.readerPage('/claimreview.json'))!).toContain('Joe Biden');
  });

  it("an editor's change of claimant is a public correction, in the API, the reader page and ClaimReview", async () => {
    await room.ok(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "President Joe Biden", note: "Full title." }) { id } }',
      { id: claimId },
      editor,
    );
    const claim = await read();
    expect(claim.claimant?.name).toBe('President Joe Biden');
    expect(claim.corrections).toEqual([
      { kind: 'CLAIMANT_CHANGED', note: 'Full title.', previousText: 'Joe Biden', newText: 'President Joe Biden' },
    ]);
    expect(await room.readerPage('/articles/firmly')).toContain(
      'Claim now attributed to President Joe Biden (was Joe Biden): Full title.',
    );
    const feed = JSON.parse((await room.readerPage('/claimreview.json'))!) as {
      items: { itemReviewed: { author?: { name: string } } }[];
    };
    expect(feed.items[0].itemReviewed.author?.name).toBe('President Joe Biden');
  });

  it('a correction that breaks the anchor makes the verdict stale; only an editor re-attaches it, with a note, on the record', async () => {
    const article = await room.ok<{ article: { id: string; version: number } }>(
      '{ article(slug: "firmly") { id version } }',
      {},
      editor,
    );
    await room.updateArticle(editor, {
      id: article.article.id,
      expectedVersion: article.article.version,
      body: 'Biden told Putin the United States would respond firmly. Putin answered that Russia would not be intimidated.',
      changeNote: 'Quote corrected against the readout.',
    });
    expect((await read()).anchorStatus).toBe('FUZZY');
    const reattach = 'mutation($input: ReattachClaimInput!) { reattachClaim(input: $input) { id } }';
    const input = {
      id: claimId,
      quote: 'the United States would respond firmly',
      note: 'Quote corrected against the readout.',
    };
    expect((await room.attempt(reattach, { input }, reviewer)).errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (
        await room.attempt(
          'mutation($id: ID!) { confirmClaimAnchor(input: { id: $id, note: "n" }) { id } }',
          { id: claimId },
          reviewer,
        )
      ).errors![0].extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    await room.ok(reattach, { input }, editor);
    const claim = await read();
    expect(claim).toMatchObject({
      quote: 'the United States would respond firmly',
      anchorStatus: 'ANCHORED',
      verdict: 'TRUE',
    });
    expect(claim.corrections.at(-1)).toEqual({
      kind: 'QUOTE_CHANGED',
      note: 'Quote corrected against the readout.',
      previousText: 'the United States would act firmly',
      newText: 'the United States would respond firmly',
    });
    const feed = await room.readerPage('/claimreview.json');
    expect(feed).toContain('the United States would respond firmly');
  });

  it("a claim without a published fact-check stays the reviewers' to fix, with no correction", async () => {
    const fresh = await room.createClaim(reviewer, {
      articleId: (await room.ok<{ article: { id: string } }>('{ article(slug: "firmly") { id } }', {})).article.id,
      quote: 'Russia would not be intimidated',
    });
    await room.ok(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "Vladimir Putin" }) { id } }',
      { id: fresh.id },
      reviewer,
    );
    const claim = (await room.ok<{ claim: ClaimView }>(CLAIM, { id: fresh.id })).claim;
    expect(claim).toMatchObject({ claimant: { name: 'Vladimir Putin' }, corrections: [] });
  });
});
