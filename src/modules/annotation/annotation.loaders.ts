import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Visibility } from '../auth/visibility';
import { toSourceRow } from '../source/source.rows';
import { citationsByAnnotationIds } from './annotation.queries';
import { ANNOTATION_COLUMNS, type AnnotationRow, type AnnotationSqlRow, type CitationRow, toAnnotationRow } from './annotation.rows';

export interface AnnotationLoaders {
  annotationById: DataLoader<number, AnnotationRow | null>;
  /** Visible fact-checks of a claim, newest published first (unpublished ones last). */
  annotationsByClaim: DataLoader<number, AnnotationRow[]>;
  /** Citations of a fact-check in order, each with its source (one joined statement). */
  citationsByAnnotation: DataLoader<number, CitationRow[]>;
}

export function createAnnotationLoaders(reader: SqlReader, visibility: Visibility): AnnotationLoaders {
  const annotationById = new DataLoader<number, AnnotationRow | null>(async (ids) => {
    const rows = await reader.all<AnnotationSqlRow>(
      `SELECT ${ANNOTATION_COLUMNS} FROM json_each(?) k CROSS JOIN annotations n ON n.id = k.value JOIN users u ON u.id = n.author_id
       CROSS JOIN claims c ON c.id = n.claim_id CROSS JOIN articles a ON a.id = c.article_id
       WHERE c.deleted_at IS NULL AND ${visibility.annotation} AND ${visibility.article}`,
      [jsonList(ids), ...visibility.annotationParams],
    );
    const byId = new Map(rows.map((row) => [row.id, toAnnotationRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const annotationsByClaim = new DataLoader<number, AnnotationRow[]>(async (claimIds) => {
    const rows = await reader.all<AnnotationSqlRow>(
      `SELECT ${ANNOTATION_COLUMNS} FROM annotations n JOIN users u ON u.id = n.author_id
       WHERE n.claim_id IN (SELECT value FROM json_each(?)) AND ${visibility.annotation}
       ORDER BY n.claim_id, n.published_at DESC, n.id DESC`,
      [jsonList(claimIds), ...visibility.annotationParams],
    );
    const annotations = rows.map(toAnnotationRow);
    for (const annotation of annotations) annotationById.prime(annotation.id, annotation);
    return groupRows(claimIds, annotations, (annotation) => annotation.claimId);
  });

  const citationsByAnnotation = new DataLoader<number, CitationRow[]>(async (annotationIds) => {
    const rows = await reader.rows(citationsByAnnotationIds[visibility.level], { ids: annotationIds });
    const citations: CitationRow[] = rows.map(({ annotationId, stance, excerpt, ...source }) => ({ annotationId, stance, excerpt, source: toSourceRow(source) }));
    return groupRows(annotationIds, citations, (citation) => citation.annotationId);
  });

  return { annotationById, annotationsByClaim, citationsByAnnotation };
}
