import type { SqlParam } from '../../db/sql-reader';
import { isEditor, type Viewer } from './viewer';

/**
 * What a viewer may see, as SQL predicates used by every read (lookups by id, lists and
 * nested fields alike), so a hidden row cannot leak through any path:
 * - anonymous readers: published articles; published and retracted fact-checks;
 * - reviewers: the same, plus their own fact-checks in any state;
 * - editors and admins: everything.
 */
export interface Visibility {
  /** Predicate on `articles a`. */
  article: string;
  /** Predicate on `annotations n`, with its parameters. */
  annotation: string;
  annotationParams: SqlParam[];
  /** Whether articles without a publication time (undated drafts) can be visible. */
  seesDrafts: boolean;
}

const PUBLIC_ARTICLE = `a.status = 'PUBLISHED'`;
const PUBLIC_ANNOTATION = `n.status IN ('PUBLISHED', 'RETRACTED')`;

export function visibilityFor(viewer: Viewer): Visibility {
  if (isEditor(viewer)) return { article: '1 = 1', annotation: '1 = 1', annotationParams: [], seesDrafts: true };
  if (viewer.user) {
    return { article: PUBLIC_ARTICLE, annotation: `(${PUBLIC_ANNOTATION} OR n.author_id = ?)`, annotationParams: [viewer.user.id], seesDrafts: false };
  }
  return { article: PUBLIC_ARTICLE, annotation: PUBLIC_ANNOTATION, annotationParams: [], seesDrafts: false };
}
