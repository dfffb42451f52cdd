import { query } from '../../db/sql';
import type { Database } from '../../db/database';
import { fromSqlDate, toSqlDate } from '../../db/sql-dates';
import { notFound, unauthenticated } from '../../domain/errors';
import { ApiTokenEntity } from './api-token.entity';
import { generateToken, hashToken, isWellFormedToken } from './api-token';
import { UserEntity, type Role } from '../user/user.entity';
import type { Viewer } from './viewer';

export const BAD_TOKEN = 'Unknown or revoked API token.';
/** lastUsedAt is a hint, not an audit log: refresh it at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedToken {
  token: ApiTokenEntity;
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
    const row = await this.db.reader.get<{ tokenId: number; lastUsedAt: string | null; id: number; name: string; role: Role }>(
      `SELECT t.id AS tokenId, t.last_used_at AS lastUsedAt, u.id, u.name, u.role
       FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
      [hashToken(token)],
    );
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
    const row = await this.db.reader.get<{ ok: number }>('SELECT 1 AS ok FROM api_tokens WHERE id = ? AND revoked_at IS NULL', [viewer.tokenId]);
    return row !== undefined;
  }

  /** Creates a token for a user; the secret is in the result and nowhere else. */
  async issue(userId: number, label: string): Promise<IssuedToken> {
    return this.db.writes.run(async (manager) => {
      if (!(await manager.existsBy(UserEntity, { id: userId }))) throw notFound('No such user.', 'input.userId');
      const { secret, hash, displayPrefix } = generateToken();
      const token = await manager.save(manager.create(ApiTokenEntity, { userId, label, tokenHash: hash, tokenPrefix: displayPrefix, lastUsedAt: null, revokedAt: null }));
      return { token, secret };
    });
  }

  /** Revokes a token; revoking twice keeps the first revocation time. */
  async revoke(tokenId: number): Promise<ApiTokenEntity> {
    return this.db.writes.run(async (manager) => {
      const token = await manager.findOneBy(ApiTokenEntity, { id: tokenId });
      if (!token) throw notFound('No such API token.', 'input.id');
      if (!token.revokedAt) {
        token.revokedAt = new Date();
        await manager.update(ApiTokenEntity, { id: tokenId }, { revokedAt: token.revokedAt });
      }
      return token;
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
      .run((manager) => query(manager, 'UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)', [toSqlDate(new Date(now)), tokenId, stale]))
      .catch(() => undefined)
      .finally(() => this.touching.delete(tokenId));
  }
}
