import type { ExpressionBuilder } from 'kysely';
import { statement, statementVariants } from '../../db/statements';
import type { Tables } from '../../db/tables';
import { VISIBILITY_LEVELS } from '../auth/visibility';
import { sourceVisible } from '../auth/visibility.queries';
import type { SourceKind } from './source.entity';
import type { SourceRow } from './source.rows';

/** Every statement of the source module. */

/** The columns of a source as the API serves it, from `sources s`. */
export function sourceColumns(eb: ExpressionBuilder<{ s: Tables['sources'] }, 's'>) {
  return [
    eb.ref('s.id').as('id'),
    eb.ref('s.url').as('url'),
    eb.ref('s.title').as('title'),
    eb.ref('s.publisher').as('publisher'),
    eb.ref('s.published_at').as('publishedAt'),
    eb.ref('s.kind').$castTo<SourceKind>().as('kind'),
    eb.ref('s.accessed_at').as('accessedAt'),
  ];
}

export type SourceSqlRow = Omit<SourceRow, '__typename'>;

export const sourcesByIds = statementVariants<
  (typeof VISIBILITY_LEVELS)[number],
  { ids: readonly number[] },
  SourceSqlRow
>('source.byIds', VISIBILITY_LEVELS, (q, level) =>
  q.db
    .selectFrom('sources as s')
    .select(sourceColumns)
    .where('s.id', 'in', q.keyList('ids'))
    .where(sourceVisible(level)),
);

export const sourcePage = statementVariants<
  (typeof VISIBILITY_LEVELS)[number],
  { afterId: number; limit: number },
  SourceSqlRow
>('source.page', VISIBILITY_LEVELS, (q, level) =>
  q.db
    .selectFrom('sources as s')
    .select(sourceColumns)
    .where('s.id', '>', q.p.afterId)
    .where(sourceVisible(level))
    .orderBy('s.id')
    .limit(q.p.limit),
);

export const sourceCount = statementVariants<(typeof VISIBILITY_LEVELS)[number], Record<never, never>, { n: number }>(
  'source.count',
  VISIBILITY_LEVELS,
  (q, level) =>
    q.db
      .selectFrom('sources as s')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sourceVisible(level)),
);

export const sourceIdByUrl = statement<{ url: string }, { id: number }>('source.idByUrl', (q) =>
  q.db.selectFrom('sources').select('id').where('url', '=', q.p.url),
);

export const sourceExists = statement<{ id: number }, { id: number }>('source.exists', (q) =>
  q.db.selectFrom('sources').select('id').where('id', '=', q.p.id),
);

export const insertSource = statement<
  {
    url: string;
    title: string;
    publisher: string | null;
    publishedAt: string | null;
    kind: string;
    accessedAt: string | null;
  },
  { id: number }
>('source.insert', (q) =>
  q.db
    .insertInto('sources')
    .values({
      url: q.p.url,
      title: q.p.title,
      publisher: q.p.publisher,
      published_at: q.p.publishedAt,
      kind: q.p.kind,
      accessed_at: q.p.accessedAt,
    })
    .returning('id'),
);
