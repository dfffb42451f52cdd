import { statementVariants } from '../../db/statements';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { sourceVisible } from '../auth/visibility.queries';
import { sourceColumns, type SourceSqlRow } from '../source/source.queries';
import type { Stance } from './citation.entity';

/** Every statement of the annotation (fact-check) module. */

export const citationsByAnnotationIds = statementVariants<
  VisibilityLevel,
  { ids: readonly number[] },
  SourceSqlRow & { annotationId: number; stance: Stance; excerpt: string }
>('annotation.citationsByIds', VISIBILITY_LEVELS, (q, level) =>
  q.db
    .selectFrom('citations as t')
    .innerJoin('sources as s', 's.id', 't.source_id')
    .select((eb) => [eb.ref('t.annotation_id').as('annotationId'), eb.ref('t.stance').$castTo<Stance>().as('stance'), 't.excerpt', ...sourceColumns(eb)])
    .where('t.annotation_id', 'in', q.keyList('ids'))
    .where(sourceVisible(level))
    .orderBy('t.annotation_id')
    .orderBy('t.position'),
);
