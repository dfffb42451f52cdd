import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { ratingsByIds } from './rating.queries';
import { toScaleRatingRow } from './rating.service';
import type { ScaleRatingRow } from './rating.types';

export interface RatingLoaders {
  /** A rating of the scale by id; public, like the whole scale. */
  scaleRatingById: DataLoader<number, ScaleRatingRow | null>;
}

export function createRatingLoaders(reader: SqlReader): RatingLoaders {
  const scaleRatingById = new DataLoader<number, ScaleRatingRow | null>(async (ids) => {
    const rows = await reader.rows(ratingsByIds, { ids });
    const byId = new Map(rows.map((row) => [row.id, toScaleRatingRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { scaleRatingById };
}
