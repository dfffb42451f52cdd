import type { SqlParam } from '../../db/sql-reader';
import { AnnotationChange } from '../annotation/annotation-revision.entity';
import { isEditor, type Viewer } from './viewer';

/**
 * What a viewer may see, as SQL predicates used by every read (lookups by id, lists, nested
 * fields, search alike), so a hidden row cannot leak through any path:
 * - anonymous readers: published articles; published and retracted fact-checks; sources once a
 *   fact-check they can see has cited one; the accounts that wrote or changed a fact-check
 *   they can see (names only: roles are staff-only);
 * - reviewers: the same, plus their own fact-checks in any state, every source and account;
 * - editors and admins: everything.
 * Histories (revisions, corrections, point-in-time reads) follow the same rule through the
 * record of what readers saw (src/modules/article/reader-history.ts).
 */
/** The three levels of the rule; statements that filter by visibility have one variant each. */
export type VisibilityLevel = 'public' | 'reviewer' | 'editor';
export const VISIBILITY_LEVELS: readonly VisibilityLevel[] = ['public', 'reviewer', 'editor'];

export interface Visibility {
  /** Which variant of a statement applies (src/modules/auth/visibility.queries.ts). */
  level: VisibilityLevel;
  /** The viewer's id, the parameter of the reviewer's predicates (null for anonymous readers). */
  viewerId: number | null;
  /** Predicate on `articles a`. */
  article: string;
  /** Predicate on `annotations n`, with its parameters. */
  annotation: string;
  annotationParams: SqlParam[];
  /** Predicate on `sources s`. */
  source: string;
  /** Predicate on `users u`. */
  user: string;
  /** Whether articles without a publication time (undated drafts) can be visible. */
  seesDrafts: boolean;
  /** Signed in: sees accounts' roles, and who made each change in histories. */
  staff: boolean;
}

const PUBLIC_ARTICLE = `a.status = 'PUBLISHED'`;
const PUBLIC_ANNOTATION = `n.status IN ('PUBLISHED', 'RETRACTED')`;
const PUBLIC_SOURCE = 's.public_at IS NOT NULL';
/** An account that wrote or changed (CREATED, UPDATED) a fact-check readers can see. */
const PUBLIC_USER = `EXISTS (SELECT 1 FROM annotation_revisions ur JOIN annotations un ON un.id = ur.annotation_id
    JOIN claims uc ON uc.id = un.claim_id JOIN articles ua ON ua.id = uc.article_id
  WHERE ur.actor_id = u.id AND ur.change IN ('${AnnotationChange.CREATED}', '${AnnotationChange.UPDATED}') AND un.status IN ('PUBLISHED', 'RETRACTED')
    AND uc.deleted_at IS NULL AND ua.status = 'PUBLISHED')`;

export function visibilityFor(viewer: Viewer): Visibility {
  if (isEditor(viewer)) return { level: 'editor', viewerId: viewer.user!.id, article: '1 = 1', annotation: '1 = 1', annotationParams: [], source: '1 = 1', user: '1 = 1', seesDrafts: true, staff: true };
  if (viewer.user) {
    return {
      level: 'reviewer',
      viewerId: viewer.user.id,
      article: PUBLIC_ARTICLE,
      annotation: `(${PUBLIC_ANNOTATION} OR n.author_id = ?)`,
      annotationParams: [viewer.user.id],
      source: '1 = 1',
      user: '1 = 1',
      seesDrafts: false,
      staff: true,
    };
  }
  return { level: 'public', viewerId: null, article: PUBLIC_ARTICLE, annotation: PUBLIC_ANNOTATION, annotationParams: [], source: PUBLIC_SOURCE, user: PUBLIC_USER, seesDrafts: false, staff: false };
}
