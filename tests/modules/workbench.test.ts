import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { Role } from '../../src/modules/user/user.entity';
import { connectLive, type LiveClient, type LiveStream } from '../helpers/live-client';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/**
 * The reviewer's workbench API (issue 23): the fact-checks list and its review queue, the claims
 * a reviewer must look at again, whether the viewer may publish (the rule publishAnnotation
 * applies), sending a fact-check back with a comment, and the staff events of the live queue.
 */
const PAGE = `query($f: AnnotationFilter, $first: Int, $after: String) {
  annotations(filter: $f, first: $first, after: $after) {
    totalCount edges { cursor node { id status updatedAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const CAN = 'id status version viewerCanPublish publishBlockedReason reviewComment';
const STAFF_EVENTS = `subscription($types: [NewsroomEventType!], $after: String) {
  events(types: $types, after: $after) { eventId type note annotation { id status } }
}`;

type Page = {
  totalCount: number;
  edges: { cursor: string; node: { id: string; status: string; updatedAt: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};
type Event = { events: { eventId: string; type: string; note: string | null; annotation: { id: string } | null } };

describe("the reviewer's workbench", () => {
  let server: TestServer;
  let room: Newsroom;
  let author: SignedIn;
  let otherReviewer: SignedIn;
  let editor: SignedIn;
  let secondEditor: SignedIn;
  let story: { articleId: string; claims: string[] };
  let draftStory: { articleId: string; claimId: string };
  /** The fact-checks of the list tests, by what they are. */
  const checks: Record<string, string> = {};
  const clients: LiveClient[] = [];

  const sentences = Array.from({ length: 30 }, (_, i) => `Statement number ${i} was made`);
  let next = 0;
  const claim = async (who = author) =>
    (await room.createClaim(who, { articleId: story.articleId, quote: sentences[next++] })).id;

  const list = async (who: SignedIn | undefined, filter?: Record<string, unknown>, first = 100) => {
    const data = await room.ok<{ annotations: Page }>(PAGE, { f: filter ?? null, first }, who);
    expect(data.annotations.totalCount).toBe(data.annotations.edges.length);
    return data.annotations.edges.map((edge) => edge.node.id);
  };
  const named = (...keys: string[]) => keys.map((key) => checks[key]).sort();
  const read = async (who: SignedIn | undefined, id: string, selection = CAN) =>
    (
      await room.ok<{ annotation: Record<string, unknown> | null }>(
        `query($id: ID!) { annotation(id: $id) { ${selection} } }`,
        { id },
        who,
      )
    ).annotation;
  const returnCheck = (who: SignedIn | undefined, input: Record<string, unknown>) =>
    room.attempt<{ returnAnnotation: Record<string, unknown> }>(
      `mutation($input: ReturnAnnotationInput!) { returnAnnotation(input: $input) { ${CAN} } }`,
      { input },
      who,
    );
  const publishAttempt = (who: SignedIn, id: string, expectedVersion: number) =>
    room.attempt(
      'mutation($input: PublishAnnotationInput!) { publishAnnotation(input: $input) { id } }',
      {
        input: { id, expectedVersion },
      },
      who,
    );

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    author = await server.signIn(Role.REVIEWER, 'Ana Author');
    otherReviewer = await server.signIn(Role.REVIEWER, 'Rui Reviewer');
    editor = await server.signIn(Role.EDITOR, 'Eve Editor');
    secondEditor = await server.signIn(Role.EDITOR, 'Otto Editor');
    const article = await room.createArticle(editor, {
      slug: 'workbench-story',
      headline: 'Workbench story',
      body: `${sentences.join('. ')}.`,
    });
    await room.publishArticle(editor, article.id);
    story = { articleId: article.id, claims: [] };
    const draft = await room.createArticle(editor, {
      slug: 'workbench-draft',
      headline: 'Unpublished',
      body: 'A drafted claim stands here.',
    });
    const draftClaim = await room.createClaim(editor, { articleId: draft.id, quote: 'A drafted claim' });
    draftStory = { articleId: draft.id, claimId: draftClaim.id };

    const c1 = await claim();
    const c2 = await claim();
    const c3 = await claim();
    story.claims = [c1, c2, c3];
    const write = (who: SignedIn, claimId: string, summary: string) =>
      room.createAnnotation(who, { claimId, verdict: 'FALSE', summary, body: 'Checked.' });
    checks.authorDraft = (await write(author, c1, 'Author draft')).id;
    checks.authorInReview = (await write(author, c2, 'Author in review')).id;
    await room.submit(author, checks.authorInReview);
    checks.published = (
      await room.publishedCheck(author, secondEditor, { claimId: c3, verdict: 'TRUE', summary: 'Published', body: 'b' })
    ).id;
    checks.otherDraft = (await write(otherReviewer, c1, 'Other reviewer draft')).id;
    checks.editorsOwn = (await write(editor, c2, "Editor's own")).id;
    await room.submit(editor, checks.editorsOwn);
    checks.editorChanged = (await write(author, c3, 'Editor changed it')).id;
    const submitted = await room.submit(author, checks.editorChanged);
    await room.updateAnnotation(editor, {
      id: checks.editorChanged,
      expectedVersion: submitted.version,
      summary: 'Changed by the editor',
    });
    // A published fact-check of a claim of an unpublished story: no reader may see it.
    checks.unpublishedStory = (
      await room.publishedCheck(secondEditor, editor, {
        claimId: draftStory.claimId,
        verdict: 'FALSE',
        summary: 'Of a draft story',
        body: 'b',
      })
    ).id;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await server.close();
  });

  describe('the fact-checks list', () => {
    it('answers each viewer what the one visibility rule lets them see, newest change first', async () => {
      expect((await list(undefined)).sort()).toEqual(named('published'));
      expect((await list(otherReviewer)).sort()).toEqual(named('published', 'otherDraft'));
      expect((await list(author)).sort()).toEqual(named('authorDraft', 'authorInReview', 'published', 'editorChanged'));
      const all = await room.ok<{ annotations: Page }>(PAGE, { first: 100 }, editor);
      expect(all.annotations.edges.map((edge) => edge.node.id).sort()).toEqual(named(...Object.keys(checks)));
      const times = all.annotations.edges.map((edge) => Date.parse(edge.node.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      // The newest change first: the editor's change of a submitted fact-check came after every other but the last.
      expect(all.annotations.edges[0].node.id).toBe(checks.unpublishedStory);
    });

    it('filters by status, author, article and claim, as each viewer may see', async () => {
      expect((await list(editor, { status: ['IN_REVIEW'] })).sort()).toEqual(
        named('authorInReview', 'editorsOwn', 'editorChanged'),
      );
      expect((await list(editor, { status: ['DRAFT', 'PUBLISHED'] })).sort()).toEqual(
        named('authorDraft', 'published', 'otherDraft', 'unpublishedStory'),
      );
      expect((await list(author, { status: ['DRAFT'] })).sort()).toEqual(named('authorDraft'));
      const authorId = toGlobalId('User', author.userId);
      expect((await list(editor, { authorId })).sort()).toEqual(
        named('authorDraft', 'authorInReview', 'published', 'editorChanged'),
      );
      expect(await list(undefined, { authorId })).toEqual(named('published'));
      expect(await list(otherReviewer, { authorId, status: ['DRAFT'] })).toEqual([]);
      expect((await list(editor, { articleId: story.articleId })).sort()).toEqual(
        named('authorDraft', 'authorInReview', 'published', 'otherDraft', 'editorsOwn', 'editorChanged'),
      );
      expect(await list(editor, { articleId: draftStory.articleId })).toEqual(named('unpublishedStory'));
      expect(await list(undefined, { articleId: draftStory.articleId })).toEqual([]);
      expect((await list(editor, { claimId: story.claims[0] })).sort()).toEqual(named('authorDraft', 'otherDraft'));
      expect(await list(otherReviewer, { claimId: story.claims[0] })).toEqual(named('otherDraft'));
      expect(await list(undefined, { claimId: story.claims[0] })).toEqual([]);
      expect(await list(undefined, { claimId: draftStory.claimId })).toEqual([]);
      // An id no row has, even past what an integer column holds, matches nothing.
      expect(await list(editor, { authorId: toGlobalId('User', 99_999_999_999) })).toEqual([]);
      const empty = await room.attempt(PAGE, { f: { status: [] } }, editor);
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.status' });
      const wrongType = await room.attempt(PAGE, { f: { authorId: story.articleId } }, editor);
      expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.authorId' });
    });

    it('awaitingMyReview: the fact-checks IN_REVIEW an editor may publish, none of their own contributions; nothing for others', async () => {
      expect(await list(editor, { awaitingMyReview: true })).toEqual(named('authorInReview'));
      expect((await list(secondEditor, { awaitingMyReview: true })).sort()).toEqual(
        named('authorInReview', 'editorsOwn', 'editorChanged'),
      );
      // With other filters: all of them apply.
      expect(await list(secondEditor, { awaitingMyReview: true, claimId: story.claims[2] })).toEqual(
        named('editorChanged'),
      );
      expect(await list(secondEditor, { awaitingMyReview: true, status: ['DRAFT'] })).toEqual([]);
      expect(await list(author, { awaitingMyReview: true })).toEqual([]);
      expect(await list(undefined, { awaitingMyReview: true })).toEqual([]);
      // false is no filter.
      expect((await list(author, { awaitingMyReview: false })).sort()).toEqual((await list(author)).sort());
      // Each one the queue lists is one the editor may publish, and the others are not.
      for (const id of Object.values(checks)) {
        const canPublish = (await read(secondEditor, id))!.viewerCanPublish;
        expect(canPublish, id).toBe((await list(secondEditor, { awaitingMyReview: true })).includes(id));
      }
    });

    it('pages forward by cursor, bounded like every list', async () => {
      const all = await list(editor);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const data: { annotations: Page } = await room.ok<{ annotations: Page }>(PAGE, { first: 2, after }, editor);
        expect(data.annotations.totalCount).toBe(all.length);
        seen.push(...data.annotations.edges.map((edge) => edge.node.id));
        after = data.annotations.pageInfo.endCursor;
        if (!data.annotations.pageInfo.hasNextPage) break;
      }
      expect(seen).toEqual(all);
      const beyond = await room.ok<{ annotations: Page }>(PAGE, { first: 2, after }, editor);
      expect(beyond.annotations.edges).toEqual([]);
      // The same cursor pages a reader's list from there, showing only what they may see.
      const tooMany = await room.attempt(PAGE, { first: 101 }, editor);
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const forged = await room.attempt(PAGE, { after: 'bm90IGEgY3Vyc29y' }, editor);
      expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const otherList = await room.ok<{ claims: { pageInfo: { endCursor: string } } }>(
        '{ claims(first: 1) { pageInfo { endCursor } } }',
        {},
        editor,
      );
      const mixed = await room.attempt(PAGE, { after: otherList.claims.pageInfo.endCursor }, editor);
      expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('viewerCanPublish and publishBlockedReason', () => {
    it('say beforehand exactly what publishAnnotation answers, for each case', async () => {
      const expectRefusal = async (who: SignedIn, id: string, reason: RegExp, code: string) => {
        const seen = (await read(who, id)) as {
          viewerCanPublish: boolean;
          publishBlockedReason: string;
          version: number;
        };
        expect(seen.viewerCanPublish).toBe(false);
        expect(seen.publishBlockedReason).toMatch(reason);
        const refused = await publishAttempt(who, id, seen.version);
        expect(refused.errors?.[0].extensions?.code).toBe(code);
        // Editors are refused by the rule itself, in its words; reviewers before it, by role.
        if (who === editor || who === secondEditor) expect(refused.errors?.[0].message).toBe(seen.publishBlockedReason);
      };
      await expectRefusal(author, checks.authorInReview, /^Only editors publish\.$/, 'FORBIDDEN');
      await expectRefusal(editor, checks.authorDraft, /Submit it for review first/, 'CONFLICT');
      await expectRefusal(editor, checks.published, /already published/, 'CONFLICT');
      await expectRefusal(
        editor,
        checks.editorsOwn,
        /You wrote or changed this fact-check; another editor must publish it\./,
        'FORBIDDEN',
      );
      await expectRefusal(editor, checks.editorChanged, /another editor must publish it/, 'FORBIDDEN');
      const bare = await room.createAnnotation(author, {
        claimId: await claim(),
        verdict: 'TRUE',
        summary: 'No sources',
        body: 'b',
        citations: [],
      });
      await room.submit(author, bare.id);
      await expectRefusal(secondEditor, bare.id, /at least one cited source/, 'CONFLICT');
      const anonymous = (await read(undefined, checks.published))!;
      expect(anonymous).toMatchObject({ viewerCanPublish: false, publishBlockedReason: 'Only editors publish.' });

      const ready = await room.createAnnotation(author, {
        claimId: await claim(),
        verdict: 'TRUE',
        summary: 'Ready',
        body: 'b',
      });
      const inReview = await room.submit(author, ready.id);
      expect(await read(secondEditor, ready.id)).toMatchObject({ viewerCanPublish: true, publishBlockedReason: null });
      const published = await publishAttempt(secondEditor, ready.id, inReview.version);
      expect(published.errors).toBeUndefined();
      expect(await read(secondEditor, ready.id)).toMatchObject({
        status: 'PUBLISHED',
        viewerCanPublish: false,
        publishBlockedReason: 'It is already published.',
      });
    });
  });

  describe('returnAnnotation', () => {
    it('an editor sends a fact-check IN_REVIEW back with a comment its author reads; readers never see it', async () => {
      const draft = await room.createAnnotation(author, {
        claimId: await claim(),
        verdict: 'MIXED',
        summary: 'To return',
        body: 'b',
      });
      const submitted = await room.submit(author, draft.id);

      expect((await returnCheck(undefined, { id: draft.id, comment: 'x' })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await returnCheck(author, { id: draft.id, comment: 'x' })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      for (const comment of ['', '   ', 'x'.repeat(1001)])
        expect((await returnCheck(editor, { id: draft.id, comment })).errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.comment',
        });
      const stale = await returnCheck(editor, {
        id: draft.id,
        comment: 'Fine',
        expectedVersion: submitted.version - 1,
      });
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: submitted.version });
      // Refusals changed nothing.
      expect(await read(editor, draft.id)).toMatchObject({ status: 'IN_REVIEW', version: submitted.version });

      const returned = await returnCheck(editor, {
        id: draft.id,
        comment: '  Cite the minutes, not the press release.  ',
        expectedVersion: submitted.version,
      });
      expect(returned.errors).toBeUndefined();
      expect(returned.data!.returnAnnotation).toMatchObject({
        status: 'DRAFT',
        version: submitted.version + 1,
        reviewComment: 'Cite the minutes, not the press release.',
      });
      expect(await read(author, draft.id)).toMatchObject({ reviewComment: 'Cite the minutes, not the press release.' });
      expect(await read(otherReviewer, draft.id)).toBeNull();
      expect(await read(undefined, draft.id)).toBeNull();
      const history = (await read(author, draft.id, 'revisions { change note actor { id } } contributors { id }')) as {
        revisions: { change: string; note: string | null; actor: { id: string } }[];
        contributors: { id: string }[];
      };
      expect(history.revisions.map((revision) => revision.change)).toEqual(['CREATED', 'SUBMITTED', 'RETURNED']);
      expect(history.revisions.at(-1)).toEqual({
        change: 'RETURNED',
        note: 'Cite the minutes, not the press release.',
        actor: { id: toGlobalId('User', editor.userId) },
      });
      // Not a content change: the editor who returned it is no contributor.
      expect(history.contributors).toEqual([{ id: toGlobalId('User', author.userId) }]);

      // Only a fact-check IN_REVIEW goes back: not a draft, nor a published or retracted one.
      for (const id of [draft.id, checks.published])
        expect((await returnCheck(editor, { id, comment: 'Again' })).errors?.[0].extensions?.code).toBe('CONFLICT');
      // Others' drafts are not there for a reviewer; an unknown id is not there for anyone.
      expect(
        (await returnCheck(editor, { id: toGlobalId('Annotation', 99_999), comment: 'x' })).errors?.[0].extensions
          ?.code,
      ).toBe('NOT_FOUND');

      // The author changes it (the comment stays while it is a draft), submits again, and the
      // editor who returned it may publish it: returning made them no contributor.
      const edited = await room.updateAnnotation(author, {
        id: draft.id,
        expectedVersion: submitted.version + 1,
        summary: 'Returned and fixed',
      });
      expect(await read(author, draft.id)).toMatchObject({ reviewComment: 'Cite the minutes, not the press release.' });
      const again = await room.submit(author, draft.id);
      expect(again.version).toBe(edited.version + 1);
      expect(await read(author, draft.id)).toMatchObject({ status: 'IN_REVIEW', reviewComment: null });
      expect(await read(editor, draft.id)).toMatchObject({ viewerCanPublish: true, publishBlockedReason: null });
      await room.publish(editor, draft.id, again.version);

      // Published: readers read it, never the comment nor the drafting history it is in.
      const reader = (await read(undefined, draft.id, 'status reviewComment revisions { change note }')) as {
        status: string;
        reviewComment: string | null;
        revisions: { change: string; note: string | null }[];
      };
      expect(reader.status).toBe('PUBLISHED');
      expect(reader.reviewComment).toBeNull();
      expect(reader.revisions.map((revision) => revision.change)).toEqual(['PUBLISHED']);
      const bystander = (await read(otherReviewer, draft.id, 'reviewComment revisions { change }')) as {
        reviewComment: string | null;
        revisions: { change: string }[];
      };
      expect(bystander.reviewComment).toBeNull();
      expect(bystander.revisions.map((revision) => revision.change)).toEqual(['PUBLISHED']);
      expect(JSON.stringify(bystander)).not.toContain('minutes');
    });
  });

  describe('claims needing a reviewer', () => {
    it('filters by verdictStale and anchorStatus, as the claims list sees them (visible claims, no places)', async () => {
      const body = 'Alpha said one. Beta said two. Gamma said three. Delta said four.';
      const article = await room.createArticle(editor, { slug: 'workbench-anchors', headline: 'Anchors', body });
      const published = await room.publishArticle(editor, article.id);
      const quote = async (words: string) =>
        (await room.createClaim(author, { articleId: article.id, quote: words })).id;
      const alpha = await quote('Alpha said one');
      const beta = await quote('Beta said two');
      const gamma = await quote('Gamma said three');
      const delta = await quote('Delta said four');
      for (const id of [alpha, gamma])
        await room.publishedCheck(author, editor, { claimId: id, verdict: 'FALSE', summary: 's', body: 'b' });
      // Beta also appears in another published story: a place row of its own, never a claim of the list.
      const elsewhere = await room.createArticle(editor, {
        slug: 'workbench-elsewhere',
        headline: 'E',
        body: 'Beta said two, again.',
      });
      await room.publishArticle(editor, elsewhere.id);
      await room.mutate(
        'addClaimAppearance',
        'AddClaimAppearanceInput',
        { claimId: beta, articleId: elsewhere.id, quote: 'Beta said two' },
        author,
        'id',
      );
      // A correction: Alpha's words change (FUZZY), Gamma's and Delta's are gone (ORPHANED).
      await room.updateArticle(editor, {
        id: article.id,
        expectedVersion: published.version,
        body: 'Alpha said uno. Beta said two. Nothing else.',
        changeNote: 'Corrected the quotes.',
      });
      const claims = async (who: SignedIn | undefined, filter: Record<string, unknown>) => {
        const data = await room.ok<{
          claims: {
            totalCount: number;
            edges: { node: { id: string; verdictStale: boolean; anchorStatus: string } }[];
          };
        }>(
          'query($f: ClaimFilter) { claims(first: 100, filter: $f) { totalCount edges { node { id verdictStale anchorStatus } } } }',
          { f: { articleId: article.id, ...filter } },
          who,
        );
        expect(data.claims.totalCount).toBe(data.claims.edges.length);
        return data.claims.edges.map((edge) => edge.node);
      };
      const ids = async (who: SignedIn | undefined, filter: Record<string, unknown>) =>
        (await claims(who, filter)).map((node) => node.id);
      const everything = await claims(author, {});
      expect(everything.map((node) => [node.id, node.anchorStatus, node.verdictStale])).toEqual([
        [alpha, 'FUZZY', true],
        [beta, 'ANCHORED', false],
        [gamma, 'ORPHANED', true],
        [delta, 'ORPHANED', false],
      ]);
      expect(await ids(author, { verdictStale: true })).toEqual([alpha, gamma]);
      expect(await ids(undefined, { verdictStale: true })).toEqual([alpha, gamma]);
      expect(await ids(author, { verdictStale: false })).toEqual([beta, delta]);
      expect(await ids(author, { anchorStatus: ['ORPHANED'] })).toEqual([gamma, delta]);
      expect(await ids(author, { anchorStatus: ['AMBIGUOUS', 'ORPHANED'], verdictStale: true })).toEqual([gamma]);
      expect(await ids(author, { anchorStatus: ['ORPHANED', 'FUZZY'], verdictStale: false })).toEqual([delta]);
      expect(await ids(author, { anchorStatus: ['ANCHORED', 'MOVED'], verdictStale: true })).toEqual([]);
      expect(await ids(author, { anchorStatus: ['ANCHORED', 'MOVED'] })).toEqual([beta]);
      expect(await ids(author, { anchorStatus: ['ANCHORED', 'MOVED', 'FUZZY', 'AMBIGUOUS', 'ORPHANED'] })).toEqual(
        everything.map((node) => node.id),
      );
      expect(await ids(author, { verdict: 'FALSE', anchorStatus: ['FUZZY'] })).toEqual([alpha]);
      // The place in the other story is not a claim of that story's list, whatever its anchor.
      expect(
        await room.ok<{ claims: { totalCount: number } }>(
          'query($f: ClaimFilter) { claims(filter: $f) { totalCount } }',
          { f: { articleId: elsewhere.id, anchorStatus: ['ANCHORED', 'MOVED', 'FUZZY', 'AMBIGUOUS', 'ORPHANED'] } },
          editor,
        ),
      ).toEqual({ claims: { totalCount: 0 } });
      // A withdrawn story's claims are the editors' alone, stale or not.
      await room.archiveArticle(editor, article.id, 'Withdrawn.');
      expect(await ids(undefined, { verdictStale: true })).toEqual([]);
      expect(await ids(author, { anchorStatus: ['ORPHANED'] })).toEqual([]);
      expect(await ids(editor, { anchorStatus: ['ORPHANED'] })).toEqual([gamma, delta]);
      const empty = await room.attempt('{ claims(filter: { anchorStatus: [] }) { totalCount } }', {}, editor);
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.anchorStatus' });
    });
  });

  describe('staff events', () => {
    const subscribe = async (who: SignedIn | undefined, variables: Record<string, unknown>) => {
      const client = connectLive(server, who?.token);
      clients.push(client);
      return client.subscribe<Event>(STAFF_EVENTS, variables);
    };
    const seen = (stream: LiveStream<Event>) =>
      stream.results.map((result) => {
        expect(result.errors).toBeUndefined();
        const { type, annotation, note } = result.data!.events;
        return [type, annotation?.id ?? null, note];
      });
    const TYPES = ['FACT_CHECK_SUBMITTED', 'FACT_CHECK_RETURNED', 'FACT_CHECK_PUBLISHED'];

    it('reach editors and the author, not other reviewers, never anonymous subscribers; never public', async () => {
      const streams = {
        editor: await subscribe(secondEditor, { types: TYPES }),
        author: await subscribe(author, { types: TYPES }),
        otherReviewer: await subscribe(otherReviewer, { types: TYPES }),
        anonymous: await subscribe(undefined, { types: TYPES }),
      };
      const before = (await server.db.eventLog.bounds()).newest;
      const mine = await room.createAnnotation(author, {
        claimId: await claim(),
        verdict: 'FALSE',
        summary: 'Live',
        body: 'b',
      });
      const submitted = await room.submit(author, mine.id);
      const returned = await returnCheck(editor, { id: mine.id, comment: 'One more source, please.' });
      expect(returned.errors).toBeUndefined();
      const others = await room.createAnnotation(otherReviewer, {
        claimId: await claim(otherReviewer),
        verdict: 'TRUE',
        summary: 'Theirs',
        body: 'b',
      });
      await room.submit(otherReviewer, others.id);
      // Then the author's, resubmitted and published: the one public event, which everyone hears.
      const resubmitted = await room.submit(author, mine.id);
      await room.publish(secondEditor, mine.id, resubmitted.version);
      expect(resubmitted.version).toBe(submitted.version + 2);

      await streams.editor.waitFor(5);
      await streams.author.waitFor(4);
      await streams.otherReviewer.waitFor(2);
      await streams.anonymous.waitFor(1);
      const submittedMine = ['FACT_CHECK_SUBMITTED', mine.id, null];
      const returnedMine = ['FACT_CHECK_RETURNED', mine.id, 'One more source, please.'];
      const publishedMine = ['FACT_CHECK_PUBLISHED', mine.id, null];
      expect(seen(streams.editor)).toEqual([
        submittedMine,
        returnedMine,
        ['FACT_CHECK_SUBMITTED', others.id, null],
        submittedMine,
        publishedMine,
      ]);
      expect(seen(streams.author)).toEqual([submittedMine, returnedMine, submittedMine, publishedMine]);
      expect(seen(streams.otherReviewer)).toEqual([['FACT_CHECK_SUBMITTED', others.id, null], publishedMine]);
      expect(seen(streams.anonymous)).toEqual([publishedMine]);

      // In the log, the workflow's events were never public, whatever became of the fact-check.
      const logged = (await server.db.eventLog.after(before, 1_000)).filter((event) =>
        ['annotationSubmitted', 'annotationReturned'].includes(event.type),
      );
      expect(logged.map((event) => [event.type, event.isPublic])).toEqual([
        ['annotationSubmitted', false],
        ['annotationReturned', false],
        ['annotationSubmitted', false],
        ['annotationSubmitted', false],
      ]);

      // Read again from the start of the log, now that the fact-check is published: a reader and
      // another reviewer still hear nothing of its drafting; its author and the editors do.
      const replay = async (who: SignedIn | undefined, count: number) => {
        const stream = await subscribe(who, { types: TYPES, after: String(before) });
        await stream.waitFor(count);
        // Anything it should not hear would have come before the last event it may.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return seen(stream);
      };
      expect(await replay(undefined, 1)).toEqual([publishedMine]);
      expect(await replay(otherReviewer, 2)).toEqual([['FACT_CHECK_SUBMITTED', others.id, null], publishedMine]);
      expect(await replay(author, 4)).toEqual([submittedMine, returnedMine, submittedMine, publishedMine]);
      expect(await replay(editor, 5)).toEqual(seen(streams.editor));
    });
  });
});
