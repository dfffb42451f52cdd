import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimArticleAppearances1796300000001 } from '../../migrations/1796300000001-ClaimArticleAppearances';
import { ClaimWordsOutsideAppearances1796300000000 } from '../../migrations/1796300000000-ClaimWordsOutsideAppearances';
import { ClaimWordsSearchable1796300000002 } from '../../migrations/1796300000002-ClaimWordsSearchable';
import { ClaimTextKeys1796300000003 } from '../../migrations/1796300000003-ClaimTextKeys';
import { ClaimMerges1796300000004 } from '../../migrations/1796300000004-ClaimMerges';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { inspectWrite } from '../helpers/inspect';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/** What a reader of the demo article sees, with the fields that existed before claims had their own words. */
const READER_VIEW = `
  headline body revision
  claims {
    id quote claimant { name } verdict anchorStatus anchorScore verdictStale checkedRevision
    selector { exact prefix suffix start end }
    annotations { id verdict summary body status publishedAt citations { excerpt stance source { url title } } }
    corrections { kind note previousText newText previousVerdict newVerdict }
  }
  revisions { number note headline createdAt }
  corrections { kind note }`;

/**
 * ClaimWordsOutsideAppearances, on a database full of history: every row is kept, and the API
 * answers exactly as before, now and at a moment before the migration; the triggers on
 * `claims` (search, claim matching) still fire, since the columns are added in place.
 */
describe('the ClaimWordsOutsideAppearances migration', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let beforeCorrection: string;

  const read = async (asOf?: string) =>
    asOf
      ? await room.ok(`query($t: DateTime!) { article(slug: "${DEMO_ARTICLE_SLUG}", asOf: $t) { ${READER_VIEW} } }`, {
          t: asOf,
        })
      : await room.ok(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { ${READER_VIEW} } }`, {});

  beforeAll(async () => {
    server = await startTestServer();
    // The demo data as a database before the migration held it: no claim had its own words,
    // language or places outside factline (down() drops them).
    await server.db.writes.run(async (manager) => {
      await inspectWrite(manager, sql`UPDATE claims SET text = NULL, language = NULL`);
      await inspectWrite(manager, sql`UPDATE claim_anchors SET text = NULL`);
      await inspectWrite(manager, sql`DELETE FROM outside_appearances`);
    });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // History to read back: a body correction re-anchors the claims.
    const { article } = await room.ok<{ article: { id: string; version: number; body: string } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id version body } }`,
      {},
      editor,
    );
    await room.updateArticle(editor, {
      id: article.id,
      expectedVersion: article.version,
      body: article.body.replace('Kuleba Dmytro', 'Dmytro Kuleba'),
      changeNote: 'Name order corrected.',
    });
  });
  afterAll(() => server.close());

  it('keeps every row, and reads now and at an earlier moment exactly as before', async () => {
    const [now, then, rows] = [await read(), await read(beforeCorrection), await fingerprint(server)];
    const runner = server.db.write.createQueryRunner();
    try {
      // The migrations after it first, as a rollback undoes them: ClaimWordsSearchable reads the
      // columns this one adds, and a column added after its columns would come back before them.
      await server.db.writes.run(async () => {
        await new ClaimMerges1796300000004().down(runner);
        await new ClaimTextKeys1796300000003().down(runner);
        await new ClaimWordsSearchable1796300000002().down(runner);
        await new ClaimArticleAppearances1796300000001().down(runner);
        await new ClaimWordsOutsideAppearances1796300000000().down(runner);
        await new ClaimWordsOutsideAppearances1796300000000().up(runner);
        await new ClaimArticleAppearances1796300000001().up(runner);
        await new ClaimWordsSearchable1796300000002().up(runner);
        await new ClaimTextKeys1796300000003().up(runner);
        await new ClaimMerges1796300000004().up(runner);
      });
    } finally {
      await runner.release();
    }
    expect(await fingerprint(server)).toBe(rows);
    expect(await read()).toEqual(now);
    expect(await read(beforeCorrection)).toEqual(then);

    // Existing claims read their quote as their words, and their article's language as theirs.
    const { article } = await room.ok<{ article: { claims: { text: string; quote: string; language: string }[] } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { text quote language } } }`,
      {},
    );
    for (const claim of article.claims)
      expect(claim).toEqual({ text: claim.quote, quote: claim.quote, language: 'en' });
  });

  it('leaves the search and claim-matching triggers of claims working', async () => {
    const { article } = await room.ok<{ article: { id: string } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id } }`,
      {},
    );
    const created = await room.createClaim(reviewer, {
      articleId: article.id,
      quote: 'the military movements were an “internal affair”',
    });
    const matches = await room.ok<{ claimMatches: { claim: { id: string } }[] }>(
      `query($t: String!) { claimMatches(text: $t, first: 3) { claim { id } } }`,
      { t: 'Peskov said the movements of the military were an internal affair' },
    );
    expect(matches.claimMatches.map((match) => match.claim.id)).toContain(created.id);
    const hits = await room.ok<{ search: { edges: { node: { node: { id?: string } } }[] } }>(
      `{ search(query: "internal affair", first: 10) { edges { node { node { ... on Claim { id } } } } } }`,
      {},
    );
    expect(hits.search.edges.map((edge) => edge.node.node.id)).toContain(created.id);
  });
});
