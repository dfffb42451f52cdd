import DataLoader from 'dataloader';
import { fromSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Viewer } from '../auth/viewer';
import { isEditor } from '../auth/viewer';
import type { CorrectionRow, RevisionRow } from './annotation.rows';
import type { Role } from '../user/user.entity';
import { userRow, type UserRow } from '../user/user.loaders';
import { CONTENT_CHANGES_SQL } from './annotation-revision.entity';
import { firstPublicationSql } from '../article/reader-history';

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

type RevisionSqlRow = Omit<RevisionRow, 'citations' | 'actor' | 'createdAt'> & { citations: string; actorId: number; actorName: string; actorRole: Role; createdAt: string; authorId: number };

const CORRECTION_COLUMNS = `k.id, k.article_id AS articleId, k.claim_id AS claimId, k.annotation_id AS annotationId, NULL AS revision,
  k.kind, k.previous_verdict AS previousVerdict, k.new_verdict AS newVerdict, k.previous_text AS previousText, k.new_text AS newText,
  k.note, k.created_at AS createdAt`;

/**
 * Corrections are the public record of changes to what readers saw: those made before the
 * article was first published changed drafts, and are staff business.
 */
const SINCE_PUBLICATION = `k.created_at >= ${firstPublicationSql('k.article_id')}`;

/**
 * Each revision readers saw after the first, as a correction (ids negated: they are not rows of
 * corrections), dated when readers first saw it: BODY_CORRECTED when the body differs from
 * the revision readers saw before, ARTICLE_UPDATED otherwise (headline, standfirst, details).
 */
const ARTICLE_CORRECTIONS = `SELECT -r.id AS id, r.article_id AS articleId, NULL AS claimId, NULL AS annotationId, r.number AS revision,
    CASE WHEN r.body <> r.previous_body THEN 'BODY_CORRECTED' ELSE 'ARTICLE_UPDATED' END AS kind,
    NULL AS previousVerdict, NULL AS newVerdict, NULL AS previousText, NULL AS newText, COALESCE(r.note, '') AS note, r.public_at AS createdAt
  FROM (SELECT r.*, LAG(r.body) OVER (PARTITION BY r.article_id ORDER BY r.number) AS previous_body,
          ROW_NUMBER() OVER (PARTITION BY r.article_id ORDER BY r.number) AS shown
        FROM article_revisions r WHERE r.article_id IN (SELECT value FROM json_each(?)) AND r.public_at IS NOT NULL) r
  WHERE r.shown > 1`;


/**
 * The history of fact-checks. Everyone sees the public part: the versions readers saw, and
 * every correction since the article was first published. The author and editors also see
 * the drafting history.
 */
export function createHistoryLoaders(reader: SqlReader, viewer: Viewer): HistoryLoaders {
  const seesAll = isEditor(viewer);
  const viewerId = viewer.user?.id ?? 0;

  const revisionsByAnnotation = new DataLoader<number, RevisionRow[]>(async (ids) => {
    const rows = await reader.all<RevisionSqlRow>(
      `SELECT r.annotation_id AS annotationId, r.version, r.change, r.verdict, r.summary, r.body, r.status, r.citations,
         r.note, r.created_at AS createdAt, r.actor_id AS actorId, u.name AS actorName, u.role AS actorRole, n.author_id AS authorId
       FROM annotation_revisions r JOIN users u ON u.id = r.actor_id JOIN annotations n ON n.id = r.annotation_id
       WHERE r.annotation_id IN (SELECT value FROM json_each(?))
         AND (? OR n.author_id = ? OR r.public_at IS NOT NULL)
       ORDER BY r.annotation_id, r.version`,
      [jsonList(ids), seesAll ? 1 : 0, viewerId],
    );
    const revisions = rows.map(({ actorId, actorName, actorRole, authorId: _authorId, citations, createdAt, ...row }) => ({
      ...row,
      citations: JSON.parse(citations) as RevisionRow['citations'],
      actor: userRow(actorId, actorName, actorRole),
      createdAt: fromSqlDate(createdAt) as Date,
    }));
    return groupRows(ids, revisions, (row) => row.annotationId);
  });

  const toCorrections = (rows: (Omit<CorrectionRow, 'createdAt'> & { createdAt: string })[]) => rows.map((row) => ({ ...row, createdAt: fromSqlDate(row.createdAt) as Date }));

  const correctionsByClaim = new DataLoader<number, CorrectionRow[]>(async (ids) => {
    const rows = await reader.all<Omit<CorrectionRow, 'createdAt'> & { createdAt: string }>(
      `SELECT ${CORRECTION_COLUMNS} FROM corrections k WHERE k.claim_id IN (SELECT value FROM json_each(?)) AND ${SINCE_PUBLICATION}
       ORDER BY k.claim_id, k.created_at, k.id`,
      [jsonList(ids)],
    );
    return groupRows(ids, toCorrections(rows), (row) => row.claimId as number);
  });

  const correctionsByArticle = new DataLoader<number, CorrectionRow[]>(async (ids) => {
    const rows = await reader.all<Omit<CorrectionRow, 'createdAt'> & { createdAt: string }>(
      `SELECT * FROM (SELECT ${CORRECTION_COLUMNS} FROM corrections k WHERE k.article_id IN (SELECT value FROM json_each(?)) AND ${SINCE_PUBLICATION}
         UNION ALL ${ARTICLE_CORRECTIONS}) AS merged
       ORDER BY articleId, createdAt, id`,
      [jsonList(ids), jsonList(ids)],
    );
    return groupRows(ids, toCorrections(rows), (row) => row.articleId);
  });

  // Contributors of a fact-check the viewer can see: the drafting revisions count (the author
  // wrote the first), but only the names come out.
  const contributorsByAnnotation = new DataLoader<number, ContributionRow[]>(async (ids) => {
    const rows = await reader.all<{ annotationId: number; actorId: number; actorName: string; actorRole: Role; createdAt: string }>(
      `SELECT r.annotation_id AS annotationId, r.actor_id AS actorId, u.name AS actorName, u.role AS actorRole, MIN(r.created_at) AS createdAt
       FROM annotation_revisions r JOIN users u ON u.id = r.actor_id
       WHERE r.annotation_id IN (SELECT value FROM json_each(?)) AND r.change IN ${CONTENT_CHANGES_SQL}
       GROUP BY r.annotation_id, r.actor_id, u.name, u.role
       ORDER BY r.annotation_id, MIN(r.created_at), r.actor_id`,
      [jsonList(ids)],
    );
    const contributions = rows.map((row) => ({ annotationId: row.annotationId, user: userRow(row.actorId, row.actorName, row.actorRole), createdAt: fromSqlDate(row.createdAt) as Date }));
    return groupRows(ids, contributions, (row) => row.annotationId);
  });

  return { contributorsByAnnotation, revisionsByAnnotation, correctionsByClaim, correctionsByArticle };
}
