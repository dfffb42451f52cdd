import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow } from '../helpers/inspect';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

type Annotation = {
  id: string;
  status: string;
  version: number;
  verdict: string;
  publishedAt: string | null;
  retractionReason: string | null;
  claim: { verdict: string | null };
};
const ANNOTATION_FIELDS = 'id status version verdict publishedAt retractionReason claim { verdict }';

describe('the review workflow', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  let otherReviewer: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let claimId: string;

  beforeAll(async () => {
    server = await startTestServer();
    reviewer = await server.signIn(Role.REVIEWER, 'Ana Reviewer');
    otherReviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR, 'Eve Editor');
    otherEditor = await server.signIn(Role.EDITOR);
    // The demo claim on the Psaki quote (TRUE); any claim would do.
    const result = await server.gql<{ article: { claims: { id: string; verdict: string }[] } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id verdict } } }`,
    );
    claimId = result.data!.article.claims.at(-1)!.id;
  });
  afterAll(() => server.close());

  async function ok<T>(query: string, variables: Record<string, unknown>, who: SignedIn): Promise<T> {
    const result = await server.gql<T>(query, variables, who.token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function create(who: SignedIn, verdict = 'MOSTLY_TRUE'): Promise<Annotation> {
    const data = await ok<{ createAnnotation: Annotation }>(
      `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { ${ANNOTATION_FIELDS} } }`,
      {
        input: {
          claimId,
          verdict,
          summary: '  Psaki said it at the briefing.  ',
          body: 'The transcript of the 13 April briefing has the words.',
          citations: [
            {
              source: {
                url: 'https://Example.org/Briefing?utm_source=x#top',
                title: 'Briefing transcript',
                kind: 'OFFICIAL_RECORD',
              },
              stance: 'SUPPORTS',
              excerpt: 'predictable and stable',
            },
          ],
        },
      },
      who,
    );
    return data.createAnnotation;
  }

  const submit = (id: string, who: SignedIn, version?: number) =>
    server.gql<{ submitAnnotation: Annotation }>(
      `mutation($id: ID!, $v: Int) { submitAnnotation(input: { id: $id, expectedVersion: $v }) { ${ANNOTATION_FIELDS} } }`,
      { id, v: version },
      who.token,
    );
  const publish = (id: string, version: number, who: SignedIn) =>
    server.gql<{ publishAnnotation: Annotation }>(
      `mutation($id: ID!, $v: Int!) { publishAnnotation(input: { id: $id, expectedVersion: $v }) { ${ANNOTATION_FIELDS} } }`,
      { id, v: version },
      who.token,
    );
  const retract = (id: string, reason: string, who: SignedIn) =>
    server.gql<{ retractAnnotation: Annotation }>(
      `mutation($id: ID!, $r: String!) { retractAnnotation(input: { id: $id, reason: $r }) { ${ANNOTATION_FIELDS} } }`,
      { id, r: reason },
      who.token,
    );

  it('a reviewer drafts, submits; another editor publishes; the claim takes the verdict', async () => {
    const draft = await create(reviewer);
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      verdict: 'MOSTLY_TRUE',
      publishedAt: null,
      claim: { verdict: 'TRUE' },
    });
    const submitted = (await submit(draft.id, reviewer, 1)).data!.submitAnnotation;
    expect(submitted).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    const published = (await publish(draft.id, 2, editor)).data!.publishAnnotation;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 3, claim: { verdict: 'MOSTLY_TRUE' } });
    expect(Date.parse(published.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);

    const history = await server.gql<{
      annotation: {
        summary: string;
        citations: { source: { url: string } }[];
        revisions: { version: number; change: string; status: string; actor: { name: string } }[];
      };
    }>(
      `query($id: ID!) { annotation(id: $id) { summary citations { source { url } } revisions { version change status actor { name } } } }`,
      { id: draft.id },
      reviewer.token,
    );
    expect(history.data!.annotation.summary).toBe('Psaki said it at the briefing.');
    expect(history.data!.annotation.citations[0].source.url).toBe('https://example.org/Briefing');
    expect(history.data!.annotation.revisions).toEqual([
      { version: 1, change: 'CREATED', status: 'DRAFT', actor: { name: 'Ana Reviewer' } },
      { version: 2, change: 'SUBMITTED', status: 'IN_REVIEW', actor: { name: 'Ana Reviewer' } },
      { version: 3, change: 'PUBLISHED', status: 'PUBLISHED', actor: { name: 'Eve Editor' } },
    ]);
    // Readers see only what happened since publication.
    const anonymous = await server.gql<{ annotation: { revisions: { version: number }[] } }>(
      `query($id: ID!) { annotation(id: $id) { revisions { version } } }`,
      { id: draft.id },
    );
    expect(anonymous.data!.annotation.revisions).toEqual([{ version: 3 }]);
  });

  it('an editor never publishes their own fact-check; only its author submits; states are enforced', async () => {
    const own = await create(editor);
    await submit(own.id, editor);
    const self = await publish(own.id, 2, editor);
    expect(self.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await publish(own.id, 2, otherEditor)).data!.publishAnnotation.status).toBe('PUBLISHED');

    const draft = await create(reviewer);
    expect((await submit(draft.id, otherEditor)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await publish(draft.id, 1, editor)).errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 1,
    });
    expect((await retract(draft.id, 'no', editor)).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    await submit(draft.id, reviewer);
    expect((await submit(draft.id, reviewer)).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('a fact-check without a cited source is never published, and a published one keeps at least one', async () => {
    const uncited = await ok<{ createAnnotation: Annotation }>(
      `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { ${ANNOTATION_FIELDS} } }`,
      { input: { claimId, verdict: 'TRUE', summary: 'No evidence yet.', body: 'To be sourced.' } },
      reviewer,
    );
    await submit(uncited.createAnnotation.id, reviewer, 1);
    const refused = await publish(uncited.createAnnotation.id, 2, editor);
    expect(refused.errors![0].message).toMatch(/at least one cited source/);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const unchanged = await server.gql<{ annotation: { status: string; version: number } }>(
      'query($id: ID!) { annotation(id: $id) { status version } }',
      { id: uncited.createAnnotation.id },
      editor.token,
    );
    expect(unchanged.data!.annotation).toEqual({ status: 'IN_REVIEW', version: 2 });

    const cited = await create(reviewer);
    await submit(cited.id, reviewer, 1);
    await publish(cited.id, 2, editor);
    const stripped = await server.gql(
      `mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 3, citations: [], note: "No sources." }) { id } }`,
      { id: cited.id },
      otherEditor.token,
    );
    expect(stripped.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citations' });
    const still = await server.gql<{ annotation: { version: number; citations: unknown[] } }>(
      'query($id: ID!) { annotation(id: $id) { version citations { excerpt } } }',
      { id: cited.id },
    );
    expect(still.data!.annotation).toEqual({ version: 3, citations: [{ excerpt: 'predictable and stable' }] });
  });

  it('a stale expectedVersion fails CONFLICT carrying the current version and changes nothing', async () => {
    const draft = await create(reviewer);
    await submit(draft.id, reviewer);
    const stale = await publish(draft.id, 1, editor);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const after = await server.gql<{ annotation: Annotation }>(
      `query($id: ID!) { annotation(id: $id) { ${ANNOTATION_FIELDS} } }`,
      { id: draft.id },
      editor.token,
    );
    expect(after.data!.annotation).toMatchObject({ status: 'IN_REVIEW', version: 2 });
  });

  it('editing a published verdict records a correction on the claim and the article; retraction falls back', async () => {
    const claimBefore = await server.gql<{ claim: { verdict: string } }>(
      `query($id: ID!) { claim(id: $id) { verdict } }`,
      { id: claimId },
    );
    const draft = await create(reviewer, 'MIXED');
    await submit(draft.id, reviewer);
    const published = (await publish(draft.id, 2, editor)).data!.publishAnnotation;
    expect(published.claim.verdict).toBe('MIXED');

    const noNote = await server.gql(
      `mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 3, verdict: FALSE }) { id } }`,
      { id: draft.id },
      editor.token,
    );
    expect(noNote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const byReviewer = await server.gql(
      `mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 3, summary: "x" }) { id } }`,
      { id: draft.id },
      reviewer.token,
    );
    expect(byReviewer.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    const corrected = await ok<{ updateAnnotation: Annotation }>(
      `mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 3, verdict: FALSE, note: "A second transcript contradicts it." }) { ${ANNOTATION_FIELDS} } }`,
      { id: draft.id },
      editor,
    );
    expect(corrected.updateAnnotation).toMatchObject({
      status: 'PUBLISHED',
      version: 4,
      verdict: 'FALSE',
      claim: { verdict: 'FALSE' },
    });

    const retracted = (await retract(draft.id, 'Wrong transcript.', editor)).data!.retractAnnotation;
    expect(retracted).toMatchObject({ status: 'RETRACTED', version: 5, retractionReason: 'Wrong transcript.' });
    // Falls back to the verdict the claim had before this fact-check was published.
    expect(retracted.claim.verdict).toBe(claimBefore.data!.claim.verdict);

    const corrections = await server.gql<{
      claim: { corrections: { kind: string; previousVerdict: string; newVerdict: string; note: string }[] };
      article: { corrections: { kind: string; claim: { id: string } }[] };
    }>(
      `query($id: ID!) { claim(id: $id) { corrections { kind previousVerdict newVerdict note } } article(slug: "${DEMO_ARTICLE_SLUG}") { corrections { kind claim { id } } } }`,
      { id: claimId },
    );
    expect(corrections.data!.claim.corrections).toEqual([
      {
        kind: 'VERDICT_CHANGED',
        previousVerdict: 'MIXED',
        newVerdict: 'FALSE',
        note: 'A second transcript contradicts it.',
      },
      { kind: 'RETRACTED', previousVerdict: 'FALSE', newVerdict: retracted.claim.verdict, note: 'Wrong transcript.' },
    ]);
    expect(corrections.data!.article.corrections.map((c) => c.kind)).toEqual(['VERDICT_CHANGED', 'RETRACTED']);
    // The retracted note stays visible to readers, with its reason.
    const anonymous = await server.gql<{ annotation: Annotation }>(
      `query($id: ID!) { annotation(id: $id) { ${ANNOTATION_FIELDS} } }`,
      { id: draft.id },
    );
    expect(anonymous.data!.annotation).toMatchObject({ status: 'RETRACTED', retractionReason: 'Wrong transcript.' });
  });

  it('claims: created with a server-computed selector; ambiguous quotes list the occurrences; deletion guarded', async () => {
    const article = await server.gql<{ article: { id: string; body: string } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id body } }`,
    );
    const { id: articleId, body } = article.data!.article;
    const created = await ok<{
      createClaim: {
        id: string;
        quote: string;
        claimant: { name: string };
        selector: { start: number; end: number; prefix: string };
      };
    }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id quote claimant { name } selector { start end prefix } } }',
      { input: { articleId, quote: 'NATO has similarly urged Russia to de-escalate', claimant: 'NATO' } },
      reviewer,
    );
    expect(body.slice(created.createClaim.selector.start, created.createClaim.selector.end)).toBe(
      'NATO has similarly urged Russia to de-escalate',
    );

    const ambiguous = await server.gql(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      { input: { articleId, quote: 'Putin' } },
      reviewer.token,
    );
    expect(ambiguous.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quote' });
    const occurrences = ambiguous.errors![0].extensions!.occurrences as number[];
    expect(occurrences.length).toBeGreaterThan(2);
    for (const at of occurrences) expect(body.slice(at, at + 5)).toBe('Putin');
    const second = await ok<{ createClaim: { selector: { start: number } } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { selector { start } } }',
      { input: { articleId, quote: 'Putin', occurrence: 2 } },
      reviewer,
    );
    expect(second.createClaim.selector.start).toBe(occurrences[1]);
    const missing = await server.gql(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      { input: { articleId, quote: 'not in the article' } },
      reviewer.token,
    );
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quote' });

    const renamed = await ok<{ updateClaim: { claimant: { name: string } } }>(
      'mutation($id: ID!) { updateClaim(input: { id: $id, claimant: "NATO spokesperson" }) { claimant { name } } }',
      { id: created.createClaim.id },
      otherReviewer,
    );
    expect(renamed.updateClaim.claimant.name).toBe('NATO spokesperson');

    expect(
      (
        await server.gql(
          'mutation($id: ID!) { deleteClaim(input: { id: $id }) { deletedClaimId } }',
          { id: created.createClaim.id },
          reviewer.token,
        )
      ).errors![0].extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    const deleted = await ok<{ deleteClaim: { deletedClaimId: string; article: { claimCount: number } } }>(
      'mutation($id: ID!) { deleteClaim(input: { id: $id }) { deletedClaimId article { claimCount } } }',
      { id: created.createClaim.id },
      editor,
    );
    expect(deleted.deleteClaim.deletedClaimId).toBe(created.createClaim.id);
    const published = await server.gql(
      'mutation($id: ID!) { deleteClaim(input: { id: $id }) { deletedClaimId } }',
      { id: claimId },
      editor.token,
    );
    expect(published.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('sources are normalised and idempotent', async () => {
    const create = (url: string) =>
      ok<{ createSource: { id: string; url: string } }>(
        'mutation($url: String!) { createSource(input: { url: $url, title: "T", kind: DATASET }) { id url } }',
        { url },
        reviewer,
      );
    const a = await create('HTTPS://Data.Example.COM/path?b=2&utm_medium=mail&a=1#section');
    const b = await create('https://data.example.com/path?b=2&a=1');
    expect(a.createSource).toEqual(b.createSource);
    expect(a.createSource.url).toBe('https://data.example.com/path?b=2&a=1');
    const ftp = await server.gql(
      'mutation { createSource(input: { url: "ftp://x.org/f", title: "T", kind: OTHER }) { id } }',
      {},
      reviewer.token,
    );
    expect(ftp.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
  });

  it('editors manage articles: create a draft, edit metadata with expectedVersion, publish, archive', async () => {
    const created = await ok<{ createArticle: { id: string; status: string; version: number } }>(
      'mutation { createArticle(input: { slug: "budget-vote", headline: "Budget vote", body: "The budget passed by 12 votes.", authors: ["Ana"], language: "en" }) { id status version } }',
      {},
      editor,
    );
    const { id } = created.createArticle;
    expect(created.createArticle).toMatchObject({ status: 'DRAFT', version: 1 });
    expect((await server.gql(`{ article(slug: "budget-vote") { id } }`)).data).toEqual({ article: null });
    const updated = await ok<{ updateArticle: { headline: string; version: number } }>(
      'mutation($id: ID!) { updateArticle(input: { id: $id, expectedVersion: 1, headline: "Budget passes" }) { headline version } }',
      { id },
      editor,
    );
    expect(updated.updateArticle).toEqual({ headline: 'Budget passes', version: 2 });
    const stale = await server.gql(
      'mutation($id: ID!) { updateArticle(input: { id: $id, expectedVersion: 1, headline: "Lost" }) { version } }',
      { id },
      editor.token,
    );
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const taken = await server.gql(
      `mutation { createArticle(input: { slug: "${DEMO_ARTICLE_SLUG}", headline: "x", body: "y" }) { id } }`,
      {},
      editor.token,
    );
    expect(taken.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    const published = await ok<{ publishArticle: { status: string; publishedAt: string } }>(
      'mutation($id: ID!) { publishArticle(input: { id: $id }) { status publishedAt } }',
      { id },
      editor,
    );
    expect(published.publishArticle.status).toBe('PUBLISHED');
    expect((await server.gql(`{ article(slug: "budget-vote") { headline } }`)).data).toEqual({
      article: { headline: 'Budget passes' },
    });
    // Withdrawing what readers saw is on the record: the reason is required, and shown at its address.
    const silent = await server.gql(
      'mutation($id: ID!) { archiveArticle(input: { id: $id }) { status } }',
      { id },
      editor.token,
    );
    expect(silent.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    await ok(
      'mutation($id: ID!) { archiveArticle(input: { id: $id, note: "The vote was annulled." }) { status } }',
      { id },
      editor,
    );
    expect((await server.gql(`{ article(slug: "budget-vote") { id } }`)).data).toEqual({ article: null });
    const notice = await fetch(`${server.url}/articles/budget-vote`);
    expect(notice.status).toBe(410);
    const text = await notice.text();
    expect(text).toContain('This article has been withdrawn');
    expect(text).toContain('Budget passes');
    expect(text).toContain('The vote was annulled.');
    // A draft archived was never public: no notice, a plain 404.
    const draft = await ok<{ createArticle: { id: string } }>(
      'mutation { createArticle(input: { slug: "never-out", headline: "Never out", body: "b" }) { id } }',
      {},
      editor,
    );
    await ok(
      'mutation($id: ID!) { archiveArticle(input: { id: $id, note: "Dropped." }) { status } }',
      { id: draft.createArticle.id },
      editor,
    );
    expect((await fetch(`${server.url}/articles/never-out`)).status).toBe(404);
    expect((await server.gql(`{ article(slug: "budget-vote") { status } }`, {}, editor.token)).data).toEqual({
      article: { status: 'ARCHIVED' },
    });
  });

  it('a claim id of nothing is NOT_FOUND for a mutation', async () => {
    const result = await server.gql(
      'mutation($id: ID!) { createAnnotation(input: { claimId: $id, verdict: TRUE, summary: "s", body: "b" }) { id } }',
      { id: toGlobalId('Claim', 99999) },
      reviewer.token,
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.claimId' });
  });

  it("a deleted claim, or a draft article's claim for a reviewer, is NOT_FOUND and gets no fact-check", async () => {
    const draft = await ok<{ createArticle: { id: string } }>(
      'mutation { createArticle(input: { slug: "draft-with-claim", headline: "Draft", body: "Rates rose by two points." }) { id } }',
      {},
      editor,
    );
    const onDraft = await ok<{ createClaim: { id: string } }>(
      'mutation($a: ID!) { createClaim(input: { articleId: $a, quote: "Rates rose" }) { id } }',
      { a: draft.createArticle.id },
      editor,
    );
    const before = await inspectRow(server.db, sql<{ n: number }>`SELECT count(*) AS n FROM annotations`);
    const attempt = (id: string, who: SignedIn) =>
      server.gql(
        'mutation($id: ID!) { createAnnotation(input: { claimId: $id, verdict: TRUE, summary: "s", body: "b", citations: [{ source: { url: "https://example.org/never", title: "Never", kind: OTHER }, stance: SUPPORTS, excerpt: "x" }] }) { id } }',
        { id },
        who.token,
      );
    expect((await attempt(onDraft.createClaim.id, reviewer)).errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.claimId',
    });
    // Editors work on drafts.
    expect((await attempt(onDraft.createClaim.id, editor)).errors).toBeUndefined();
    await ok(
      'mutation($id: ID!) { deleteClaim(input: { id: $id }) { deletedClaimId } }',
      { id: onDraft.createClaim.id },
      editor,
    );
    expect((await attempt(onDraft.createClaim.id, editor)).errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.claimId',
    });
    const after = await inspectRow(server.db, sql<{ n: number }>`SELECT count(*) AS n FROM annotations`);
    expect(after!.n).toBe(before!.n + 1);
  });
});
