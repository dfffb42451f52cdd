import { conflict, type DomainError, forbidden } from '../../domain/errors';
import { isEditor, type Viewer } from '../auth/viewer';
import { AnnotationStatus } from './annotation.entity';

/**
 * Who may publish a fact-check, as one rule: publishAnnotation refuses with it, and
 * `Annotation.viewerCanPublish` / `publishBlockedReason` show it before the click, so the
 * workbench and the mutation never disagree. The facts are read lazily: only an editor looking
 * at a fact-check IN_REVIEW needs its contributors and citations.
 */
export interface PublishFacts {
  status: AnnotationStatus;
  /** Everyone who wrote or changed its content (contributorIds): the four-eyes rule. */
  contributorIds: () => Promise<readonly number[]>;
  /** How many sources it cites now. */
  citationCount: () => Promise<number>;
}

export const ONLY_EDITORS_PUBLISH = 'Only editors publish.';
export const SUBMIT_FIRST = 'Submit it for review first: only a fact-check IN_REVIEW is published.';
export const ALREADY_PUBLISHED = 'It is already published.';
export const RETRACTED_IS_FINAL = 'A retracted fact-check is final; write a new one.';
export const SECOND_PAIR_OF_EYES = 'You wrote or changed this fact-check; another editor must publish it.';
export const CITATION_REQUIRED =
  'A fact-check is published only with at least one cited source: its author adds citations (updateAnnotation) first.';

/** Why `viewer` may not publish the fact-check now (the error publishAnnotation answers), or null. */
export async function publishRefusal(viewer: Viewer, facts: PublishFacts): Promise<DomainError | null> {
  if (!isEditor(viewer)) return forbidden(ONLY_EDITORS_PUBLISH);
  if (facts.status !== AnnotationStatus.IN_REVIEW)
    return conflict(
      facts.status === AnnotationStatus.DRAFT
        ? SUBMIT_FIRST
        : facts.status === AnnotationStatus.PUBLISHED
          ? ALREADY_PUBLISHED
          : RETRACTED_IS_FINAL,
    );
  if ((await facts.contributorIds()).includes(viewer.user!.id)) return forbidden(SECOND_PAIR_OF_EYES);
  if ((await facts.citationCount()) === 0) return conflict(CITATION_REQUIRED);
  return null;
}
