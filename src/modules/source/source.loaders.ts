import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import type { Visibility } from '../auth/visibility';
import { SOURCE_COLUMNS, type SourceRow, type SourceSqlRow, toSourceRow } from './source.rows';

export interface SourceLoaders {
  sourceById: DataLoader<number, SourceRow | null>;
}

/** Sources the viewer may see: readers only those a fact-check they can see has cited. */
export function createSourceLoaders(reader: SqlReader, visibility: Visibility): SourceLoaders {
  const sourceById = new DataLoader<number, SourceRow | null>(async (ids) => {
    const rows = await reader.all<SourceSqlRow>(
      `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id IN (SELECT value FROM json_each(?)) AND ${visibility.source}`,
      [jsonList(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, toSourceRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { sourceById };
}
