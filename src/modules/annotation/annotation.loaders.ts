import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Visibility } from '../auth/visibility';
import { toSourceRow } from '../source/source.rows';
import { annotationsByClaimIds, annotationsByIds, citationsByAnnotationIds } from './annotation.queries';
import { type AnnotationRow, type CitationRow, toAnnotationRow } from './annotation.rows';

export interface AnnotationLoaders {
  annotationById: DataLoader<number, AnnotationRow | null>;
  /** Visible fact-checks of a claim, newest published first (unpublished ones last). */
  annotationsByClaim: DataLoader<number, AnnotationRow[]>;
  /** Citations of a fact-check in order, each with its source (one joined statement). */
  citationsByAnnotation: DataLoader<number, CitationRow[]>;
}

export function createAnnotationLoaders(reader: SqlReader, visibility: Visibility): AnnotationLoaders {
  const annotationById = new DataLoader<number, AnnotationRow | null>(async (ids) => {
    const rows = await reader.rows(annotationsByIds[visibility.level], { ids, viewerId: visibility.viewerId });
    const byId = new Map(rows.map((row) => [row.id, toAnnotationRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const annotationsByClaim = new DataLoader<number, AnnotationRow[]>(async (claimIds) => {
    const rows = await reader.rows(annotationsByClaimIds[visibility.level], {
      ids: claimIds,
      viewerId: visibility.viewerId,
    });
    const annotations = rows.map(toAnnotationRow);
    for (const annotation of annotations) annotationById.prime(annotation.id, annotation);
    return groupRows(claimIds, annotations, (annotation) => annotation.claimId);
  });

  const citationsByAnnotation = new DataLoader<number, CitationRow[]>(async (annotationIds) => {
    const rows = await reader.rows(citationsByAnnotationIds[visibility.level], { ids: annotationIds });
    const citations: CitationRow[] = rows.map((row) => ({
      annotationId: row.annotationId,
      stance: row.stance,
      excerpt: row.excerpt,
      source: toSourceRow(row),
    }));
    return groupRows(annotationIds, citations, (citation) => citation.annotationId);
  });

  return { annotationById, annotationsByClaim, citationsByAnnotation };
}
