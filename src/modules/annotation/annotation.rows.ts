import type { SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { SourceRow } from '../source/source.rows';
import { userRow, type UserRow } from '../user/user.loaders';
import type { CitationSnapshot } from './annotation-revision.entity';
import type { AnnotationStatus } from './annotation.entity';
import type { Stance } from './citation.entity';
import type { AnnotationSqlRow } from './annotation.queries';
import type { Verdict } from './verdict';

export interface AnnotationRow extends TypedRow {
  id: number;
  claimId: number;
  verdict: Verdict;
  summary: string;
  body: string;
  status: AnnotationStatus;
  version: number;
  publishedAt: SqlTimestamp | null;
  retractedAt: SqlTimestamp | null;
  retractionReason: string | null;
  createdAt: SqlTimestamp;
  updatedAt: SqlTimestamp;
  authorId: number;
  /** Set on a point-in-time read: content and citations are those of the revision current then. */
  asOf?: Date;
  citationsAsOf?: CitationSnapshot[];
  /** Joined in the same statement: author { name role } costs no extra query. */
  author: UserRow;
}

export function toAnnotationRow({ authorName, authorRole, ...row }: AnnotationSqlRow): AnnotationRow {
  return {
    __typename: 'Annotation',
    ...row,
    author: userRow(row.authorId, authorName, authorRole),
  };
}

export interface CitationRow {
  annotationId: number;
  stance: Stance;
  excerpt: string;
  source: SourceRow;
}

export interface RevisionRow {
  annotationId: number;
  version: number;
  change: string;
  verdict: Verdict;
  summary: string;
  body: string;
  status: AnnotationStatus;
  citations: CitationSnapshot[];
  actor: UserRow;
  note: string | null;
  createdAt: Date;
}

export interface CorrectionRow {
  id: number;
  articleId: number;
  /** Null for body corrections. */
  claimId: number | null;
  annotationId: number | null;
  /** The article revision a body correction made; null for verdict corrections. */
  revision: number | null;
  kind: string;
  previousVerdict: Verdict | null;
  newVerdict: Verdict | null;
  previousText: string | null;
  newText: string | null;
  note: string;
  createdAt: Date;
}
