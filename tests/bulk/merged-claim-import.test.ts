import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetLine } from '../../src/modules/dataset/dataset.types';
import { Role } from '../../src/modules/user/user.entity';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { Newsroom } from '../helpers/newsroom';
import { exportedLines, importLines, oneClaimDraftLine, rowCounts } from './bulk-helpers';

const LISTS = {
  claimants: [],
  sources: [],
  users: [{ key: 'desk', name: 'Desk Editor', role: 'EDITOR' as const }],
};

/** A claim with a key and a place outside factline, in a draft of its own. */
function line(slug: string, body: string, url: string): DatasetLine {
  return oneClaimDraftLine(
    slug,
    body,
    {
      claimant: 'The minister',
      annotations: [],
      places: [
        { url, title: null, publisher: null, appearedAt: null, startSeconds: null, endSeconds: null, addedBy: 'desk' },
      ],
    },
    LISTS,
  );
}

/**
 * A newsroom imports its claims, merges two that are one statement, and imports the same file
 * again (a nightly sync): the merged claim's key names the kept claim, so nothing is added twice
 * and nothing lands on the row that is now only a place.
 */
describe('importing again after two imported claims were merged', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  const lines = [
    line('merge-import-a', 'Exports doubled last year.', 'https://radio.example.org/a'),
    line('merge-import-b', 'Exports have doubled since last year.', 'https://radio.example.org/b'),
  ];

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    await importLines(server.db, lines);
  });
  afterAll(() => server.close());

  it('adds nothing, and the kept claim lists both places', async () => {
    const ids = await room.ok<{ claims: { edges: { node: { id: string } }[] } }>(
      '{ claims { edges { node { id } } } }',
      {},
      editor,
    );
    const [keepId, mergeId] = ids.claims.edges.map(({ node }) => node.id);
    await room.ok(
      'mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id } }',
      { input: { keepId, mergeId } },
      editor,
    );
    const exported = await exportedLines(server.db, 'merge-import-');
    const counts = await rowCounts(server.db);
    await importLines(server.db, lines);
    expect(await rowCounts(server.db)).toEqual(counts);
    expect(await exportedLines(server.db, 'merge-import-')).toEqual(exported);

    const kept = await room.ok<{
      claim: {
        id: string;
        claimant: { name: string; claims: { totalCount: number } };
        appearances: { edges: { node: { url?: string; article?: { slug: string } } }[] };
      };
    }>(
      `query($id: ID!) { claim(id: $id) { id claimant { name claims { totalCount } }
        appearances(first: 10) { edges { node { ... on OutsideAppearance { url } ... on ArticleAppearance { article { slug } } } } } } }`,
      { id: mergeId },
      editor,
    );
    expect(kept.claim.id).toBe(keepId);
    // The claimant's claims are the one claim: the merged row is only a place now.
    expect(kept.claim.claimant).toEqual({ name: 'The minister', claims: { totalCount: 1 } });
    expect(kept.claim.appearances.edges.map(({ node }) => node.url ?? node.article?.slug)).toEqual([
      'merge-import-a',
      'merge-import-b',
      'https://radio.example.org/a',
      'https://radio.example.org/b',
    ]);
  });
});
