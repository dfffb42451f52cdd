import { execute, executeOne } from '../../db/sql';
import type { Database } from '../../db/database';
import { fromSqlDate, type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import { notFound, unauthenticated } from '../../domain/errors';
import { generateToken, hashToken, isWellFormedToken } from './api-token';
import {
  type ApiTokenRow,
  insertToken,
  liveSession,
  liveToken,
  revokeSessionById,
  revokeToken,
  sessionById,
  type SessionRow,
  sessionsOfUser,
  tokenById,
  tokensOfUser,
  touchSession,
  touchToken,
  userExists,
  userRole,
  viewerBySessionHash,
  viewerByTokenHash,
} from './auth.queries';
import { isWellFormedSessionSecret } from './session-secret';
import { hasRole, type Viewer } from './viewer';
import { Role } from '../user/role';

export const BAD_TOKEN = 'Unknown or revoked API token.';
/** A session cookie that names no live session: the browser must sign in again. */
export const SESSION_ENDED = 'Your session has ended; sign in again.';

/** How long sessions last (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 480, maxHours: 168 };
/** lastUsedAt is a hint, not an audit log: refresh it at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedToken {
  token: ApiTokenRow;
  /** The secret, shown once and never stored. */
  secret: string;
}

/**
 * API tokens and sign-in sessions: issuing, revoking, listing, and turning a credential (an
 * Authorization header, a session cookie) into a viewer. Password sign-in itself is
 * SignInService's (sign-in.service.ts).
 */
export class AuthService {
  private readonly db: Database;
  readonly sessionSettings: SessionSettings;
  /** Tokens and sessions whose lastUsedAt / lastSeenAt refresh is in flight. */
  private readonly touching = new Set<number>();
  private readonly touchingSessions = new Set<number>();

  constructor({ db, sessions = DEFAULT_SESSION_SETTINGS }: { db: Database; sessions?: SessionSettings }) {
    this.db = db;
    this.sessionSettings = sessions;
  }

  /** The moments a session must be live at: now, and seen since the idle limit. */
  liveAt(now = new Date()): { now: SqlTimestamp; idleSince: SqlTimestamp } {
    return {
      now: toSqlDate(now) as SqlTimestamp,
      idleSince: toSqlDate(new Date(now.getTime() - this.sessionSettings.idleMinutes * 60_000)) as SqlTimestamp,
    };
  }

  /**
   * The viewer a session cookie's secret stands for. A secret that is malformed, unknown,
   * revoked, expired or idle too long is UNAUTHENTICATED (SESSION_ENDED), never anonymous.
   */
  async viewerForSession(secret: string): Promise<Viewer> {
    if (!isWellFormedSessionSecret(secret)) throw unauthenticated(SESSION_ENDED);
    const row = await this.db.reader.row(viewerBySessionHash, { hash: hashToken(secret), ...this.liveAt() });
    if (!row) throw unauthenticated(SESSION_ENDED);
    this.touchSession(row.sessionId, fromSqlDate(row.lastSeenAt));
    return { user: { id: row.id, name: row.name, role: row.role }, tokenId: null, sessionId: row.sessionId };
  }

  /** A user's live sessions, newest first. */
  sessionsOf(userId: number): Promise<SessionRow[]> {
    return this.db.reader.rows(sessionsOfUser, { userId, ...this.liveAt() });
  }

  /** A session by id, live or not (null if there is none). */
  async session(id: number): Promise<SessionRow | null> {
    return (await this.db.reader.row(sessionById, { id })) ?? null;
  }

  /** A user's API tokens, newest first. */
  tokensOf(userId: number): Promise<ApiTokenRow[]> {
    return this.db.reader.rows(tokensOfUser, { userId });
  }

  /**
   * Revokes a session: its owner's or an ADMIN's act. Someone else's session is NOT_FOUND, as
   * if there were none (its id tells nothing). Revoking twice keeps the first time.
   */
  async revokeSession(viewer: Viewer, id: number): Promise<SessionRow> {
    return this.db.writes.run(async (manager) => {
      const session = await executeOne(manager, sessionById, { id });
      if (!session || (session.userId !== viewer.user?.id && !hasRole(viewer, Role.ADMIN)))
        throw notFound('No such session.', 'input.id');
      if (session.revokedAt) return session;
      const now = toSqlDate(new Date()) as SqlTimestamp;
      await execute(manager, revokeSessionById, { id, now });
      return { ...session, revokedAt: now };
    });
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
   * Whether the viewer still stands as it was when it signed in: its token or session live, its
   * role unchanged (anonymous viewers always do). Long-lived operations (subscriptions) ask
   * again before each event: a revoked token, an ended session or a demotion stops them there,
   * and the client subscribes again as what it is now.
   */
  async stillSignedIn(viewer: Viewer): Promise<boolean> {
    if (viewer.tokenId != null && !(await this.db.reader.row(liveToken, { id: viewer.tokenId }))) return false;
    if (
      viewer.sessionId != null &&
      !(await this.db.reader.row(liveSession, { id: viewer.sessionId, ...this.liveAt() }))
    )
      return false;
    if (viewer.user && (await this.db.reader.row(userRole, { id: viewer.user.id }))?.role !== viewer.user.role)
      return false;
    return true;
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

  /** As touch() for tokens: lastSeenAt is what idle expiry counts from, refreshed at most once a minute. */
  private touchSession(sessionId: number, lastSeenAt: Date | null): void {
    const now = Date.now();
    if (lastSeenAt && now - lastSeenAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    if (this.touchingSessions.has(sessionId)) return;
    this.touchingSessions.add(sessionId);
    const stale = toSqlDate(new Date(now - LAST_USED_RESOLUTION_MS)) as SqlTimestamp;
    this.db.writes
      .run((manager) =>
        execute(manager, touchSession, { id: sessionId, now: toSqlDate(new Date(now)) as SqlTimestamp, stale }),
      )
      .catch(() => undefined)
      .finally(() => this.touchingSessions.delete(sessionId));
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
