import DataLoader from 'dataloader';
import { groupRows } from '../../db/group-rows';
import { type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import type { CitationSnapshot } from '../annotation/annotation-revision.entity';
import { AnnotationStatus } from '../annotation/annotation.entity';
import type { AnnotationRow } from '../annotation/annotation.rows';
import type { Verdict } from '../annotation/verdict';
import type { ClaimRow } from '../claim/claim.rows';
import type { Role } from '../user/user.entity';
import { userRow } from '../user/user.loaders';
import type { ArticleRow } from './article.rows';

/**
 * Point-in-time reads: the article as a reader saw it at a moment, rebuilt from the
 * append-only history (article revisions, claim anchors, fact-check revisions). As readers
 * saw it means public content only, whoever asks.
 */
export interface PointInTimeLoaders {
  claimsByArticle: DataLoader<number, ClaimRow[]>;
  annotationsByClaim: DataLoader<number, AnnotationRow[]>;
}

/** A fact-check as of a moment carries the citations of its revision then. */
export type AnnotationAsOf = AnnotationRow & { asOf: Date; citationsAsOf: CitationSnapshot[] };

interface RevisionSqlRow {
  number: number;
  headline: string;
  standfirst: string | null;
  body: string;
}

/**
 * The article's text at `asOf`, or null if readers could not see it then: it was not
 * published at that moment (a draft, whatever its publication time says, or archived).
 */
export async function articleAsOf(reader: SqlReader, current: ArticleRow, asOf: Date): Promise<ArticleRow | null> {
  const at = toSqlDate(asOf);
  const revision = await reader.get<RevisionSqlRow>(
    `SELECT r.number, r.headline, r.standfirst, r.body FROM article_revisions r
     WHERE r.article_id = ? AND r.created_at <= ?
       AND (SELECT s.status FROM article_status_changes s WHERE s.article_id = r.article_id AND s.created_at <= ?
            ORDER BY s.created_at DESC, s.id DESC LIMIT 1) = 'PUBLISHED'
     ORDER BY r.number DESC LIMIT 1`,
    [current.id, at, at],
  );
  if (!revision) return null;
  return { ...current, headline: revision.headline, standfirst: revision.standfirst, body: revision.body, revision: revision.number, asOf };
}

type ClaimAsOfSqlRow = Omit<ClaimRow, '__typename' | 'verdict' | 'asOf'>;
type AnnotationAsOfSqlRow = {
  id: number;
  claimId: number;
  authorId: number;
  authorName: string;
  authorRole: Role;
  publishedAt: SqlTimestamp | null;
  retractedAt: SqlTimestamp | null;
  retractionReason: string | null;
  createdAt: SqlTimestamp;
  updatedAt: SqlTimestamp;
  version: number;
  verdict: Verdict;
  summary: string;
  body: string;
  status: AnnotationStatus;
  citations: string;
};

export function createPointInTimeLoaders(reader: SqlReader, asOf: Date): PointInTimeLoaders {
  const at = toSqlDate(asOf);

  const annotationsByClaim = new DataLoader<number, AnnotationRow[]>(async (claimIds) => {
    const rows = await reader.all<AnnotationAsOfSqlRow>(
      `SELECT n.id, n.claim_id AS claimId, n.author_id AS authorId, u.name AS authorName, u.role AS authorRole, n.published_at AS publishedAt,
         n.retracted_at AS retractedAt, n.retraction_reason AS retractionReason, n.created_at AS createdAt,
         r.created_at AS updatedAt, r.version, r.verdict, r.summary, r.body, r.status, r.citations
       FROM annotations n JOIN users u ON u.id = n.author_id
       JOIN annotation_revisions r ON r.id = (
         SELECT r2.id FROM annotation_revisions r2 WHERE r2.annotation_id = n.id AND r2.created_at <= ? ORDER BY r2.version DESC LIMIT 1)
       WHERE n.claim_id IN (SELECT value FROM json_each(?)) AND r.status IN ('PUBLISHED', 'RETRACTED')
       ORDER BY n.claim_id, n.published_at DESC, n.id DESC`,
      [at, jsonList(claimIds)],
    );
    const annotations: AnnotationAsOf[] = rows.map(({ authorId, authorName, authorRole, citations, ...row }) => ({
      __typename: 'Annotation',
      ...row,
      authorId,
      author: userRow(authorId, authorName, authorRole),
      retractedAt: row.status === AnnotationStatus.RETRACTED ? row.retractedAt : null,
      retractionReason: row.status === AnnotationStatus.RETRACTED ? row.retractionReason : null,
      asOf,
      citationsAsOf: JSON.parse(citations) as CitationSnapshot[],
    }));
    return groupRows(claimIds, annotations, (annotation) => annotation.claimId);
  });

  const claimsByArticle = new DataLoader<number, ClaimRow[]>(async (articleIds) => {
    const rows = await reader.all<ClaimAsOfSqlRow>(
      `SELECT c.id, c.article_id AS articleId, x.quote, x.claimant, x.prefix, x.suffix, x.start_offset AS startOffset, x.end_offset AS endOffset,
         x.status AS anchorStatus, x.score AS anchorScore, x.anchor_exact AS anchorExact, x.checked_revision AS checkedRevision
       FROM claims c JOIN claim_anchors x ON x.id = (
         SELECT x2.id FROM claim_anchors x2 WHERE x2.claim_id = c.id AND x2.created_at <= ? ORDER BY x2.created_at DESC, x2.id DESC LIMIT 1)
       WHERE c.article_id IN (SELECT value FROM json_each(?)) AND (c.deleted_at IS NULL OR c.deleted_at > ?)
       ORDER BY c.article_id, x.start_offset, c.id`,
      [at, jsonList(articleIds), at],
    );
    // A claim's verdict then: that of its newest fact-check published then.
    const annotations = await annotationsByClaim.loadMany(rows.map((row) => row.id));
    const claims: ClaimRow[] = rows.map((row, index) => {
      const notes = annotations[index];
      const newest = Array.isArray(notes) ? notes.find((note) => note.status === AnnotationStatus.PUBLISHED) : undefined;
      return { __typename: 'Claim', ...row, verdict: newest?.verdict ?? null, asOf };
    });
    return groupRows(articleIds, claims, (claim) => claim.articleId);
  });

  return { claimsByArticle, annotationsByClaim };
}
