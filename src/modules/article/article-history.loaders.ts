import DataLoader from 'dataloader';
import { fromSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import type { Viewer } from '../auth/viewer';
import { visibilityFor } from '../auth/visibility';
import { userRow } from '../user/user.loaders';
import { revisionsByArticleIds } from './article.queries';
import type { ArticleRevision } from './article.types';

export interface ArticleHistoryLoaders {
  /** Revisions of an article, oldest first: those readers saw, or every one for editors. */
  revisionsByArticle: DataLoader<number, ArticleRevision[]>;
}

export function createArticleHistoryLoaders(reader: SqlReader, viewer: Viewer): ArticleHistoryLoaders {
  const signedIn = viewer.user !== null;
  // Whatever a viewer sees of a draft through `article`, it sees through the history: nothing, but for editors.
  const revisions = revisionsByArticleIds[visibilityFor(viewer).level];
  return {
    revisionsByArticle: new DataLoader<number, ArticleRevision[]>(async (ids) => {
      const rows = await reader.rows(revisions, { ids });
      const revisionRows = rows.map(({ editorId, editorName, editorRole, body, createdAt, ...row }) => ({
        ...row,
        body: signedIn ? body : null,
        editor:
          signedIn && editorId !== null && editorName !== null && editorRole !== null
            ? userRow(editorId, editorName, editorRole)
            : null,
        createdAt: fromSqlDate(createdAt) as Date,
      }));
      return groupRows(ids, revisionRows, (row) => row.articleId);
    }),
  };
}
