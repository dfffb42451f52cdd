import type { Database } from '../../db/database';
import type { SqlReader } from '../../db/sql-reader';
import { badUserInput } from '../../domain/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import type { Visibility } from '../auth/visibility';
import { nameKeyOf } from './claimant-name';
import { claimantCount, claimantPage } from './claimant.queries';
import { type ClaimantRow, toClaimantRow } from './claimant.rows';

const SCOPE = 'claimants:id';
const MAX_QUERY = 200;

export interface ListClaimantsArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
  query?: string | null;
}

export class ClaimantService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /** Live claimants the viewer may see, oldest first; a query keeps those whose name or an alias contains it. */
  async list({ visibility, first, after, query }: ListClaimantsArgs): Promise<Connection<ClaimantRow>> {
    const size = pageSize(first);
    if (query != null && query.length > MAX_QUERY)
      throw badUserInput(`At most ${MAX_QUERY} characters.`, 'query', { max: MAX_QUERY });
    const key = query != null ? nameKeyOf(query) : '';
    const pattern = key ? `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const variant = `${visibility.level}:${pattern === null ? 'all' : 'query'}` as const;
    const afterId = after ? decodeCursor(SCOPE, after).id : 0;
    const rows = await this.reader.rows(claimantPage[variant], { pattern, afterId, limit: size + 1 });
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: null, id: row.id }),
      toClaimantRow,
      async () => (await this.reader.row(claimantCount[variant], { pattern }))?.n ?? 0,
    );
  }
}
