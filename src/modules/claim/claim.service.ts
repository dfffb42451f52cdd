import type { SqlParam, SqlReader } from '../../db/sql-reader';
import { badUserInput } from '../../graphql/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { fromGlobalIdOf } from '../../graphql/relay/global-id';
import { VISIBLE_ARTICLE } from '../article/article.loaders';
import type { ClaimFilter } from './claim.inputs';
import { CLAIM_COLUMNS, type ClaimRow, toClaimRow } from './claim.rows';

const MAX_CLAIMANT_FILTER = 200;
const SCOPE = 'claims:id';

export interface ListClaimsArgs {
  first?: number | null;
  after?: string | null;
  filter?: ClaimFilter | null;
}

export class ClaimService {
  private readonly reader: SqlReader;

  constructor({ reader }: { reader: SqlReader }) {
    this.reader = reader;
  }

  /** Claims of visible articles, oldest first, keyset-paged by id. */
  async list({ first, after, filter }: ListClaimsArgs): Promise<Connection<ClaimRow>> {
    const size = pageSize(first);
    const where = [VISIBLE_ARTICLE];
    const params: SqlParam[] = [];
    if (filter?.articleId != null) {
      where.push('c.article_id = ?');
      params.push(fromGlobalIdOf('Article', filter.articleId, 'filter.articleId'));
    }
    if (filter?.verdict != null) {
      where.push('c.verdict = ?');
      params.push(filter.verdict);
    }
    if (filter?.claimant != null) {
      if (filter.claimant.length > MAX_CLAIMANT_FILTER) throw badUserInput(`At most ${MAX_CLAIMANT_FILTER} characters.`, 'filter.claimant');
      where.push('c.claimant = ? COLLATE NOCASE');
      params.push(filter.claimant);
    }
    const keyset = after ? ['c.id > ?'] : [];
    const keysetParams = after ? [decodeCursor(SCOPE, after).id] : [];
    const from = 'FROM claims c JOIN articles a ON a.id = c.article_id';
    const rows = await this.reader.all<Omit<ClaimRow, '__typename'>>(
      `SELECT ${CLAIM_COLUMNS} ${from} WHERE ${[...where, ...keyset].join(' AND ')} ORDER BY c.id LIMIT ?`,
      [...params, ...keysetParams, size + 1],
    );
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: null, id: row.id }),
      toClaimRow,
      async () => (await this.reader.get<{ n: number }>(`SELECT COUNT(*) AS n ${from} WHERE ${where.join(' AND ')}`, params))?.n ?? 0,
    );
  }
}
