import { execute, executeOne } from '../../db/sql';
import type { Database } from '../../db/database';
import { fromSqlDate, type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import { notFound, unauthenticated } from '../../domain/errors';
import { generateToken, hashToken, isWellFormedToken } from './api-token';
import {
  type ApiTokenRow,
  insertToken,
  liveToken,
  revokeToken,
  tokenById,
  touchToken,
  userExists,
  viewerByTokenHash,
} from './auth.queries';
import type { Viewer } from './viewer';

export const BAD_TOKEN = 'Unknown or revoked API token.';
/** lastUsedAt is a hint, not an audit log: refresh it at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedToken {
  token: ApiTokenRow;
  /** The secret, shown once and never stored. */
  secret: string;
}

/** API tokens: issuing, revoking, and turning an Authorization header into a viewer. */
export class AuthService {
  private readonly db: Database;
  /** Tokens whose lastUsedAt refresh is in flight. */
  private readonly touching = new Set<number>();

  constructor({ db }: { db: Database }) {
    this.db = db;
  }

  /**
   * The viewer an API token stands for. A token that is malformed, unknown or revoked is
   * UNAUTHENTICATED, never a silent fall-back to an anonymous reader. (The HTTP edge reads the
   * token from the request: src/http/viewer.ts.)
   */
  async viewerForToken(token: string): Promise<Viewer> {
    if (!isWellFormedToken(token)) throw unauthenticated(BAD_TOKEN);
    const row = await this.db.reader.row(viewerByTokenHash, { hash: hashToken(token) });
    if (!row) throw unauthenticated(BAD_TOKEN);
    this.touch(row.tokenId, fromSqlDate(row.lastUsedAt));
    return { user: { id: row.id, name: row.name, role: row.role }, tokenId: row.tokenId };
  }

  /**
   * Whether the viewer's token still stands (anonymous viewers always do). Long-lived
   * operations (subscriptions) ask again before each event: a revoked token stops there.
   */
  async stillSignedIn(viewer: Viewer): Promise<boolean> {
    if (viewer.tokenId == null) return true;
    const row = await this.db.reader.row(liveToken, { id: viewer.tokenId });
    return row !== undefined;
  }

  /** Creates a token for a user; the secret is in the result and nowhere else. */
  async issue(userId: number, label: string): Promise<IssuedToken> {
    return this.db.writes.run(async (manager) => {
      if (!(await executeOne(manager, userExists, { id: userId }))) throw notFound('No such user.', 'input.userId');
      const { secret, hash, displayPrefix } = generateToken();
      const [token] = await execute(manager, insertToken, { userId, label, hash, prefix: displayPrefix });
      return { token, secret };
    });
  }

  /** Revokes a token; revoking twice keeps the first revocation time. */
  async revoke(tokenId: number): Promise<ApiTokenRow> {
    return this.db.writes.run(async (manager) => {
      const token = await executeOne(manager, tokenById, { id: tokenId });
      if (!token) throw notFound('No such API token.', 'input.id');
      if (token.revokedAt) return token;
      const revokedAt = toSqlDate(new Date());
      await execute(manager, revokeToken, { id: tokenId, revokedAt });
      return { ...token, revokedAt: revokedAt as SqlTimestamp };
    });
  }

  private touch(tokenId: number, lastUsedAt: Date | null): void {
    const now = Date.now();
    if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    // One refresh at a time per token: a burst of requests with a stale token would otherwise
    // queue a write each (and on PostgreSQL make them conflict and retry against each other).
    if (this.touching.has(tokenId)) return;
    this.touching.add(tokenId);
    const stale = toSqlDate(new Date(now - LAST_USED_RESOLUTION_MS));
    // Off the request's path: a failed refresh must not fail the request it belongs to. Another
    // replica may have refreshed it meanwhile: then this changes nothing.
    this.db.writes
      .run((manager) => execute(manager, touchToken, { id: tokenId, now: toSqlDate(new Date(now)), stale }))
      .catch(() => undefined)
      .finally(() => this.touching.delete(tokenId));
  }
}
