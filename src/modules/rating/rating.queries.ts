import type { ExpressionBuilder } from 'kysely';
import { type StatementBuilder, statement, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import { AnnotationStatus } from '../annotation/annotation.entity';
import type { Verdict } from '../annotation/verdict';

/** Every statement of the rating module: the organisation's scale and the imported-rating table. */

/** The columns of a rating of the scale as the API serves it, from `ratings rt`. */
export function ratingColumns(eb: ExpressionBuilder<{ rt: Tables['ratings'] }, 'rt'>) {
  return [
    eb.ref('rt.id').as('id'),
    eb.ref('rt.label').as('label'),
    eb.ref('rt.description').as('description'),
    eb.ref('rt.value').as('value'),
    eb.ref('rt.best').as('best'),
    eb.ref('rt.worst').as('worst'),
    eb.ref('rt.colour').as('colour'),
    eb.ref('rt.position').as('position'),
    eb.ref('rt.verdict').$castTo<Verdict>().as('verdict'),
  ];
}

/** The whole scale, in its order. Public: the scale is published information. */
export const ratingScale = statement('rating.scale', (q: StatementBuilder<Record<never, never>>) =>
  q.db.selectFrom('ratings as rt').select(ratingColumns).orderBy('rt.position').orderBy('rt.id'),
);

export type RatingSqlRow = NonNullable<(typeof ratingScale)['row']>;

export const ratingsByIds = statement('rating.byIds', (q: StatementBuilder<{ ids: readonly number[] }>) =>
  q.db.selectFrom('ratings as rt').select(ratingColumns).where('rt.id', 'in', q.keyList('ids')),
);

/** A rating by its label key (another rating's, when `exceptId` is given). */
export const ratingByLabelKey = statement(
  'rating.byLabelKey',
  (q: StatementBuilder<{ labelKey: string; exceptId: number }>) =>
    q.db
      .selectFrom('ratings as rt')
      .select(['rt.id', 'rt.label'])
      .where('rt.label_key', '=', q.p.labelKey)
      .where('rt.id', '<>', q.p.exceptId),
);

/** The first rating of the scale that maps to a verdict: what a fact-check given only a verdict takes. */
export const firstRatingOfVerdict = statement('rating.firstOfVerdict', (q: StatementBuilder<{ verdict: Verdict }>) =>
  q.db
    .selectFrom('ratings as rt')
    .select(ratingColumns)
    .where('rt.verdict', '=', q.p.verdict)
    .orderBy('rt.position')
    .orderBy('rt.id')
    .limit(sql.lit(1)),
);

export const nextRatingPosition = statement('rating.nextPosition', (q: StatementBuilder<Record<never, never>>) =>
  q.db.selectFrom('ratings as rt').select((eb) => eb.fn.coalesce(eb.fn.max('rt.position'), sql.lit(-1)).as('last')),
);

type RatingFields = {
  label: string;
  labelKey: string;
  description: string | null;
  value: number | null;
  best: number | null;
  worst: number | null;
  colour: string;
  verdict: Verdict;
};

export const insertRating = statement('rating.insert', (q: StatementBuilder<RatingFields & { position: number }>) =>
  q.db
    .insertInto('ratings')
    .values({
      label: q.p.label,
      label_key: q.p.labelKey,
      description: q.p.description,
      value: q.p.value,
      best: q.p.best,
      worst: q.p.worst,
      colour: q.p.colour,
      position: q.p.position,
      verdict: q.p.verdict,
    })
    .returning('id'),
);

export const updateRatingRow = statement('rating.update', (q: StatementBuilder<RatingFields & { id: number }>) =>
  q.db
    .updateTable('ratings')
    .set({
      label: q.p.label,
      label_key: q.p.labelKey,
      description: q.p.description,
      value: q.p.value,
      best: q.p.best,
      worst: q.p.worst,
      colour: q.p.colour,
      verdict: q.p.verdict,
      updated_at: sql`CURRENT_TIMESTAMP`,
    })
    .where('id', '=', q.p.id),
);

export const setRatingPosition = statement(
  'rating.setPosition',
  (q: StatementBuilder<{ id: number; position: number }>) =>
    q.db.updateTable('ratings').set({ position: q.p.position }).where('id', '=', q.p.id),
);

export const deleteRatingRow = statement('rating.delete', (q: StatementBuilder<{ id: number }>) =>
  q.db.deleteFrom('ratings').where('id', '=', q.p.id),
);

/** Whether any fact-check, or any revision of one, carries the rating. */
export const ratingInUse = statement('rating.inUse', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectNoFrom((eb) => [
    eb.exists(eb.selectFrom('annotations as n').select('n.id').where('n.rating_id', '=', q.p.id)).as('byFactCheck'),
    eb
      .exists(eb.selectFrom('annotation_revisions as r').select('r.id').where('r.rating_id', '=', q.p.id))
      .as('byRevision'),
  ]),
);

/** The published fact-checks carrying a rating, with their claim and its article: what a change to it corrects. */
export const publishedUsesOfRating = statement('rating.publishedUses', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('annotations as n')
    .innerJoin('claims as c', 'c.id', 'n.claim_id')
    .select((eb) => [
      eb.ref('n.id').as('annotationId'),
      eb.ref('n.claim_id').as('claimId'),
      eb.ref('c.article_id').as('articleId'),
    ])
    .where('n.rating_id', '=', q.p.id)
    .where('n.status', '=', sql.lit(AnnotationStatus.PUBLISHED))
    .where('c.deleted_at', 'is', null)
    .orderBy('n.id'),
);

/** Every fact-check carrying a rating takes its (new) verdict. */
export const setVerdictOfRatedAnnotations = statement(
  'rating.setAnnotationVerdicts',
  (q: StatementBuilder<{ id: number; verdict: Verdict }>) =>
    q.db
      .updateTable('annotations')
      .set({ verdict: q.p.verdict })
      .where('rating_id', '=', q.p.id)
      // A retracted fact-check stands as it was retracted: its verdict is on the public record.
      .where('status', '!=', sql.lit(AnnotationStatus.RETRACTED)),
);

// Imported ratings.

export const importedRatingMappingByKey = statement(
  'rating.importedMappingByKey',
  (q: StatementBuilder<{ ratingKey: string }>) =>
    q.db
      .selectFrom('imported_rating_mappings as m')
      .select((eb) => [
        eb.ref('m.id').as('id'),
        eb.ref('m.alternate_name').as('alternateName'),
        eb.ref('m.verdict').$castTo<Verdict | null>().as('verdict'),
      ])
      .where('m.rating_key', '=', q.p.ratingKey),
);

export const insertImportedRatingMapping = statement(
  'rating.insertImportedMapping',
  (q: StatementBuilder<{ ratingKey: string; alternateName: string; verdict: Verdict | null }>) =>
    q.db.insertInto('imported_rating_mappings').values({
      rating_key: q.p.ratingKey,
      alternate_name: q.p.alternateName,
      verdict: q.p.verdict,
    }),
);

export const setImportedRatingVerdict = statement(
  'rating.setImportedMappingVerdict',
  (q: StatementBuilder<{ id: number; verdict: Verdict }>) =>
    q.db
      .updateTable('imported_rating_mappings')
      .set({ verdict: q.p.verdict, updated_at: sql`CURRENT_TIMESTAMP` })
      .where('id', '=', q.p.id),
);

/** The most unmapped imported ratings listed at once; map some to see more. */
export const MAX_UNMAPPED = 500;

/** Imported rating texts nobody has mapped to a verdict yet, first met first. */
export const unmappedImportedRatings = statement(
  'rating.unmappedImported',
  (q: StatementBuilder<Record<never, never>>) =>
    q.db
      .selectFrom('imported_rating_mappings as m')
      .select((eb) => [
        eb.ref('m.rating_key').as('ratingKey'),
        eb.ref('m.alternate_name').as('alternateName'),
        eb.ref('m.created_at').as('firstSeenAt'),
      ])
      .where('m.verdict', 'is', null)
      .orderBy('m.id')
      .limit(sql.lit(MAX_UNMAPPED)),
);

/**
 * Every imported rating text fact-checks carry, as stored, with how many carry it. Texts are
 * folded to the table's keys in code (normalizeRating): a publisher's vocabulary is a few dozen
 * texts, so this stays small however many fact-checks were imported.
 */
export const importedRatingTexts = statement('rating.importedTexts', (q: StatementBuilder<Record<never, never>>) =>
  q.db
    .selectFrom('annotations as n')
    .select((eb) => [eb.ref('n.imported_rating').$castTo<string>().as('name'), eb.fn.countAll().as('factChecks')])
    .where('n.imported_rating', 'is not', null)
    .groupBy('n.imported_rating'),
);

/** The fact-checks carrying one of these imported rating texts, with their claim and its article. */
export const factChecksWithImportedRatings = statement(
  'rating.factChecksWithImported',
  (q: StatementBuilder<{ names: readonly string[] }>) =>
    q.db
      .selectFrom('annotations as n')
      .innerJoin('claims as c', 'c.id', 'n.claim_id')
      .select((eb) => [
        eb.ref('n.id').as('annotationId'),
        eb.ref('n.claim_id').as('claimId'),
        eb.ref('c.article_id').as('articleId'),
        eb.ref('n.verdict').$castTo<Verdict>().as('verdict'),
        eb.ref('n.status').$castTo<AnnotationStatus>().as('status'),
        eb.ref('n.imported_rating').$castTo<string>().as('importedRating'),
        eb.ref('c.deleted_at').as('claimDeletedAt'),
      ])
      .where('n.imported_rating', 'in', q.keyList('names', 'text'))
      .orderBy('n.id'),
);

/**
 * Imported fact-checks take the verdict their rating text was mapped to, and the scale's first
 * rating of it (the colour they are shown in, with their publisher's words).
 */
export const setVerdictOfImportedAnnotations = statement(
  'rating.setImportedAnnotationVerdicts',
  (q: StatementBuilder<{ ids: readonly number[]; verdict: Verdict }>) =>
    q.db
      .updateTable('annotations')
      .set((eb) => ({
        verdict: q.p.verdict,
        rating_id: eb
          .selectFrom('ratings as rt')
          .select('rt.id')
          .where('rt.verdict', '=', q.p.verdict)
          .orderBy('rt.position')
          .orderBy('rt.id')
          .limit(sql.lit(1)),
      }))
      .where('id', 'in', q.keyList('ids'))
      .where('status', '!=', sql.lit(AnnotationStatus.RETRACTED)),
);
