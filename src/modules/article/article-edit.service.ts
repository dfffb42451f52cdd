import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import type { ChangeEvent } from '../../events/change-events';
import { badUserInput, conflict, notFound } from '../../domain/errors';
import { normalizeHttpUrl } from '../../graphql/http-url';
import { clean } from '../../graphql/text-rules';
import { requireRole, type Viewer } from '../auth/viewer';
import { reanchorArticleClaims } from '../claim/claim-anchors';
import { Role } from '../user/user.entity';
import { execute, executeOne } from '../../db/sql';
import { fromSqlDate, toSqlDate } from '../../db/sql-dates';
import { type ArticleEntity, ArticleStatus } from './article.entity';
import {
  articleForChange,
  articleIdBySlug,
  insertArticle,
  insertArticleRevision,
  updateArticle,
} from './article.queries';
import { recordStatusChange, stampWhatReadersSee } from './reader-history';
import type { CreateArticleInput, UpdateArticleInput } from './article.inputs';

const NO_SUCH_ARTICLE = 'No such article.';
const SLUG_TAKEN = 'Another article already has this slug.';
const STALE_VERSION = 'The article has changed since you read it: reload and apply your change again.';
const NOTE_REQUIRED = 'A change to a published article needs a `changeNote` readers can see.';
const WITHDRAWAL_NOTE_REQUIRED =
  'Withdrawing a published article is on the public record: say why in `note`, readers see it at its address.';

/** An article as stored, as a change computes with it. */
interface StoredArticle {
  id: number;
  headline: string;
  standfirst: string | null;
  body: string;
  authors: string[];
  section: string | null;
  language: string;
  url: string | null;
  publishedAt: Date | null;
  status: ArticleStatus;
  version: number;
  revision: number;
}

/** What a change sets: the columns it leaves out stay as they are. */
type ArticleChanges = Partial<Omit<StoredArticle, 'id' | 'version'>>;

/** What a revision records of its article. */
export type RevisedArticle = Pick<ArticleEntity, 'id' | 'revision' | 'headline' | 'standfirst' | 'body' | 'status'>;

/** The editors' changes to articles: creation, corrections with revisions, publishing. */
export class ArticleEditService {
  private readonly db: Database;

  constructor({ db }: { db: Database }) {
    this.db = db;
  }

