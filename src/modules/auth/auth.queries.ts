import type { ExpressionBuilder } from 'kysely';
import type { SqlTimestamp } from '../../db/sql-dates';
import { type StatementBuilder, statement, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import type { Role } from '../user/user.entity';
import type { SignInMethod } from './sign-in-method';

/** Every statement of the auth module (API tokens); the visibility predicates are in visibility.queries.ts. */

/** An API token as the API serves it (never its hash), from `api_tokens`. */
function tokenColumns(eb: ExpressionBuilder<{ api_tokens: Tables['api_tokens'] }, 'api_tokens'>) {
  return [
    eb.ref('id').as('id'),
    eb.ref('user_id').as('userId'),
    eb.ref('label').as('label'),
    eb.ref('token_prefix').as('tokenPrefix'),
    eb.ref('created_at').as('createdAt'),
    eb.ref('last_used_at').as('lastUsedAt'),
    eb.ref('revoked_at').as('revokedAt'),
  ];
}

/** The user a live token stands for, by the token's hash. */
export const viewerByTokenHash = statement('auth.viewerByTokenHash', (q: StatementBuilder<{ hash: string }>) =>
  q.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select((eb) => [
      eb.ref('t.id').as('tokenId'),
      eb.ref('t.last_used_at').as('lastUsedAt'),
      'u.id',
      'u.name',
      eb.ref('u.role').$castTo<Role>().as('role'),
    ])
    .where('t.token_hash', '=', q.p.hash)
    .where('t.revoked_at', 'is', null),
);

/** Whether a token is still live (not revoked). */
export const liveToken = statement('auth.liveToken', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('api_tokens')
    .select((eb) => eb.lit(1).as('ok'))
    .where('id', '=', q.p.id)
    .where('revoked_at', 'is', null),
);

export const userExists = statement('auth.userExists', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('users').select('id').where('id', '=', q.p.id),
);

/** The account's role now (a subscription's viewer is fixed when it connects). */
export const userRole = statement('auth.userRole', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('users').select('role').where('id', '=', q.p.id),
);

/** An API token as the API serves it. */
export type ApiTokenRow = NonNullable<(typeof tokenById)['row']>;

export const tokenById = statement('auth.tokenById', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('api_tokens').select(tokenColumns).where('id', '=', q.p.id),
);

export const insertToken = statement(
  'auth.insertToken',
  (q: StatementBuilder<{ userId: number; label: string; hash: string; prefix: string }>) =>
    q.db
      .insertInto('api_tokens')
      .values({ user_id: q.p.userId, label: q.p.label, token_hash: q.p.hash, token_prefix: q.p.prefix })
      .returning(tokenColumns),
);

export const revokeToken = statement('auth.revoke', (q: StatementBuilder<{ id: number; revokedAt: string }>) =>
  q.db.updateTable('api_tokens').set({ revoked_at: q.p.revokedAt }).where('id', '=', q.p.id),
);

/** Refreshes a token's lastUsedAt unless another request (or replica) refreshed it since `stale`. */
export const touchToken = statement('auth.touch', (q: StatementBuilder<{ id: number; now: string; stale: string }>) =>
  q.db
    .updateTable('api_tokens')
    .set({ last_used_at: q.p.now })
    .where('id', '=', q.p.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<SqlTimestamp>`${q.p.stale}`)])),
);

/** The API tokens of a user, newest first (revoked ones too: the list is what was issued). */
export const tokensOfUser = statement('auth.tokensOfUser', (q: StatementBuilder<{ userId: number }>) =>
  q.db.selectFrom('api_tokens').select(tokenColumns).where('user_id', '=', q.p.userId).orderBy('id', 'desc'),
);

/* Staff sign-in: passwords, sessions, throttles (src/modules/auth/sign-in.service.ts). */

