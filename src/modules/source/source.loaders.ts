import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { jsonList } from '../../db/sql-reader';
import { SOURCE_COLUMNS, type SourceRow, type SourceSqlRow, toSourceRow } from './source.rows';

export interface SourceLoaders {
  sourceById: DataLoader<number, SourceRow | null>;
}

export function createSourceLoaders(reader: SqlReader): SourceLoaders {
  const sourceById = new DataLoader<number, SourceRow | null>(async (ids) => {
    const rows = await reader.all<SourceSqlRow>(
      `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))`,
      [jsonList(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, toSourceRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { sourceById };
}
