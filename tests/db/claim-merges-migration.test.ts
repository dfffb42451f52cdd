import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimMerges1796300000004 } from '../../migrations/1796300000004-ClaimMerges';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { moment, Newsroom } from '../helpers/newsroom';
import { startTestServer, type TestServer } from '../helpers/test-app';

const VIEW = `appearances { quote anchorStatus claim { id verdict annotations { id } } }`;

/**
 * ClaimMerges on a database whose claims already have places in other articles: the history of
 * each place learns whose place it has been (filled from the place), so rolling the migration
 * back and forth keeps every row, and point-in-time reads answer as before.
 */
describe('the ClaimMerges migration', () => {
  let server: TestServer;
  let room: Newsroom;
  let before: string;

  const read = async (slug: string, asOf?: string) =>
    room.ok(`query($slug: String!, $t: DateTime) { article(slug: $slug, asOf: $t) { ${VIEW} } }`, { slug, t: asOf });

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    const editor = await server.signIn(Role.EDITOR);
    const reviewer = await server.signIn(Role.REVIEWER);
    const story = await room.publishedStory(editor, reviewer, 'first', 'Exports doubled last year.', 'Exports doubled');
    const other = await room.createArticle(editor, {
      slug: 'second',
      headline: 'Second',
      body: 'Again: exports doubled.',
    });
    await room.publishArticle(editor, other.id);
    await room.mutate(
      'addClaimAppearance',
      'AddClaimAppearanceInput',
      { claimId: story.claimId, articleId: other.id, quote: 'exports doubled' },
      reviewer,
      '__typename',
    );
    before = await moment();
    await room.publishedCheck(reviewer, editor, {
      claimId: story.claimId,
      verdict: 'FALSE',
      summary: 'They grew by a tenth.',
      body: 'Customs data.',
    });
  });
  afterAll(() => server.close());

  it('keeps every row, and reads now and at an earlier moment exactly as before', async () => {
    const reads = async () => [await read('second'), await read('second', before), await read('first', before)];
    const [rows, views] = [await fingerprint(server), await reads()];
    const runner = server.db.write.createQueryRunner();
    try {
      await server.db.writes.run(async () => {
        await new ClaimMerges1796300000004().down(runner);
        await new ClaimMerges1796300000004().up(runner);
      });
    } finally {
      await runner.release();
    }
    expect(await fingerprint(server)).toBe(rows);
    expect(await reads()).toEqual(views);
    // The place reads as its claim's, then and now.
    expect(views[1]).toMatchObject({ article: { appearances: [{ quote: 'exports doubled' }] } });
  });
});
