import DataLoader from 'dataloader';
import { fromSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Viewer } from '../auth/viewer';
import { visibilityFor } from '../auth/visibility';
import type { CorrectionRow, RevisionRow } from './annotation.rows';
import { userRow, type UserRow } from '../user/user.loaders';
import {
  contributorsByAnnotationIds,
  correctionsByArticleIds,
  correctionsByClaimIds,
  type CorrectionSqlRow,
  revisionsByAnnotationIds,
} from './annotation.queries';

/** Someone who wrote or changed a fact-check's content, from their first such change. */
export interface ContributionRow {
  annotationId: number;
  user: UserRow;
  createdAt: Date;
}

export interface HistoryLoaders {
  /** Who wrote or changed each fact-check's content, in the order they first did. */
  contributorsByAnnotation: DataLoader<number, ContributionRow[]>;
  /** Revisions of a fact-check, oldest first, as far as the viewer may see them. */
  revisionsByAnnotation: DataLoader<number, RevisionRow[]>;
  /** Public corrections of a claim, oldest first. */
  correctionsByClaim: DataLoader<number, CorrectionRow[]>;
  /** Public corrections of an article: its body corrections and its claims' verdict corrections, oldest first. */
  correctionsByArticle: DataLoader<number, CorrectionRow[]>;
}

const toCorrections = (rows: CorrectionSqlRow[]): CorrectionRow[] =>
  rows.map((row) => ({ ...row, createdAt: fromSqlDate(row.createdAt) as Date }));

/**
 * The history of fact-checks. Everyone sees the public part: the versions readers saw, and
 * every correction since the article was first published. The author and editors also see
 * the drafting history.
 */
export function createHistoryLoaders(reader: SqlReader, viewer: Viewer): HistoryLoaders {
  const { level, viewerId } = visibilityFor(viewer);

  const revisionsByAnnotation = new DataLoader<number, RevisionRow[]>(async (ids) => {
    const rows = await reader.rows(revisionsByAnnotationIds[level], { ids, viewerId });
    const revisions = rows.map(({ actorId, actorName, actorRole, citations, createdAt, ...row }) => ({
      ...row,
      citations: JSON.parse(citations) as RevisionRow['citations'],
      actor: userRow(actorId, actorName, actorRole),
      createdAt: fromSqlDate(createdAt) as Date,
    }));
    return groupRows(ids, revisions, (row) => row.annotationId);
  });

  const correctionsByClaim = new DataLoader<number, CorrectionRow[]>(async (ids) => {
    const rows = await reader.rows(correctionsByClaimIds, { ids });
    return groupRows(ids, toCorrections(rows), (row) => row.claimId as number);
  });

  const correctionsByArticle = new DataLoader<number, CorrectionRow[]>(async (ids) => {
    const rows = await reader.rows(correctionsByArticleIds, { ids });
    return groupRows(ids, toCorrections(rows), (row) => row.articleId);
  });

  // Contributors of a fact-check the viewer can see: the drafting revisions count (the author
  // wrote the first), but only the names come out.
  const contributorsByAnnotation = new DataLoader<number, ContributionRow[]>(async (ids) => {
    const rows = await reader.rows(contributorsByAnnotationIds, { ids });
    const contributions = rows.map((row) => ({
      annotationId: row.annotationId,
      user: userRow(row.actorId, row.actorName, row.actorRole),
      createdAt: fromSqlDate(row.createdAt) as Date,
    }));
    return groupRows(ids, contributions, (row) => row.annotationId);
  });

  return { contributorsByAnnotation, revisionsByAnnotation, correctionsByClaim, correctionsByArticle };
}
