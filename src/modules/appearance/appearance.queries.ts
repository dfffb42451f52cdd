import { type StatementBuilder, statement, statementVariants } from '../../db/statements';
import type { ArticleStatus } from '../article/article.entity';
import { VISIBILITY_LEVELS } from '../auth/visibility';
import { articleVisible } from '../auth/visibility.queries';

/** Every statement of the appearance module. */

const OUTSIDE_COLUMNS = [
  'o.id as id',
  'o.claim_id as claimId',
  'o.url as url',
  'o.title as title',
  'o.publisher as publisher',
  'o.appeared_at as appearedAt',
  'o.start_seconds as startSeconds',
  'o.end_seconds as endSeconds',
  'o.created_at as createdAt',
  'o.deleted_at as deletedAt',
] as const;

/**
 * The outside appearances of claims, removed ones included (point-in-time reads list those
 * live then), oldest first. Callers reach them only through a visible claim.
 */
export const outsideAppearancesOfClaims = statement(
  'appearance.outsideOfClaims',
  (q: StatementBuilder<{ claimIds: readonly number[] }>) =>
    q.db
      .selectFrom('outside_appearances as o')
      .select(OUTSIDE_COLUMNS)
      .where('o.claim_id', 'in', q.keyList('claimIds'))
      .orderBy('o.claim_id')
      .orderBy('o.id'),
);

/** Live outside appearances by id, of live claims in articles the viewer may see (node(id)). */
export const outsideAppearancesByIds = statementVariants(
  'appearance.outsideByIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom(q.keys('ids'))
      .crossJoin('outside_appearances as o')
      .crossJoin('claims as c')
      .crossJoin('articles as a')
      .select(OUTSIDE_COLUMNS)
      .whereRef('o.id', '=', 'k.value')
      .whereRef('c.id', '=', 'o.claim_id')
      .whereRef('a.id', '=', 'c.article_id')
      .where('o.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .where(articleVisible(level)),
);

/** A live outside appearance to remove, with its claim's id and its article's status. */
export const outsideAppearanceForWrite = statement(
  'appearance.outsideForWrite',
  (q: StatementBuilder<{ id: number }>) =>
    q.db
      .selectFrom('outside_appearances as o')
      .innerJoin('claims as c', 'c.id', 'o.claim_id')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select((eb) => [
        'o.id as id',
        'o.claim_id as claimId',
        'o.url as url',
        eb.ref('a.status').$castTo<ArticleStatus>().as('articleStatus'),
      ])
      .where('o.id', '=', q.p.id)
      .where('o.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null),
);

/** The claim's live outside appearances' urls, to refuse a second one at the same url. */
export const liveOutsideUrlsOfClaim = statement(
  'appearance.liveUrlsOfClaim',
  (q: StatementBuilder<{ claimId: number }>) =>
    q.db
      .selectFrom('outside_appearances')
      .select('url')
      .where('claim_id', '=', q.p.claimId)
      .where('deleted_at', 'is', null),
);

export const insertOutsideAppearance = statement(
  'appearance.insertOutside',
  (
    q: StatementBuilder<{
      claimId: number;
      url: string;
      title: string | null;
      publisher: string | null;
      appearedAt: string | null;
      startSeconds: number | null;
      endSeconds: number | null;
      createdById: number;
      createdAt: string;
    }>,
  ) =>
    q.db
      .insertInto('outside_appearances')
      .values({
        claim_id: q.p.claimId,
        url: q.p.url,
        title: q.p.title,
        publisher: q.p.publisher,
        appeared_at: q.p.appearedAt,
        start_seconds: q.p.startSeconds,
        end_seconds: q.p.endSeconds,
        created_by_id: q.p.createdById,
        created_at: q.p.createdAt,
      })
      .returning('id'),
);

/** Soft delete: point-in-time reads still list it as readers saw it. */
export const softDeleteOutsideAppearance = statement(
  'appearance.softDeleteOutside',
  (q: StatementBuilder<{ id: number; deletedAt: string }>) =>
    q.db
      .updateTable('outside_appearances')
      .set({ deleted_at: q.p.deletedAt })
      .where('id', '=', q.p.id)
      .where('deleted_at', 'is', null),
);
