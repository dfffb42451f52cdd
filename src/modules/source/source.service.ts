import type { SqlReader } from '../../db/sql-reader';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { SOURCE_COLUMNS, type SourceRow, type SourceSqlRow, toSourceRow } from './source.rows';

const SCOPE = 'sources:id';

export class SourceService {
  private readonly reader: SqlReader;

  constructor({ reader }: { reader: SqlReader }) {
    this.reader = reader;
  }

  /** All sources, oldest first, keyset-paged by id. */
  async list({ first, after }: { first?: number | null; after?: string | null }): Promise<Connection<SourceRow>> {
    const size = pageSize(first);
    const afterId = after ? decodeCursor(SCOPE, after).id : 0;
    const rows = await this.reader.all<SourceSqlRow>(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id > ? ORDER BY s.id LIMIT ?`, [
      afterId,
      size + 1,
    ]);
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: null, id: row.id }),
      toSourceRow,
      async () => (await this.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM sources'))?.n ?? 0,
    );
  }
}
