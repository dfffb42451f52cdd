import DataLoader from 'dataloader';
import { fromSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import type { Viewer } from '../auth/viewer';
import { isEditor } from '../auth/viewer';
import type { CorrectionRow, RevisionRow } from './annotation.rows';

export interface HistoryLoaders {
  /** Revisions of a fact-check, oldest first, as far as the viewer may see them. */
  revisionsByAnnotation: DataLoader<number, RevisionRow[]>;
  /** Public corrections of a claim, oldest first. */
  correctionsByClaim: DataLoader<number, CorrectionRow[]>;
  /** Public corrections of an article's claims, oldest first. */
  correctionsByArticle: DataLoader<number, CorrectionRow[]>;
}

type RevisionSqlRow = Omit<RevisionRow, 'citations' | 'actor' | 'createdAt'> & { citations: string; actorId: number; actorName: string; createdAt: string; authorId: number };

const CORRECTION_COLUMNS = `k.id, k.article_id AS articleId, k.claim_id AS claimId, k.annotation_id AS annotationId, k.kind,
  k.previous_verdict AS previousVerdict, k.new_verdict AS newVerdict, k.note, k.created_at AS createdAt`;

function groupBy<Row, Key>(keys: readonly Key[], rows: Row[], keyOf: (row: Row) => Key): Row[][] {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row));
    if (list) list.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * The history of fact-checks. Everyone sees the public part: revisions made while published
 * or retracted, and every correction. The author and editors also see the drafting history.
 */
export function createHistoryLoaders(reader: SqlReader, viewer: Viewer): HistoryLoaders {
  const seesAll = isEditor(viewer);
  const viewerId = viewer.user?.id ?? 0;

  const revisionsByAnnotation = new DataLoader<number, RevisionRow[]>(async (ids) => {
    const rows = await reader.all<RevisionSqlRow>(
      `SELECT r.annotation_id AS annotationId, r.version, r.change, r.verdict, r.summary, r.body, r.status, r.citations,
         r.note, r.created_at AS createdAt, r.actor_id AS actorId, u.name AS actorName, n.author_id AS authorId
       FROM annotation_revisions r JOIN users u ON u.id = r.actor_id JOIN annotations n ON n.id = r.annotation_id
       WHERE r.annotation_id IN (SELECT value FROM json_each(?))
         AND (? OR n.author_id = ? OR r.status IN ('PUBLISHED', 'RETRACTED'))
       ORDER BY r.annotation_id, r.version`,
      [jsonList(ids), seesAll ? 1 : 0, viewerId],
    );
    const revisions = rows.map(({ actorId, actorName, authorId: _authorId, citations, createdAt, ...row }) => ({
      ...row,
      citations: JSON.parse(citations) as RevisionRow['citations'],
      actor: { __typename: 'User' as const, id: actorId, name: actorName },
      createdAt: fromSqlDate(createdAt) as Date,
    }));
    return groupBy(ids, revisions, (row) => row.annotationId);
  });

  const corrections = (column: 'claim_id' | 'article_id', key: 'claimId' | 'articleId') =>
    new DataLoader<number, CorrectionRow[]>(async (ids) => {
      const rows = await reader.all<Omit<CorrectionRow, 'createdAt'> & { createdAt: string }>(
        `SELECT ${CORRECTION_COLUMNS} FROM corrections k WHERE k.${column} IN (SELECT value FROM json_each(?)) ORDER BY k.${column}, k.created_at, k.id`,
        [jsonList(ids)],
      );
      return groupBy(
        ids,
        rows.map((row) => ({ ...row, createdAt: fromSqlDate(row.createdAt) as Date })),
        (row) => row[key],
      );
    });

  return { revisionsByAnnotation, correctionsByClaim: corrections('claim_id', 'claimId'), correctionsByArticle: corrections('article_id', 'articleId') };
}