/** A session as the API serves it (never its hash), from `sessions`. */
function sessionColumns(eb: ExpressionBuilder<{ sessions: Tables['sessions'] }, 'sessions'>) {
  return [
    eb.ref('id').as('id'),
    eb.ref('user_id').as('userId'),
    eb.ref('method').$castTo<SignInMethod>().as('method'),
    eb.ref('created_at').as('createdAt'),
    eb.ref('last_seen_at').as('lastSeenAt'),
    eb.ref('expires_at').as('expiresAt'),
    eb.ref('revoked_at').as('revokedAt'),
    eb.ref('user_agent').as('userAgent'),
  ];
}

/** A session as the API serves it. */
export type SessionRow = NonNullable<(typeof sessionById)['row']>;

/** When a session is live: not revoked, before its absolute end, seen since `idleSince`. */
interface LiveAt {
  now: SqlTimestamp;
  idleSince: SqlTimestamp;
}

/** The user a live session stands for, by the hash of its cookie's secret. */
export const viewerBySessionHash = statement(
  'auth.viewerBySessionHash',
  (q: StatementBuilder<{ hash: string } & LiveAt>) =>
    q.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select((eb) => [
        eb.ref('s.id').as('sessionId'),
        eb.ref('s.last_seen_at').as('lastSeenAt'),
        'u.id',
        'u.name',
        eb.ref('u.role').$castTo<Role>().as('role'),
      ])
      .where('s.token_hash', '=', q.p.hash)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', q.p.now)
      .where('s.last_seen_at', '>', q.p.idleSince),
);

/** Whether a session is still live. */
export const liveSession = statement('auth.liveSession', (q: StatementBuilder<{ id: number } & LiveAt>) =>
  q.db
    .selectFrom('sessions')
    .select((eb) => eb.lit(1).as('ok'))
    .where('id', '=', q.p.id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', q.p.now)
    .where('last_seen_at', '>', q.p.idleSince),
);

/** A user's live sessions, newest first. */
export const sessionsOfUser = statement('auth.sessionsOfUser', (q: StatementBuilder<{ userId: number } & LiveAt>) =>
  q.db
    .selectFrom('sessions')
    .select(sessionColumns)
    .where('user_id', '=', q.p.userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', q.p.now)
    .where('last_seen_at', '>', q.p.idleSince)
    .orderBy('id', 'desc'),
);

export const sessionById = statement('auth.sessionById', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('sessions').select(sessionColumns).where('id', '=', q.p.id),
);

export const insertSession = statement(
  'auth.insertSession',
  (
    q: StatementBuilder<{
      userId: number;
      hash: string;
      method: string;
      now: SqlTimestamp;
      expiresAt: SqlTimestamp;
      userAgent: string | null;
      address: string | null;
    }>,
  ) =>
    q.db
      .insertInto('sessions')
      .values({
        user_id: q.p.userId,
        token_hash: q.p.hash,
        method: q.p.method,
        created_at: q.p.now,
        last_seen_at: q.p.now,
        expires_at: q.p.expiresAt,
        user_agent: q.p.userAgent,
        address: q.p.address,
      })
      .returning(sessionColumns),
);

/** Revokes a session by id (keeping the first revocation time). */
export const revokeSessionById = statement(
  'auth.revokeSession',
  (q: StatementBuilder<{ id: number; now: SqlTimestamp }>) =>
    q.db.updateTable('sessions').set({ revoked_at: q.p.now }).where('id', '=', q.p.id).where('revoked_at', 'is', null),
);

/** Revokes the session a cookie names (sign-out, a cookie sent to sign-in). */
export const revokeSessionByHash = statement(
  'auth.revokeSessionByHash',
  (q: StatementBuilder<{ hash: string; now: SqlTimestamp }>) =>
    q.db
      .updateTable('sessions')
      .set({ revoked_at: q.p.now })
      .where('token_hash', '=', q.p.hash)
      .where('revoked_at', 'is', null),
);

/** Revokes every session of a user but `keepId` (0: none kept). */
export const revokeUserSessions = statement(
  'auth.revokeUserSessions',
  (q: StatementBuilder<{ userId: number; keepId: number; now: SqlTimestamp }>) =>
    q.db
      .updateTable('sessions')
      .set({ revoked_at: q.p.now })
      .where('user_id', '=', q.p.userId)
      .where('id', '<>', q.p.keepId)
      .where('revoked_at', 'is', null),
);

/** Refreshes a session's lastSeenAt unless another request (or replica) refreshed it since `stale`. */
export const touchSession = statement(
  'auth.touchSession',
  (q: StatementBuilder<{ id: number; now: SqlTimestamp; stale: SqlTimestamp }>) =>
    q.db
      .updateTable('sessions')
      .set({ last_seen_at: q.p.now })
      .where('id', '=', q.p.id)
      .where('last_seen_at', '<', q.p.stale),
);

/** What a password sign-in needs of an account, by its normalised email. */
export const userForSignIn = statement('auth.userForSignIn', (q: StatementBuilder<{ email: string }>) =>
  q.db
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.name',
      eb.ref('u.role').$castTo<Role>().as('role'),
      eb.ref('u.email').as('email'),
      eb.ref('u.password_hash').as('passwordHash'),
    ])
    .where('u.email', '=', q.p.email),
);

