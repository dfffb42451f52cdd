import type { EntityManager } from 'typeorm';
import { execute, executeOne } from '../../db/sql';
import { badUserInput, notFound } from '../../domain/errors';
import type { Verdict } from '../annotation/verdict';
import { firstRatingOfVerdict, type RatingSqlRow, ratingsByIds } from './rating.queries';

/**
 * The rating a fact-check takes, inside the caller's transaction: the one named by `ratingId`
 * (its verdict follows from it), else the scale's first rating of `verdict` (what clients that
 * send only a verdict get). Both given must agree.
 */
export async function ratingForFactCheck(
  manager: EntityManager,
  choice: { ratingId?: number | null; verdict?: Verdict | null },
  fields: { ratingId: string; verdict: string },
): Promise<RatingSqlRow> {
  if (choice.ratingId != null) {
    const [rating] = await execute(manager, ratingsByIds, { ids: [choice.ratingId] });
    if (!rating) throw notFound('No such rating on the scale.', fields.ratingId);
    if (choice.verdict != null && choice.verdict !== rating.verdict)
      throw badUserInput(
        `The rating “${rating.label}” stands for ${rating.verdict}, not ${choice.verdict}: give one of them.`,
        fields.verdict,
      );
    return rating;
  }
  if (choice.verdict == null)
    throw badUserInput('Give a rating of the scale (`ratingId`) or a `verdict`.', fields.ratingId);
  const rating = await executeOne(manager, firstRatingOfVerdict, { verdict: choice.verdict });
  if (!rating)
    throw badUserInput(
      `The rating scale has no rating for ${choice.verdict}: give a \`ratingId\`, or ask an admin to add one.`,
      fields.verdict,
    );
  return rating;
}

/** A rating in words, for the public record: its label, and its number on its range when it has one. */
export function describeRating(rating: Pick<RatingSqlRow, 'label' | 'value' | 'best' | 'worst'>): string {
  return rating.value === null
    ? rating.label
    : `${rating.label} (${rating.value}; best ${rating.best}, worst ${rating.worst})`;
}
