import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import type { Visibility } from '../auth/visibility';
import { sourcesByIds } from './source.queries';
import { type SourceRow, toSourceRow } from './source.rows';

export interface SourceLoaders {
  sourceById: DataLoader<number, SourceRow | null>;
}

/** Sources the viewer may see: readers only those a fact-check they can see has cited. */
export function createSourceLoaders(reader: SqlReader, visibility: Visibility): SourceLoaders {
  const sourceById = new DataLoader<number, SourceRow | null>(async (ids) => {
    const rows = await reader.rows(sourcesByIds[visibility.level], { ids });
    const byId = new Map(rows.map((row) => [row.id, toSourceRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { sourceById };
}
