import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import type { SqlReader } from '../../db/sql-reader';
import { badUserInput, DomainError, ErrorCode, notFound } from '../../domain/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { toGlobalId } from '../../graphql/relay/global-id';
import { clean } from '../../graphql/text-rules';
import { ArticleStatus } from '../article/article.entity';
import { isEditor, requireRole, type Viewer } from '../auth/viewer';
import type { Visibility } from '../auth/visibility';
import { Role } from '../user/user.entity';
import type { CreateTopicInput, UpdateTopicInput } from './topic.inputs';
import { topicNameKeyOf, topicSlugCandidate, topicSlugOf } from './topic-slug';
import {
  articleToFile,
  claimToFile,
  clearArticleTopics,
  clearClaimTopics,
  clearTopicClaims,
  deleteTopicRow,
  insertArticleTopics,
  insertClaimTopics,
  insertTopicRow,
  topicByNameKey,
  topicCount,
  topicForWrite,
  topicIdsByIds,
  topicPage,
  topicSlugTaken,
  topicUse,
  unionClaimTopics,
  updateTopicRow,
} from './topic.queries';
import { type TopicRow, toTopicRow } from './topic.rows';

const NO_SUCH_TOPIC = 'No such topic.';
const NO_SUCH_ARTICLE = 'No such article.';
const NO_SUCH_CLAIM = 'No such claim.';
const MERGED_CLAIM = 'This claim was merged into another: file that one (its id resolves to it).';
const SAME_TOPIC_TWICE = 'A topic is listed twice.';
const SCOPE = 'topics:name';

/** A topic as the write paths read it. */
type StoredTopic = NonNullable<(typeof topicForWrite)['row']>;

export interface ListTopicsArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
}

/**
 * Topics: a desk's filing of its articles and claims. Editors keep the list (a topic's name is
 * what readers read on its page); reviewers and editors file what they work on. Filing is not a
 * statement of fact, so no change to it leaves a correction note (docs/ARCHITECTURE.md, "Topics").
 */
export class TopicService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /** The topics the viewer may see, by name. */
  async list({ visibility, first, after }: ListTopicsArgs): Promise<Connection<TopicRow>> {
    const size = pageSize(first);
    const position = after ? decodeCursor(SCOPE, after) : null;
    if (position && typeof position.value !== 'string')
      throw badUserInput('Invalid cursor: pass an endCursor returned by this list, unchanged.', 'after');
    const rows = await this.reader.rows(topicPage[visibility.level], {
      afterKey: (position?.value as string | undefined) ?? null,
      afterId: position?.id ?? 0,
      limit: size + 1,
    });
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: row.nameKey, id: row.id }),
      toTopicRow,
      async () => (await this.reader.row(topicCount[visibility.level], {}))?.n ?? 0,
    );
  }

  /** Adds a topic (EDITOR+); a name another topic has (case- and space-insensitive) is a CONFLICT naming it. */
  create(viewer: Viewer, input: CreateTopicInput): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager) => {
      const name = clean(input.name);
      await refuseTakenName(manager, name, null);
      const [row] = await execute(manager, insertTopicRow, {
        slug: await freeTopicSlug(manager, name),
        name,
        nameKey: topicNameKeyOf(name),
        description: clean(input.description) || null,
      });
      return row.id;
    });
  }

  /** Renames a topic or changes its description (EDITOR+); its slug, and so its page's address, stays. */
  update(viewer: Viewer, topicId: number, input: Omit<UpdateTopicInput, 'id'>): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager) => {
      const stored = await findTopic(manager, topicId, 'input.id');
      const name = input.name == null ? stored.name : clean(input.name);
      if (topicNameKeyOf(name) !== stored.nameKey) await refuseTakenName(manager, name, stored.id);
      const description = input.description == null ? stored.description : clean(input.description) || null;
      await execute(manager, updateTopicRow, { id: stored.id, name, nameKey: topicNameKeyOf(name), description });
      return stored.id;
    });
  }

  /**
   * Deletes a topic (EDITOR+) that files nothing: one still in use is a CONFLICT saying how much
   * it files. Unfiling is left to the editor, item by item (setArticleTopics, setClaimTopics),
   * rather than done here: deleting would silently empty a page readers may have linked to.
   */
  delete(viewer: Viewer, topicId: number): Promise<TopicRow> {
    requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager) => {
      const stored = await findTopic(manager, topicId, 'input.id');
      const use = await executeOne(manager, topicUse, { id: stored.id });
      const articles = Number(use?.articles ?? 0);
      const claims = Number(use?.claims ?? 0);
      if (articles > 0 || claims > 0)
        throw new DomainError(
          ErrorCode.CONFLICT,
          `This topic still files ${articles} article(s) and ${claims} claim(s): take it off them first.`,
          'input.id',
          { articles, claims },
        );
      await execute(manager, clearTopicClaims, { id: stored.id });
      await execute(manager, deleteTopicRow, { id: stored.id });
      return toTopicRow(stored);
    });
  }

  /**
   * Files an article under exactly these topics (REVIEWER+, on an article the viewer may work
   * on: reviewers work on published articles, as they do for claims).
   */
  setArticleTopics(viewer: Viewer, articleId: number, topicIds: readonly number[]): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const article = await executeOne(manager, articleToFile, { id: articleId });
      if (!article || (!isEditor(viewer) && article.status !== ArticleStatus.PUBLISHED))
        throw notFound(NO_SUCH_ARTICLE, 'input.articleId');
      const ids = await existingTopics(manager, topicIds);
      await execute(manager, clearArticleTopics, { articleId });
      if (ids.length > 0) await execute(manager, insertArticleTopics, { articleId, topicIds: ids });
      return articleId;
    });
  }

  /** Files a claim (the claim itself, never one of its further places) under exactly these topics (REVIEWER+). */
  setClaimTopics(viewer: Viewer, claimId: number, topicIds: readonly number[]): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const claim = await executeOne(manager, claimToFile, { id: claimId });
      if (!claim || (!isEditor(viewer) && claim.status !== ArticleStatus.PUBLISHED))
        throw notFound(NO_SUCH_CLAIM, 'input.claimId');
      if (claim.mergedAt !== null) throw new DomainError(ErrorCode.CONFLICT, MERGED_CLAIM, 'input.claimId');
      if (claim.deletedAt !== null || claim.appearanceOfId !== null) throw notFound(NO_SUCH_CLAIM, 'input.claimId');
      const ids = await existingTopics(manager, topicIds);
      await execute(manager, clearClaimTopics, { claimId });
      if (ids.length > 0) await execute(manager, insertClaimTopics, { claimId, topicIds: ids });
      return claimId;
    });
  }
}

