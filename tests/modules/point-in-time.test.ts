import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/** What a reader's app asks for; every field must come back identical as of a past moment. */
const READER_VIEW = `
  headline standfirst body revision publishedAt claimCount verdictSummary { verdict count }
  corrections { kind note previousVerdict newVerdict revision }
  claims {
    id quote claimant { id name slug } verdict verdictStale checkedRevision anchorStatus anchorScore
    selector { exact prefix suffix start end }
    corrections { kind previousVerdict newVerdict note }
    annotations {
      id verdict summary body status version publishedAt retractedAt retractionReason createdAt updatedAt
      rating { value best worst label } author { name }
      citations { stance excerpt source { url title } }
    }
  }`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('point-in-time reads', () => {
  let server: TestServer;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let reviewer: SignedIn;

  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.signIn(Role.EDITOR);
    otherEditor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
  });
  afterAll(() => server.close());

  const now = async () =>
    (
      await server.gql<{ article: Record<string, unknown> }>(
        `{ article(slug: "${DEMO_ARTICLE_SLUG}") { ${READER_VIEW} } }`,
      )
    ).data!.article;
  const asOf = async (moment: string) => {
    const result = await server.gql<{ article: Record<string, unknown> | null }>(
      `query($t: DateTime!) { article(slug: "${DEMO_ARTICLE_SLUG}", asOf: $t) { ${READER_VIEW} } }`,
      { t: moment },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.article;
  };
  const ok = async <T>(query: string, variables: Record<string, unknown>, who: SignedIn) => {
    const result = await server.gql<T>(query, variables, who.token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };

  it('answers asOf t1 exactly as a reader saw the article at t1, after corrections and verdict changes', async () => {
    const seenAtT1 = await now();
    await pause(5);
    const t1 = new Date().toISOString();
    await pause(5);
    expect(await asOf(t1)).toEqual(seenAtT1);

    // Edits after t1: a body correction, a new published verdict, a verdict correction,
    // a retraction, a claimant change, a new claim and a deleted one.
    const article = await ok<{
      article: {
        id: string;
        version: number;
        body: string;
        claims: { id: string; quote: string; annotations: { id: string; version: number }[] }[];
      };
    }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id version body claims { id quote annotations { id version } } } }`,
      {},
      editor,
    );
    const dateClaim = article.article.claims.find((c) => c.quote.includes('Tuesday April 14'))!;
    await ok(
      'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }',
      {
        input: {
          id: article.article.id,
          expectedVersion: article.article.version,
          body: article.article.body.replace('Tuesday April 14', 'Tuesday April 13'),
          changeNote: 'Date fixed.',
        },
      },
      editor,
    );
    const target = article.article.claims.at(-1)!;
    const draft = await ok<{ createAnnotation: { id: string } }>(
      'mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: MIXED, summary: "Second look.", body: "More nuance.", citations: [{ source: { url: "https://example.org/new", title: "New", kind: OTHER }, stance: CONTEXT, excerpt: "new" }] }) { id } }',
      { c: target.id },
      reviewer,
    );
    await ok(
      'mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }',
      { id: draft.createAnnotation.id },
      reviewer,
    );
    await ok(
      'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 2 }) { id } }',
      { id: draft.createAnnotation.id },
      editor,
    );
    const other = article.article.claims[3].annotations[0];
    await ok(
      'mutation($id: ID!, $v: Int!) { updateAnnotation(input: { id: $id, expectedVersion: $v, verdict: FALSE, summary: "Changed.", note: "New evidence." }) { id } }',
      { id: other.id, v: other.version },
      otherEditor,
    );
    await ok(
      'mutation($id: ID!) { retractAnnotation(input: { id: $id, reason: "Wrong source." }) { id } }',
      { id: article.article.claims[5].annotations[0].id },
      editor,
    );
    await ok(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "Someone else", note: "Misattributed." }) { id } }',
      { id: article.article.claims[1].id },
      editor,
    );
    const added = await ok<{ createClaim: { id: string } }>(
      'mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "NATO has similarly urged Russia" }) { id } }',
      { a: article.article.id },
      reviewer,
    );
    await ok(
      'mutation($id: ID!) { deleteClaim(input: { id: $id }) { deletedClaimId } }',
      { id: added.createClaim.id },
      editor,
    );

    const current = await now();
    expect(current).not.toEqual(seenAtT1);
    expect(await asOf(t1)).toEqual(seenAtT1);
    // And the present, asked as a moment, is the live answer.
    await pause(5);
    expect(await asOf(new Date().toISOString())).toEqual(current);
    // The corrected claim is FUZZY now and was ANCHORED as of t1.
    type ClaimView = { id: string; anchorStatus: string };
    expect((current.claims as ClaimView[]).find((c) => c.id === dateClaim.id)?.anchorStatus).toBe('FUZZY');
    expect((seenAtT1.claims as ClaimView[]).find((c) => c.id === dateClaim.id)?.anchorStatus).toBe('ANCHORED');
  });

  it('before publication there is nothing to see', async () => {
    expect(await asOf('2021-04-13T00:00:00.000Z')).toBeNull();
    const early = await asOf('2021-04-15T00:00:00.000Z');
    // Published 14 April 2021; its fact-checks came later.
    expect(early).toMatchObject({ revision: 1, claims: [], claimCount: 0, verdictSummary: [], corrections: [] });
  });
});