  create(viewer: Viewer, input: CreateArticleInput): Promise<number> {
    const editor = requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager) => {
      if (await executeOne(manager, articleIdBySlug, { slug: input.slug }))
        throw badUserInput(SLUG_TAKEN, 'input.slug');
      const article = {
        headline: clean(input.headline),
        standfirst: clean(input.standfirst) ?? null,
        body: clean(input.body),
        status: ArticleStatus.DRAFT,
        revision: 1,
      };
      const [created] = await execute(manager, insertArticle, {
        ...article,
        slug: input.slug,
        authors: JSON.stringify(input.authors.map((name) => clean(name))),
        section: clean(input.section) ?? null,
        language: input.language,
        url: input.url == null ? null : normalizeHttpUrl(input.url),
        publishedAt: input.publishedAt ? toSqlDate(input.publishedAt) : null,
      });
      await recordRevision(manager, { ...article, id: created.id }, editor.id, null);
      return created.id;
    });
  }

  /**
   * Metadata changes, and corrections: a new headline, standfirst or body makes a numbered
   * revision; a new body re-anchors every claim. On a published article every change is on
   * the public record: it needs a note and makes a revision readers see with it, whatever it
   * changes. All of it is one transaction.
   */
  update(viewer: Viewer, articleId: number, input: UpdateArticleInput): Promise<number> {
    const editor = requireRole(viewer, Role.EDITOR);
    const changes: ArticleChanges = {};
    if (input.headline != null) changes.headline = clean(input.headline);
    if (input.standfirst !== undefined) changes.standfirst = clean(input.standfirst) ?? null;
    if (input.body != null) changes.body = clean(input.body);
    if (input.authors != null) changes.authors = input.authors.map((name) => clean(name));
    if (input.section !== undefined) changes.section = clean(input.section) ?? null;
    if (input.language != null) changes.language = input.language;
    if (input.url !== undefined) changes.url = input.url === null ? null : normalizeHttpUrl(input.url);
    if (input.publishedAt != null) changes.publishedAt = input.publishedAt;
    const note = clean(input.changeNote) ?? null;
    return this.change(articleId, input.expectedVersion, async (manager, article, outbox) => {
      const differs = (key: keyof ArticleChanges) =>
        changes[key] !== undefined && !sameValue(changes[key], article[key]);
      const bodyChanged = differs('body');
      const textChanged = bodyChanged || differs('headline') || differs('standfirst');
      const published = article.status === ArticleStatus.PUBLISHED;
      const anyChange = (Object.keys(changes) as (keyof ArticleChanges)[]).some(differs);
      if (published && anyChange && !note) throw badUserInput(NOTE_REQUIRED, 'input.changeNote');
      if (!textChanged && !(published && anyChange)) return changes;
      const oldBody = article.body;
      const revised = Object.assign(article, changes, { revision: article.revision + 1 });
      await recordRevision(manager, revised, editor.id, note);
      if (published)
        outbox.push({ type: 'articleCorrected', articleId: article.id, details: { revision: revised.revision, note } });
      if (bodyChanged) await reanchorArticleClaims(manager, article.id, oldBody, revised.body, revised.revision);
      return { ...changes, revision: revised.revision };
    });
  }

  /** Makes the article public; from now on readers see it, its claims and its published fact-checks. */
  publish(viewer: Viewer, articleId: number, expectedVersion?: number | null): Promise<number> {
    const editor = requireRole(viewer, Role.EDITOR);
    const now = new Date();
    return this.change(
      articleId,
      expectedVersion,
      async (manager, article, outbox) => {
        if (article.status === ArticleStatus.PUBLISHED)
          throw conflict('The article is already published.', article.version);
        await recordStatusChange(manager, articleId, ArticleStatus.PUBLISHED, editor.id, now);
        outbox.push({ type: 'articlePublished', articleId });
        return { status: ArticleStatus.PUBLISHED, publishedAt: article.publishedAt ?? now };
      },
      (manager) => stampWhatReadersSee(manager, { articleId }, now),
    );
  }

  /** Takes the article away from readers; a published one leaves a withdrawal notice at its address. */
  archive(viewer: Viewer, articleId: number, expectedVersion?: number | null, note?: string | null): Promise<number> {
    const editor = requireRole(viewer, Role.EDITOR);
    const reason = clean(note) ?? null;
    return this.change(articleId, expectedVersion, async (manager, article, outbox) => {
      if (article.status === ArticleStatus.ARCHIVED)
        throw conflict('The article is already archived.', article.version);
      if (article.status === ArticleStatus.PUBLISHED && !reason)
        throw badUserInput(WITHDRAWAL_NOTE_REQUIRED, 'input.note');
      await recordStatusChange(manager, articleId, ArticleStatus.ARCHIVED, editor.id, new Date(), reason);
      // Readers of a published article are told of its withdrawal (the notice at its address).
      if (article.status === ArticleStatus.PUBLISHED)
        outbox.push({
          type: 'articleWithdrawn',
          articleId,
          details: { note: reason },
          notice: true,
        });
      return { status: ArticleStatus.ARCHIVED };
    });
  }

  /**
   * One optimistic change: `UPDATE ... WHERE id = ? AND version = ?` so that a concurrent
   * edit can never be silently overwritten (@VersionColumn alone does not stop that).
   */
  private change(
    articleId: number,
    expectedVersion: number | null | undefined,
    compute: (manager: EntityManager, article: StoredArticle, outbox: ChangeEvent[]) => Promise<ArticleChanges>,
    afterwards?: (manager: EntityManager) => Promise<void>,
  ): Promise<number> {
    return this.db.writes.run(async (manager, outbox) => {
      const stored = await executeOne(manager, articleForChange, { id: articleId });
      if (!stored) throw notFound(NO_SUCH_ARTICLE, 'input.id');
      const version = expectedVersion ?? stored.version;
      if (version !== stored.version) throw conflict(STALE_VERSION, stored.version);
      const changes = await compute(
        manager,
        {
          ...stored,
          authors: JSON.parse(stored.authors) as string[],
          publishedAt: fromSqlDate(stored.publishedAt),
        },
        outbox,
      );
      // Columns the change leaves out are written back as they were read; the text columns only
      // when the change gives one of them (see updateArticle).
      const changedText =
        changes.headline !== undefined || changes.standfirst !== undefined || changes.body !== undefined;
      const updated = await execute(manager, updateArticle[changedText ? 'text' : 'meta'], {
        id: articleId,
        expectedVersion: version,
        version: version + 1,
        headline: kept(changes.headline, stored.headline),
        standfirst: kept(changes.standfirst, stored.standfirst),
        body: kept(changes.body, stored.body),
        authors: changes.authors === undefined ? stored.authors : JSON.stringify(changes.authors),
        section: kept(changes.section, stored.section),
        language: kept(changes.language, stored.language),
        url: kept(changes.url, stored.url),
        publishedAt:
          changes.publishedAt === undefined
            ? stored.publishedAt
            : changes.publishedAt && toSqlDate(changes.publishedAt),
        status: kept(changes.status, stored.status),
        revision: kept(changes.revision, stored.revision),
      });
      if (updated.length !== 1) throw conflict(STALE_VERSION, stored.version);
      await afterwards?.(manager);
      return articleId;
    });
  }
}

function kept<Value>(changed: Value | undefined, stored: Value): Value {
  return changed === undefined ? stored : changed;
}

/** Equal as stored: lists by their items, times by their instant. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}

/**
 * Appends the article's text as it now stands as revision `article.revision`; on a published
 * article readers see it from now on.
 */
export async function recordRevision(
  manager: EntityManager,
  article: RevisedArticle,
  editorId: number | null,
  note: string | null,
  createdAt = new Date(),
): Promise<void> {
  // Milliseconds matter to point-in-time reads; the column default keeps only seconds.
  const at = toSqlDate(createdAt);
  await execute(manager, insertArticleRevision, {
    articleId: article.id,
    number: article.revision,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    editorId,
    note,
    createdAt: at,
    publicAt: article.status === ArticleStatus.PUBLISHED ? at : null,
  });
}
