import type { RawBuilder } from 'kysely';
import { sql } from '../../db/statements';
import { AnnotationChange } from '../annotation/annotation-revision.entity';
import type { VisibilityLevel } from './visibility';

/**
 * The one visibility rule as SQL predicates, for the statements of every module. Each names the
 * alias its statement gives the table (`articles a`, `annotations n`, `sources s`, `users u`).
 * A statement that filters by visibility is defined once per level (statementVariants), so each
 * level's SQL is a fixed, snapshotted text.
 */
const always = () => sql<boolean>`1 = 1`;

export function articleVisible(level: VisibilityLevel): RawBuilder<boolean> {
  return level === 'editor' ? always() : sql<boolean>`a.status = 'PUBLISHED'`;
}

/** `viewerId` is the statement's parameter holding the viewer's id (reviewers see their own drafts). */
export function annotationVisible(level: VisibilityLevel, viewerId: unknown): RawBuilder<boolean> {
  if (level === 'editor') return always();
  const published = sql<boolean>`n.status IN ('PUBLISHED', 'RETRACTED')`;
  return level === 'reviewer' ? sql<boolean>`(${published} OR n.author_id = ${viewerId})` : published;
}

export function sourceVisible(level: VisibilityLevel): RawBuilder<boolean> {
  return level === 'public' ? sql<boolean>`s.public_at IS NOT NULL` : always();
}

/** The changes that write a fact-check's content: their actors are its contributors. */
export const contentChanges = () => sql`(${sql.lit(AnnotationChange.CREATED)}, ${sql.lit(AnnotationChange.UPDATED)})`;

/** Readers see an account only as someone who wrote or changed (CREATED, UPDATED) a fact-check they can see. */
export function userVisible(level: VisibilityLevel): RawBuilder<boolean> {
  if (level !== 'public') return always();
  return sql<boolean>`EXISTS (SELECT 1 FROM annotation_revisions ur JOIN annotations un ON un.id = ur.annotation_id
    JOIN claims uc ON uc.id = un.claim_id JOIN articles ua ON ua.id = uc.article_id
  WHERE ur.actor_id = u.id AND ur.change IN ${contentChanges()} AND un.status IN ('PUBLISHED', 'RETRACTED')
    AND uc.deleted_at IS NULL AND ua.status = 'PUBLISHED')`;
}

/**
 * Readers see a claimant (`claimants cl`) once a claim they can see names it: a live claim of
 * a published article. Reviewers see the same, and the claimants no claim has ever named (the
 * directory they build before marking claims); a claimant named only on drafts, now or in a
 * claim's history, is the editors' until then. Editors see every claimant.
 */
export function claimantVisible(level: VisibilityLevel): RawBuilder<boolean> {
  if (level === 'editor') return always();
  const named = sql<boolean>`EXISTS (SELECT 1 FROM claims vc JOIN articles va ON va.id = vc.article_id
  WHERE vc.claimant_id = cl.id AND vc.deleted_at IS NULL AND va.status = 'PUBLISHED')`;
  if (level === 'public') return named;
  return sql<boolean>`(${named} OR NOT EXISTS (SELECT 1 FROM claim_anchors vx WHERE vx.claimant_id = cl.id))`;
}

/**
 * Readers see a topic (`topics t`) once something they can see carries it: a published article,
 * or a live claim of one (a claim itself, not one of its further places). A topic named only on
 * drafts could tell of unpublished work, so it is the staff's until then. Staff see every topic.
 */
export function topicVisible(level: VisibilityLevel): RawBuilder<boolean> {
  if (level !== 'public') return always();
  return sql<boolean>`(EXISTS (SELECT 1 FROM article_topics vat JOIN articles vta ON vta.id = vat.article_id
  WHERE vat.topic_id = t.id AND vta.status = 'PUBLISHED')
  OR EXISTS (SELECT 1 FROM claim_topics vct JOIN claims vtc ON vtc.id = vct.claim_id JOIN articles vtca ON vtca.id = vtc.article_id
  WHERE vct.topic_id = t.id AND vtc.deleted_at IS NULL AND vtc.appearance_of_id IS NULL AND vtca.status = 'PUBLISHED'))`;
}
