import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

type Claim = {
  id: string;
  quote: string;
  verdict: string | null;
  verdictStale: boolean;
  checkedRevision: number;
  anchorStatus: string;
  anchorScore: number | null;
  selector: { exact: string; start: number; end: number } | null;
};
const CLAIM_FIELDS =
  'id quote verdict verdictStale checkedRevision anchorStatus anchorScore selector { exact start end }';

const UPDATE = 'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id version revision body } }';

describe('article corrections and re-anchoring', () => {
  let server: TestServer;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let article: { id: string; version: number; body: string; claims: Claim[] };

  const read = async () => {
    const result = await server.gql<{ article: typeof article }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id version body claims { ${CLAIM_FIELDS} } } }`,
      {},
      editor.token,
    );
    article = result.data!.article;
    return article;
  };

  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    await read();
  });
  afterAll(() => server.close());

  it('a correction of the published body needs a change note, and a refused change changes nothing', async () => {
    const result = await server.gql(
      UPDATE,
      { input: { id: article.id, expectedVersion: article.version, body: `${article.body} Extra.` } },
      editor.token,
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.changeNote' });
    const after = await read();
    expect(after.body.endsWith('Extra.')).toBe(false);
  });

  it('correcting "Tuesday April 14" makes that claim FUZZY and stale; every other claim keeps its place', async () => {
    const before = await read();
    const body = before.body.replace('Tuesday April 14', 'Tuesday April 13');
    const result = await server.gql<{ updateArticle: { revision: number } }>(
      UPDATE,
      {
        input: {
          id: article.id,
          expectedVersion: before.version,
          body,
          changeNote: 'The call was on Tuesday 13 April.',
        },
      },
      editor.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateArticle.revision).toBe(2);
    const after = await read();
    expect(before.claims.filter((c) => c.quote.includes('Tuesday April 14'))).toHaveLength(1);
    for (const claim of after.claims) {
      const old = before.claims.find((c) => c.id === claim.id)!;
      if (old.quote.includes('Tuesday April 14')) {
        expect(claim).toMatchObject({
          anchorStatus: 'FUZZY',
          verdict: 'FALSE',
          verdictStale: true,
          checkedRevision: 1,
          quote: old.quote,
        });
        expect(claim.selector!.exact).toBe(old.quote.replace('14', '13'));
        expect(body.slice(claim.selector!.start, claim.selector!.end)).toBe(claim.selector!.exact);
        expect(claim.anchorScore).toBeGreaterThan(0.9);
      } else {
        expect(['ANCHORED', 'MOVED']).toContain(claim.anchorStatus);
        expect(claim.verdictStale).toBe(false);
        expect(body.slice(claim.selector!.start, claim.selector!.end)).toBe(claim.quote);
      }
    }
  });

  it('revisions and corrections: readers see the notes, signed-in users the text', async () => {
    const query = `{ article(slug: "${DEMO_ARTICLE_SLUG}") { revision revisions { number note body editor { name } } corrections { kind note revision claim { id } } } }`;
    const anonymous = await server.gql<{
      article: {
        revision: number;
        revisions: { number: number; note: string | null; body: string | null; editor: unknown }[];
        corrections: { kind: string; note: string; revision: number }[];
      };
    }>(query);
    expect(anonymous.data!.article.revision).toBe(2);
    expect(anonymous.data!.article.revisions).toEqual([
      { number: 1, note: null, body: null, editor: null },
      { number: 2, note: 'The call was on Tuesday 13 April.', body: null, editor: null },
    ]);
    expect(anonymous.data!.article.corrections).toEqual([
      { kind: 'BODY_CORRECTED', note: 'The call was on Tuesday 13 April.', revision: 2, claim: null },
    ]);
    const signedIn = await server.gql<{ article: { revisions: { body: string; editor: { name: string } | null }[] } }>(
      query,
      {},
      reviewer.token,
    );
    expect(signedIn.data!.article.revisions[1].body).toContain('Tuesday April 13');
    expect(signedIn.data!.article.revisions[1].editor).not.toBeNull();
  });

  it('an editor confirms the FUZZY anchor of a checked claim with a note: the new words become the quote, on the public record', async () => {
    const fuzzy = article.claims.find((c) => c.anchorStatus === 'FUZZY')!;
    const confirm = `mutation($input: ConfirmClaimAnchorInput!) { confirmClaimAnchor(input: $input) { ${CLAIM_FIELDS} } }`;
    // The claim carries a published verdict: a lone reviewer may not move it onto other words, nor an editor without a note.
    expect(
      (await server.gql(confirm, { input: { id: fuzzy.id } }, reviewer.token)).errors![0].extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect((await server.gql(confirm, { input: { id: fuzzy.id } }, editor.token)).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.note',
    });
    const result = await server.gql<{ confirmClaimAnchor: Claim }>(
      confirm,
      { input: { id: fuzzy.id, note: 'The call was on the 13th.' } },
      editor.token,
    );
    expect(result.data!.confirmClaimAnchor).toMatchObject({
      anchorStatus: 'ANCHORED',
      verdictStale: false,
      checkedRevision: 2,
      quote: fuzzy.selector!.exact,
      anchorScore: null,
    });
    const record = await server.gql<{
      claim: { corrections: { kind: string; note: string; previousText: string; newText: string }[] };
    }>('query($id: ID!) { claim(id: $id) { corrections { kind note previousText newText } } }', { id: fuzzy.id });
    expect(record.data!.claim.corrections.at(-1)).toEqual({
      kind: 'QUOTE_CHANGED',
      note: 'The call was on the 13th.',
      previousText: fuzzy.quote,
      newText: fuzzy.selector!.exact,
    });
  });

  it('deleting a paragraph orphans its claim; reattaching points it at new words', async () => {
    const before = await read();
    const victim = before.claims.find((c) => c.quote.startsWith('26 Ukrainian soldiers'))!;
    const paragraphs = before.body.split('\n\n');
    const removed = paragraphs.find((p) => p.includes(victim.quote))!;
    const body = paragraphs.filter((p) => p !== removed).join('\n\n');
    await server.gql(
      UPDATE,
      {
        input: { id: article.id, expectedVersion: before.version, body, changeNote: 'Removed an unsourced paragraph.' },
      },
      editor.token,
    );
    const after = await read();
    const orphan = after.claims.find((c) => c.id === victim.id)!;
    expect(orphan).toMatchObject({ anchorStatus: 'ORPHANED', selector: null, verdictStale: true });
    const quotedFromRemoved = after.claims.filter((c) => removed.includes(c.quote));
    expect(quotedFromRemoved.length).toBeGreaterThanOrEqual(1);
    expect(after.claims.filter((c) => c.anchorStatus === 'ORPHANED')).toHaveLength(quotedFromRemoved.length);
    for (const claim of after.claims) {
      // Every claim quoted from the removed paragraph is gone with it; the others keep their places.
      if (removed.includes(claim.quote)) expect(claim.anchorStatus).toBe('ORPHANED');
      else expect(['ANCHORED', 'MOVED']).toContain(claim.anchorStatus);
    }

    const confirm = await server.gql(
      `mutation($id: ID!) { confirmClaimAnchor(input: { id: $id, note: "n" }) { id } }`,
      { id: victim.id },
      editor.token,
    );
    expect(confirm.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    const reattach = `mutation($id: ID!, $note: String) { reattachClaim(input: { id: $id, quote: "NATO has similarly urged Russia to de-escalate", note: $note }) { ${CLAIM_FIELDS} } }`;
    expect((await server.gql(reattach, { id: victim.id }, reviewer.token)).errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    const reattached = await server.gql<{ reattachClaim: Claim }>(
      reattach,
      { id: victim.id, note: 'The claim now rests on the NATO statement.' },
      editor.token,
    );
    expect(reattached.errors).toBeUndefined();
    expect(reattached.data!.reattachClaim).toMatchObject({
      anchorStatus: 'ANCHORED',
      verdictStale: false,
      checkedRevision: 3,
      quote: 'NATO has similarly urged Russia to de-escalate',
    });
    expect(
      body.slice(reattached.data!.reattachClaim.selector!.start, reattached.data!.reattachClaim.selector!.end),
    ).toBe('NATO has similarly urged Russia to de-escalate');
  });

  it('a fact-check reads as a W3C Web Annotation', async () => {
    const result = await server.gql<{
      article: {
        url: string | null;
        claims: {
          selector: { exact: string; start: number; end: number };
          annotations: { webAnnotation: Record<string, unknown>; summary: string }[];
        }[];
      };
    }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { url claims { selector { exact start end } annotations { summary webAnnotation } } } }`,
    );
    const claim = result.data!.article.claims.find((c) => c.selector && c.annotations.length > 0)!;
    const web = claim.annotations[0].webAnnotation as {
      '@context': string;
      type: string;
      motivation: string;
      target: { source: string; selector: Record<string, unknown>[] };
      body: { purpose: string; value: string }[];
      creator: { name: string };
      created: string;
      modified: string;
    };
    expect(web['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(web.type).toBe('Annotation');
    expect(web.motivation).toBe('assessing');
    expect(web.target.source).toBe(`urn:factline:article:${DEMO_ARTICLE_SLUG}`);
    expect(web.target.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: claim.selector.exact }),
      { type: 'TextPositionSelector', start: claim.selector.start, end: claim.selector.end },
    ]);
    expect(web.body.map((b) => b.purpose)).toEqual(['assessing', 'describing', 'commenting']);
    expect(web.body[1].value).toBe(claim.annotations[0].summary);
    // The rating in words, with its number on its own range (the default scale: 1..5).
    expect(web.body[0].value).toMatch(/^[A-Z][a-z ]+( \(\d; best 5, worst 1\))?$/);
    expect(web.creator.name).toBe('Demo Reviewer');
    expect(Date.parse(web.created)).not.toBeNaN();
  });
});
