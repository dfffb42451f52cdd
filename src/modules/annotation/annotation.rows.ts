import { fromSqlDate } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { SourceRow } from '../source/source.rows';
import type { AnnotationStatus } from './annotation.entity';
import type { Stance } from './citation.entity';
import type { Verdict } from './verdict';

export interface AnnotationRow extends TypedRow {
  id: number;
  claimId: number;
  verdict: Verdict;
  summary: string;
  body: string;
  status: AnnotationStatus;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
  /** Joined in the same statement: author { name } costs no extra query. */
  author: { name: string };
}

export interface AnnotationSqlRow {
  id: number;
  claimId: number;
  verdict: Verdict;
  summary: string;
  body: string;
  status: AnnotationStatus;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
  authorName: string;
}

export const ANNOTATION_COLUMNS = `n.id, n.claim_id AS claimId, n.verdict, n.summary, n.body, n.status, n.version,
  n.published_at AS publishedAt, n.updated_at AS updatedAt, u.name AS authorName`;

export function toAnnotationRow({ authorName, ...row }: AnnotationSqlRow): AnnotationRow {
  return {
    __typename: 'Annotation',
    ...row,
    publishedAt: fromSqlDate(row.publishedAt),
    updatedAt: fromSqlDate(row.updatedAt) as Date,
    author: { name: authorName },
  };
}

export interface CitationRow {
  annotationId: number;
  stance: Stance;
  excerpt: string;
  source: SourceRow;
}
