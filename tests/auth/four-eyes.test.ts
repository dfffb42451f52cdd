import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const CHECK = `query($id: ID!) { annotation(id: $id) { status verdict summary author { name } contributors { name role } webAnnotation
  revisions { change actor { name } } } }`;

/**
 * Four eyes are about the content: nobody publishes a fact-check whose verdict, summary, body
 * or citations they wrote or changed, and the published fact-check names everyone who did.
 */
describe('four eyes on the content of a fact-check', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let secondEditor: SignedIn;
  let story: { articleId: string; claimId: string };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER, 'Rita Reviewer');
    editor = await server.signIn(Role.EDITOR, 'Ed Editor');
    secondEditor = await server.signIn(Role.EDITOR, 'Second Editor');
    story = await room.publishedStory(
      editor,
      reviewer,
      'rates',
      'The bank said rates rose by four percent in May.',
      'rates rose by four percent',
    );
  });
  afterAll(() => server.close());

  it('an editor who rewrote a submitted fact-check cannot publish it; a second editor can, and both writers are credited', async () => {
    const draft = await room.createAnnotation(reviewer, {
      claimId: story.claimId,
      verdict: 'TRUE',
      summary: 'Correct.',
      body: 'The bank said so.',
    });
    const submitted = await room.submit(reviewer, draft.id);
    const rewritten = await room.updateAnnotation(editor, {
      id: draft.id,
      expectedVersion: submitted.version,
      verdict: 'FALSE',
      summary: 'Wrong: three percent.',
      body: 'The bulletin says three.',
    });
    const before = await fingerprint(server);
    const refused = await room.attempt(
      'mutation($id: ID!, $v: Int!) { publishAnnotation(input: { id: $id, expectedVersion: $v }) { id } }',
      { id: draft.id, v: rewritten.version },
      editor,
    );
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fingerprint(server)).toBe(before);

    await room.publish(secondEditor, draft.id, rewritten.version);
    const check = (
      await room.ok<{
        annotation: {
          verdict: string;
          author: { name: string };
          contributors: { name: string; role: string | null }[];
          webAnnotation: { creator: unknown };
        };
      }>(CHECK, { id: draft.id })
    ).annotation;
    expect(check.verdict).toBe('FALSE');
    expect(check.author.name).toBe('Rita Reviewer');
    expect(check.contributors).toEqual([
      { name: 'Rita Reviewer', role: null },
      { name: 'Ed Editor', role: null },
    ]);
    expect(check.webAnnotation.creator).toEqual([
      { type: 'Person', name: 'Rita Reviewer' },
      { type: 'Person', name: 'Ed Editor' },
    ]);
    const page = await room.readerPage('/articles/rates');
    expect(page).toContain('Checked by Rita Reviewer, Ed Editor');
  });

  it('an editor who edited the draft before it was submitted cannot publish it either', async () => {
    const claim = await room.createClaim(reviewer, { articleId: story.articleId, quote: 'in May' });
    const draft = await room.createAnnotation(reviewer, {
      claimId: claim.id,
      verdict: 'TRUE',
      summary: 'May it was.',
      body: 'Dated bulletin.',
    });
    const helped = await room.updateAnnotation(editor, {
      id: draft.id,
      expectedVersion: draft.version,
      body: 'Dated bulletin, 3 May.',
    });
    expect(helped.version).toBe(2);
    const submitted = await room.submit(reviewer, draft.id);
    const refused = await room.attempt(
      'mutation($id: ID!, $v: Int!) { publishAnnotation(input: { id: $id, expectedVersion: $v }) { id } }',
      { id: draft.id, v: submitted.version },
      editor,
    );
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    await room.publish(secondEditor, draft.id, submitted.version);
  });

  it('an editor who only reviewed may publish; their name is not among the contributors', async () => {
    const claim = await room.createClaim(reviewer, { articleId: story.articleId, quote: 'The bank said' });
    const published = await room.publishedCheck(reviewer, editor, {
      claimId: claim.id,
      verdict: 'TRUE',
      summary: 'It did.',
      body: 'Press release.',
    });
    const check = (await room.ok<{ annotation: { contributors: { name: string }[] } }>(CHECK, { id: published.id }))
      .annotation;
    expect(check.contributors.map((user) => user.name)).toEqual(['Rita Reviewer']);
  });

  it('a published fact-check changes only with a note, and every change is on the public record', async () => {
    const claim = await room.createClaim(reviewer, { articleId: story.articleId, quote: 'four percent' });
    const published = await room.publishedCheck(reviewer, editor, {
      claimId: claim.id,
      verdict: 'MIXED',
      summary: 'Partly.',
      body: 'Depends on the measure.',
    });
    const noNote = await room.attempt(
      'mutation($id: ID!, $v: Int!) { updateAnnotation(input: { id: $id, expectedVersion: $v, summary: "Quietly changed." }) { id } }',
      { id: published.id, v: published.version },
      editor,
    );
    expect(noNote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const updated = await room.updateAnnotation(secondEditor, {
      id: published.id,
      expectedVersion: published.version,
      summary: 'Partly: the core rate rose less.',
      note: 'Added the core rate.',
    });
    await room.updateAnnotation(secondEditor, {
      id: published.id,
      expectedVersion: updated.version,
      verdict: 'MOSTLY_FALSE',
      note: 'The bulletin was revised.',
    });
    const record = await room.ok<{
      claim: { corrections: { kind: string; note: string; previousVerdict: string; newVerdict: string }[] };
    }>('query($id: ID!) { claim(id: $id) { corrections { kind note previousVerdict newVerdict } } }', { id: claim.id });
    expect(record.claim.corrections).toEqual([
      { kind: 'CHECK_UPDATED', note: 'Added the core rate.', previousVerdict: 'MIXED', newVerdict: 'MIXED' },
      {
        kind: 'VERDICT_CHANGED',
        note: 'The bulletin was revised.',
        previousVerdict: 'MIXED',
        newVerdict: 'MOSTLY_FALSE',
      },
    ]);
    const check = (await room.ok<{ annotation: { contributors: { name: string }[] } }>(CHECK, { id: published.id }))
      .annotation;
    expect(check.contributors.map((user) => user.name)).toEqual(['Rita Reviewer', 'Second Editor']);
    const page = await room.readerPage('/articles/rates');
    expect(page).toContain('Fact-check updated; verdict unchanged (Mixed): Added the core rate.');
  });
});
