import { isEditor, type Viewer } from './viewer';

/**
 * What a viewer may see. Every read applies it (lookups by id, lists, nested fields, search
 * alike), so a hidden row cannot leak through any path:
 * - anonymous readers: published articles; published and retracted fact-checks; sources once a
 *   fact-check they can see has cited one; the accounts that wrote or changed a fact-check
 *   they can see (names only: roles are staff-only); a claimant once a claim they can see
 *   names it; a topic once a published article, or a live claim of one, carries it;
 * - reviewers: the same, plus their own fact-checks in any state, every source and account
 *   (claimants as readers see them: one named only on a draft is the editors');
 * - editors and admins: everything.
 * The rule as SQL is src/modules/auth/visibility.queries.ts: a statement that filters by it has
 * one variant per level. Histories (revisions, corrections, point-in-time reads) follow the same
 * rule through the record of what readers saw (src/modules/article/reader-history.ts).
 */
export type VisibilityLevel = 'public' | 'reviewer' | 'editor';
export const VISIBILITY_LEVELS: readonly VisibilityLevel[] = ['public', 'reviewer', 'editor'];

export interface Visibility {
  /** Which variant of a statement applies. */
  level: VisibilityLevel;
  /** The viewer's id, the parameter of the reviewer's predicates (null for anonymous readers). */
  viewerId: number | null;
  /** Whether articles without a publication time (undated drafts) can be visible. */
  seesDrafts: boolean;
  /** Signed in: sees accounts' roles, and who made each change in histories. */
  staff: boolean;
}

export function visibilityFor(viewer: Viewer): Visibility {
  if (isEditor(viewer)) return { level: 'editor', viewerId: viewer.user!.id, seesDrafts: true, staff: true };
  if (viewer.user) return { level: 'reviewer', viewerId: viewer.user.id, seesDrafts: false, staff: true };
  return { level: 'public', viewerId: null, seesDrafts: false, staff: false };
}

/**
 * The rule for articles (visibility.queries.ts, articleVisible) applied to a status read with a
 * row: for the rows a statement could not filter itself, such as a claim's further place read
 * with the article it is in, whose claim's own article is another.
 */
export function articleStatusVisible(level: VisibilityLevel, status: string | null): boolean {
  return level === 'editor' || status === 'PUBLISHED';
}
