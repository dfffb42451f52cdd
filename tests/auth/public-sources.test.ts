import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const LEAK = 'https://intranet.example.org/leaked-memo';
const SIGHTINGS = `query($id: ID!) {
  node(id: $id) { id }
  nodes(ids: [$id]) { id }
  source(id: $id) { id }
  sources(first: 100) { totalCount edges { node { url } } }
  search(query: "memo") { edges { node { type } } }
}`;

interface Sightings {
  node: unknown;
  nodes: unknown[];
  source: unknown;
  sources: { totalCount: number; edges: { node: { url: string } }[] };
  search: { edges: { node: { type: string } }[] };
}

/**
 * A source is evidence of an investigation: until a fact-check readers can see cites it, only
 * staff see it, by id, in lists and in search.
 */
describe('sources cited only by drafts', () => {
  let server: TestServer;
  let room: Newsroom;
  let reviewer: SignedIn;
  let otherReviewer: SignedIn;
  let editor: SignedIn;
  let sourceId: string;
  let draftId: string;
  let story: { articleId: string; claimId: string };

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    reviewer = await server.signIn(Role.REVIEWER);
    otherReviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    story = await room.publishedStory(
      editor,
      reviewer,
      'budget',
      'The minister said the budget was balanced.',
      'the budget was balanced',
    );
    const draft = await room.createAnnotation(reviewer, {
      claimId: story.claimId,
      verdict: 'FALSE',
      summary: 'It was not.',
      body: 'See the memo.',
      citations: [
        {
          source: { url: LEAK, title: 'Treasury memo', kind: 'OFFICIAL_RECORD' },
          stance: 'REFUTES',
          excerpt: 'a deficit of 2%',
        },
      ],
    });
    draftId = draft.id;
    const cited = await room.ok<{ annotation: { citations: { source: { id: string } }[] } }>(
      'query($id: ID!) { annotation(id: $id) { citations { source { id } } } }',
      { id: draftId },
      reviewer,
    );
    sourceId = cited.annotation.citations[0].source.id;
  });
  afterAll(() => server.close());

  async function seen(who?: SignedIn): Promise<number> {
    const d = (await room.ok<Sightings>(SIGHTINGS, { id: sourceId }, who)) as Sightings;
    return [
      d.node !== null,
      d.nodes[0] !== null,
      d.source !== null,
      d.sources.edges.some((e) => e.node.url === LEAK),
      d.search.edges.some((e) => e.node.type === 'SOURCE'),
    ].filter(Boolean).length;
  }

  it('anonymous readers find it on no path; staff find it on every path', async () => {
    expect(await seen()).toBe(0);
    expect(await seen(otherReviewer)).toBe(5);
    expect(await seen(editor)).toBe(5);
    const list = await room.ok<Sightings>(SIGHTINGS, { id: sourceId });
    expect(list.sources.totalCount).toBe(0);
  });

  it('still hidden while the fact-check is in review, or published on an article readers cannot see', async () => {
    const submitted = await room.submit(reviewer, draftId);
    expect(await seen()).toBe(0);
    // Another story, still a draft: a fact-check published there cites the memo too.
    const hidden = await room.createArticle(editor, {
      slug: 'hidden',
      headline: 'Hidden',
      body: 'The deficit was small.',
    });
    const claim = await room.createClaim(editor, { articleId: hidden.id, quote: 'The deficit was small' });
    await room.publishedCheck(editor, await server.signIn(Role.EDITOR), {
      claimId: claim.id,
      verdict: 'FALSE',
      summary: 'No.',
      body: 'Memo.',
      citations: [{ sourceId, stance: 'REFUTES', excerpt: 'deficit' }],
    });
    expect(await seen()).toBe(0);
    await room.publish(editor, draftId, submitted.version);
  });

  it('public from the moment a fact-check readers can see cites it, and for good', async () => {
    expect(await seen()).toBe(5);
    await room.archiveArticle(editor, story.articleId);
    // What readers have seen stays on the record.
    expect(
      (await room.ok<{ source: unknown }>('query($id: ID!) { source(id: $id) { id } }', { id: sourceId })).source,
    ).not.toBeNull();
  });
});

describe('accounts', () => {
  let server: TestServer;
  let room: Newsroom;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
  });
  afterAll(() => server.close());

  it('readers see the names of those who wrote public fact-checks, and nothing else: no other account, no role', async () => {
    const admin = await server.signIn(Role.ADMIN, 'Ada Admin');
    const reviewer = await server.signIn(Role.REVIEWER, 'Rita Reviewer');
    const drafter = await server.signIn(Role.REVIEWER, 'Dan Drafter');
    const editor = await server.signIn(Role.EDITOR, 'Ed Editor');
    const story = await room.publishedStory(
      editor,
      reviewer,
      'roles',
      'The mayor said the bridge cost 40 million.',
      'the bridge cost 40 million',
    );
    const published = await room.publishedCheck(reviewer, editor, {
      claimId: story.claimId,
      verdict: 'FALSE',
      summary: 'It cost 18.',
      body: 'Accounts.',
    });
    await room.createAnnotation(drafter, {
      claimId: story.claimId,
      verdict: 'TRUE',
      summary: 'Maybe.',
      body: 'Draft.',
    });
    const ids = Object.fromEntries(
      [admin, reviewer, drafter, editor].map((who) => [
        who.userId,
        Buffer.from(`User:${who.userId}`).toString('base64url'),
      ]),
    );
    const query =
      'query($ids: [ID!]!, $a: ID!) { nodes(ids: $ids) { ... on User { name role } } annotation(id: $a) { author { name role } revisions { actor { name } } } }';
    const variables = { ids: Object.values(ids), a: published.id };
    const anonymous = await room.ok<{
      nodes: ({ name: string; role: string | null } | null)[];
      annotation: { author: { role: string | null }; revisions: { actor: unknown }[] };
    }>(query, variables);
    // Only the author of the published check; the publishing editor, the drafter and the admin stay unnamed.
    expect(anonymous.nodes).toEqual([null, { name: 'Rita Reviewer', role: null }, null, null]);
    expect(anonymous.annotation.author.role).toBeNull();
    expect(anonymous.annotation.revisions.every((revision) => revision.actor === null)).toBe(true);
    const staff = await room.ok<typeof anonymous>(query, variables, drafter);
    expect(staff.nodes.map((user) => user?.role)).toEqual(['ADMIN', 'REVIEWER', 'REVIEWER', 'EDITOR']);
    expect(staff.annotation.revisions.some((revision) => revision.actor !== null)).toBe(true);
  });
});