/**
 * A merge of claims, inside its transaction: the merged claim's topics join the kept claim's,
 * and its row, now a place, files nothing.
 */
export async function moveClaimTopics(manager: EntityManager, fromId: number, toId: number): Promise<void> {
  await execute(manager, unionClaimTopics, { fromId, toId });
  await execute(manager, clearClaimTopics, { claimId: fromId });
}

/** A slug for the name that no topic has yet, inside the caller's transaction. */
export async function freeTopicSlug(manager: EntityManager, name: string): Promise<string> {
  const base = topicSlugOf(name);
  for (let n = 1; ; n += 1) {
    const slug = topicSlugCandidate(base, n);
    if (!(await executeOne(manager, topicSlugTaken, { slug }))) return slug;
  }
}

async function findTopic(manager: EntityManager, id: number, field: string): Promise<StoredTopic> {
  const stored = await executeOne(manager, topicForWrite, { id });
  if (!stored) throw notFound(NO_SUCH_TOPIC, field);
  return stored;
}

async function refuseTakenName(manager: EntityManager, name: string, self: number | null): Promise<void> {
  const taken = await executeOne(manager, topicByNameKey, { nameKey: topicNameKeyOf(name) });
  if (!taken || taken.id === self) return;
  throw new DomainError(ErrorCode.CONFLICT, `A topic named "${taken.name}" exists: use it.`, 'input.name', {
    topicId: toGlobalId('Topic', taken.id),
    name: taken.name,
  });
}

/** The topics named, each once; one that does not exist is bad input naming its place in the list. */
async function existingTopics(manager: EntityManager, topicIds: readonly number[]): Promise<number[]> {
  const seen = new Set<number>();
  topicIds.forEach((id, index) => {
    if (seen.has(id)) throw badUserInput(SAME_TOPIC_TWICE, `input.topicIds.${index}`);
    seen.add(id);
  });
  if (topicIds.length === 0) return [];
  const found = new Set((await execute(manager, topicIdsByIds, { ids: topicIds })).map((row) => row.id));
  const missing = topicIds.findIndex((id) => !found.has(id));
  if (missing !== -1) throw badUserInput(NO_SUCH_TOPIC, `input.topicIds.${missing}`);
  return [...topicIds];
}
