import DataLoader from 'dataloader';
import { fromSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import { isEditor, type Viewer } from '../auth/viewer';
import type { Role } from '../user/user.entity';
import { userRow, type UserRow } from '../user/user.loaders';

export interface ArticleRevisionRow {
  articleId: number;
  number: number;
  headline: string;
  standfirst: string | null;
  /** Null for anonymous readers: they see the correction notes, not the earlier text. */
  body: string | null;
  editor: UserRow | null;
  note: string | null;
  createdAt: Date;
}

export interface ArticleHistoryLoaders {
  /** Revisions of an article, oldest first: those readers saw, or every one for editors. */
  revisionsByArticle: DataLoader<number, ArticleRevisionRow[]>;
}

interface RevisionSqlRow {
  articleId: number;
  number: number;
  headline: string;
  standfirst: string | null;
  body: string;
  editorId: number | null;
  editorName: string | null;
  editorRole: Role | null;
  note: string | null;
  createdAt: string;
}

export function createArticleHistoryLoaders(reader: SqlReader, viewer: Viewer): ArticleHistoryLoaders {
  const signedIn = viewer.user !== null;
  // Whatever a viewer sees of a draft through `article`, it sees through the history: nothing, but for editors.
  const seen = isEditor(viewer) ? '' : 'AND r.public_at IS NOT NULL';
  return {
    revisionsByArticle: new DataLoader<number, ArticleRevisionRow[]>(async (ids) => {
      const rows = await reader.all<RevisionSqlRow>(
        `SELECT r.article_id AS articleId, r.number, r.headline, r.standfirst, r.body, r.editor_id AS editorId, u.name AS editorName, u.role AS editorRole,
           r.note, r.created_at AS createdAt
         FROM article_revisions r LEFT JOIN users u ON u.id = r.editor_id
         WHERE r.article_id IN (SELECT value FROM json_each(?)) ${seen} ORDER BY r.article_id, r.number`,
        [jsonList(ids)],
      );
      const revisions = rows.map(({ editorId, editorName, editorRole, body, createdAt, ...row }) => ({
        ...row,
        body: signedIn ? body : null,
        editor: signedIn && editorId !== null && editorName !== null && editorRole !== null ? userRow(editorId, editorName, editorRole) : null,
        createdAt: fromSqlDate(createdAt) as Date,
      }));
      return groupRows(ids, revisions, (row) => row.articleId);
    }),
  };
}
