import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { moment, Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const ARTICLE = `query($slug: String!, $asOf: DateTime) {
  article(slug: $slug, asOf: $asOf) {
    headline standfirst body revision
    revisions { number headline standfirst body note }
    corrections { kind note revision }
  }
}`;

/**
 * An embargoed story: written and rewritten as a draft (with a publication time set in the
 * past), then published. Nothing of the draft's text may reach a reader by any path.
 */
describe('the history of a draft article', () => {
  let server: TestServer;
  let room: Newsroom;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let duringDraft: string;
  let afterPublication: string;
  let articleId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    const draft = await room.createArticle(editor, {
      slug: 'embargoed',
      headline: 'EMBARGO-HEADLINE-1 Minister to resign',
      standfirst: 'EMBARGO-STANDFIRST-1',
      body: 'EMBARGO-BODY-1 The minister will resign on Friday.',
      // Back-dated: the publication time says nothing about when readers could see it.
      publishedAt: '2020-01-01T00:00:00.000Z',
    });
    articleId = draft.id;
    const rewritten = await room.updateArticle(editor, {
      id: draft.id,
      expectedVersion: draft.version,
      headline: 'EMBARGO-HEADLINE-2 Minister resigns',
      standfirst: 'EMBARGO-STANDFIRST-2',
      body: 'EMBARGO-BODY-2 The minister resigned on Friday.',
    });
    duringDraft = await moment();
    await room.updateArticle(editor, {
      id: draft.id,
      expectedVersion: rewritten.version,
      headline: 'Minister resigns',
      standfirst: 'The final standfirst',
      body: 'The minister resigned on Friday, aides said.',
    });
    await room.publishArticle(editor, draft.id);
    afterPublication = await moment();
  });
  afterAll(() => server.close());

  async function read(asOf?: string, who?: SignedIn) {
    return (await room.ok<{ article: Record<string, unknown> | null }>(ARTICLE, { slug: 'embargoed', asOf }, who))
      .article;
  }

  it('asOf a moment while it was a draft answers null, to readers and reviewers, whatever its publication time says', async () => {
    expect(await read(duringDraft)).toBeNull();
    expect(await read(duringDraft, reviewer)).toBeNull();
    // As readers saw it: editors too get what readers saw then, which was nothing.
    expect(await read(duringDraft, editor)).toBeNull();
    expect(await read('2020-06-01T00:00:00.000Z')).toBeNull();
  });

  it("readers' revisions and corrections start at publication: no draft headline, standfirst or body on any path", async () => {
    for (const who of [undefined, reviewer]) {
      for (const at of [undefined, afterPublication]) {
        const article = await read(at, who);
        expect(JSON.stringify(article)).not.toContain('EMBARGO');
        expect(article!.revisions).toHaveLength(1);
        expect(article!.corrections).toEqual([]);
        expect(article!.headline).toBe('Minister resigns');
      }
    }
    // The reader page says nothing of corrections that readers never saw.
    const page = await room.readerPage('/articles/embargoed');
    expect(page).not.toContain('EMBARGO');
    expect(page).not.toContain('Corrected');
  });

  it('editors still see the whole drafting history', async () => {
    const article = await read(undefined, editor);
    expect((article!.revisions as { headline: string }[]).map((revision) => revision.headline)).toEqual([
      'EMBARGO-HEADLINE-1 Minister to resign',
      'EMBARGO-HEADLINE-2 Minister resigns',
      'Minister resigns',
    ]);
  });

  it('while archived the article is gone; edits made then are never shown, even after it is published again', async () => {
    const current = await room.ok<{ article: { version: number } }>(
      'query($id: ID!) { article(id: $id) { version } }',
      { id: articleId },
      editor,
    );
    const archived = await room.archiveArticle(editor, articleId);
    const duringArchive = await moment();
    const edited = await room.updateArticle(editor, {
      id: articleId,
      expectedVersion: archived.version,
      headline: 'ARCHIVED-EDIT Minister quits',
    });
    await room.updateArticle(editor, {
      id: articleId,
      expectedVersion: edited.version,
      headline: 'Minister resigns after inquiry',
    });
    await room.publishArticle(editor, articleId);
    expect(current.article.version).toBeLessThan(archived.version);
    expect(await read(duringArchive)).toBeNull();
    // Before the archiving, readers saw the article: that moment still answers.
    expect((await read(afterPublication))!.headline).toBe('Minister resigns');
    const now = await read();
    expect(JSON.stringify(now)).not.toContain('ARCHIVED-EDIT');
    expect((now!.revisions as { headline: string }[]).map((revision) => revision.headline)).toEqual([
      'Minister resigns',
      'Minister resigns after inquiry',
    ]);
    expect(now!.corrections).toEqual([{ kind: 'ARTICLE_UPDATED', note: '', revision: 5 }]);
  });
});