/** The same by id (a password change). */
export const userPasswordById = statement('auth.userPasswordById', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.name',
      eb.ref('u.role').$castTo<Role>().as('role'),
      eb.ref('u.email').as('email'),
      eb.ref('u.password_hash').as('passwordHash'),
    ])
    .where('u.id', '=', q.p.id),
);

export const setPasswordHash = statement(
  'auth.setPasswordHash',
  (q: StatementBuilder<{ id: number; hash: string; now: SqlTimestamp }>) =>
    q.db.updateTable('users').set({ password_hash: q.p.hash, password_changed_at: q.p.now }).where('id', '=', q.p.id),
);

/** The failed sign-ins counted for a key (the hash of a normalised email). */
export const throttleByKey = statement('auth.throttleByKey', (q: StatementBuilder<{ key: string }>) =>
  q.db
    .selectFrom('sign_in_throttles')
    .select([
      'failures',
      'lockouts',
      (eb) => eb.ref('window_started_at').as('windowStartedAt'),
      (eb) => eb.ref('locked_until').as('lockedUntil'),
    ])
    .where('key', '=', q.p.key),
);

export const saveThrottle = statement(
  'auth.saveThrottle',
  (
    q: StatementBuilder<{
      key: string;
      failures: number;
      windowStartedAt: SqlTimestamp | null;
      lockouts: number;
      lockedUntil: SqlTimestamp | null;
      now: SqlTimestamp;
    }>,
  ) =>
    q.db
      .insertInto('sign_in_throttles')
      .values({
        key: q.p.key,
        failures: q.p.failures,
        window_started_at: q.p.windowStartedAt,
        lockouts: q.p.lockouts,
        locked_until: q.p.lockedUntil,
        updated_at: q.p.now,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          failures: eb.ref('excluded.failures'),
          window_started_at: eb.ref('excluded.window_started_at'),
          lockouts: eb.ref('excluded.lockouts'),
          locked_until: eb.ref('excluded.locked_until'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      ),
);

/** A successful sign-in forgets the failures. */
export const clearThrottle = statement('auth.clearThrottle', (q: StatementBuilder<{ key: string }>) =>
  q.db.deleteFrom('sign_in_throttles').where('key', '=', q.p.key),
);

/** Throttles untouched since `before` (and not locked past it) are forgotten. */
export const pruneThrottles = statement('auth.pruneThrottles', (q: StatementBuilder<{ before: SqlTimestamp }>) =>
  q.db
    .deleteFrom('sign_in_throttles')
    .where('updated_at', '<', q.p.before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', q.p.before)])),
);
