import { execute, executeOne } from '../../db/sql';
import { toSqlDate } from '../../db/sql-dates';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import type { SqlReader } from '../../db/sql-reader';
import { badUserInput } from '../../domain/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { clean } from '../../graphql/text-rules';
import { requireRole, type Viewer } from '../auth/viewer';
import type { Visibility } from '../auth/visibility';
import { Role } from '../user/user.entity';
import type { CreateSourceInput } from './source.inputs';
import { insertSource, sourceCount, sourceIdByUrl, sourcePage } from './source.queries';
import { type SourceRow, toSourceRow } from './source.rows';
import { HttpUrlError, normalizeHttpUrl } from '../../graphql/http-url';

const SCOPE = 'sources:id';

export class SourceService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /** The sources the viewer may see, oldest first, keyset-paged by id. */
  async list({
    visibility,
    first,
    after,
  }: {
    visibility: Visibility;
    first?: number | null;
    after?: string | null;
  }): Promise<Connection<SourceRow>> {
    const size = pageSize(first);
    const afterId = after ? decodeCursor(SCOPE, after).id : 0;
    const rows = await this.reader.rows(sourcePage[visibility.level], { afterId, limit: size + 1 });
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: null, id: row.id }),
      toSourceRow,
      async () => (await this.reader.row(sourceCount[visibility.level], {}))?.n ?? 0,
    );
  }

  /** Idempotent: the same normalised url returns the source already stored. */
  create(viewer: Viewer, input: CreateSourceInput): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run((manager) => upsertSource(manager, input, 'input.url'));
  }
}

/** The id of the source with this normalised url, stored first if new, inside the caller's transaction. */
export async function upsertSource(manager: EntityManager, input: CreateSourceInput, field: string): Promise<number> {
  let url: string;
  try {
    url = normalizeHttpUrl(input.url);
  } catch (error) {
    if (error instanceof HttpUrlError) throw badUserInput(error.message, field);
    throw error;
  }
  // Most citations name a source already stored: one indexed lookup, nothing hydrated.
  const existing = await executeOne(manager, sourceIdByUrl, { url });
  if (existing) return existing.id;
  const [created] = await execute(manager, insertSource, {
    url,
    title: clean(input.title),
    publisher: clean(input.publisher) ?? null,
    publishedAt: input.publishedAt ? toSqlDate(input.publishedAt) : null,
    kind: input.kind,
    accessedAt: toSqlDate(new Date()),
  });
  return created.id;
}
