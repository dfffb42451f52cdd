import { createHash } from 'node:crypto';
import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import { fromSqlDate, type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import { badUserInput, DomainError, ErrorCode, notFound, unauthenticated } from '../../domain/errors';
import type { Role } from '../user/role';
import { hashToken } from './api-token';
import {
  clearThrottle,
  insertSession,
  pruneThrottles,
  revokeSessionByHash,
  revokeUserSessions,
  saveThrottle,
  type SessionRow,
  setPasswordHash,
  throttleByKey,
  userForSignIn,
  userPasswordById,
} from './auth.queries';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './auth.service';
import { hashPassword, normalizeEmail, passwordProblem, verifyPassword } from './password';
import { generateSessionSecret, isWellFormedSessionSecret } from './session-secret';
import type { Viewer } from './viewer';
import { SignInMethod } from './sign-in-method';

export { SignInMethod };

/** The one answer to a failed sign-in, whatever failed: the account, the password, or its absence. */
export const WRONG_CREDENTIALS = 'Wrong email or password.';

/** Failures an email may have within FAILURE_WINDOW_MS before it is locked. */
export const FAILURES_BEFORE_LOCK = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** The first lock's length; each further one (without a success between) lasts twice as long, up to a day. */
export const FIRST_LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;
/** Throttle rows untouched this long are forgotten. */
const THROTTLE_MEMORY_MS = 24 * 60 * 60_000;
const USER_AGENT_MAX = 200;
const ADDRESS_MAX = 64;

export interface SignedInUser {
  id: number;
  name: string;
  role: Role;
}

export interface NewSession {
  user: SignedInUser;
  session: SessionRow;
  /** The cookie's value: shown to the browser once, stored only as its hash. */
  secret: string;
}

export interface SignInRequest {
  email: string;
  password: string;
  userAgent?: string | null;
  address?: string | null;
  /** The session cookie the browser already sent, if any: revoked (no session fixation). */
  previousSecret?: string | null;
}

/** A single sign-on that names no account: the answer says no more than that signing in failed. */
export const SSO_REFUSED = 'Signing in with your organisation’s account did not work.';

/** A sign-in the OpenID provider vouched for (SignInService.signInWithSso). */
export interface SsoSignInRequest {
  /** The ID token's email: verified by the provider, in an allowed domain. */
  email: string;
  userAgent?: string | null;
  address?: string | null;
  previousSecret?: string | null;
}

/** RATE_LIMITED with the seconds to wait (`retryAfter`), for the HTTP edge to answer 429. */
export function signInLocked(retryAfter: number): DomainError {
  return new DomainError(
    ErrorCode.RATE_LIMITED,
    `Too many failed sign-ins for this email: try again in ${retryAfter} s.`,
    undefined,
    { retryAfter },
  );
}

/** The key failures are counted under: the hash of the normalised email, whether or not it has an account. */
function throttleKey(email: string): string {
  return createHash('sha256').update(`sign-in:${email}`, 'utf8').digest('hex');
}

/**
 * Password sign-in and passwords. Every sign-in runs one argon2 verification, against the
 * account's hash or, for an unknown email or an account without a password, a dummy one: the
 * answer and its timing are the same. Failures are counted per email in the database
 * (`sign_in_throttles`), so every replica sees them and unknown emails are counted alike.
 */
export class SignInService {
  private readonly db: Database;
  private readonly settings: SessionSettings;

  constructor({ db, sessions = DEFAULT_SESSION_SETTINGS }: { db: Database; sessions?: SessionSettings }) {
    this.db = db;
    this.settings = sessions;
  }

  /**
   * Signs in with an email and a password: a new session (and secret) every time. Wrong
   * credentials are UNAUTHENTICATED (WRONG_CREDENTIALS); an email locked by failures is
   * RATE_LIMITED (`retryAfter`) before any password is looked at.
   */
  async signIn(request: SignInRequest): Promise<NewSession> {
    const email = normalizeEmail(request.email);
    const key = throttleKey(email ?? request.email.trim().toLowerCase());
    const now = new Date();
    // The attempt is counted before the password is looked at, in one transaction with the
    // check: however many arrive at once, at most FAILURES_BEFORE_LOCK are verified per window.
    await this.reserveAttempt(key, now);
    const account = email ? await this.db.reader.row(userForSignIn, { email }) : undefined;
    const stored = account?.passwordHash ?? null;
    // Always one verification: against the dummy hash when there is nothing to check against.
    const matches = await verifyPassword(stored, request.password);
    if (!account || !matches) throw unauthenticated(WRONG_CREDENTIALS);
    const user = { id: account.id, name: account.name, role: account.role };
    return this.openSession(user, SignInMethod.PASSWORD, request, key);
  }

  /**
   * Signs in an account its organisation's OpenID provider vouched for: `email` is the ID
   * token's, verified by the provider and in an allowed domain (the HTTP edge checked both).
   * Only an existing account with this email signs in (ADMINs invite accounts: nothing is
   * created here); any other email is UNAUTHENTICATED (SSO_REFUSED). The session is made as a
   * password sign-in's is, with method SSO: the browser's previous session revoked, the same
   * lifetime, revoked and expired alike.
   */
  async signInWithSso(request: SsoSignInRequest): Promise<NewSession> {
    const email = normalizeEmail(request.email);
    const account = email ? await this.db.reader.row(userForSignIn, { email }) : undefined;
    if (!account) throw unauthenticated(SSO_REFUSED);
    return this.openSession({ id: account.id, name: account.name, role: account.role }, SignInMethod.SSO, request);
  }

  /** Ends the session a cookie names (sign-out); an unknown or ended one is already out. */
  async signOut(secret: string): Promise<void> {
    if (!isWellFormedSessionSecret(secret)) return;
    await this.db.writes.run((manager) =>
      execute(manager, revokeSessionByHash, { hash: hashToken(secret), now: toSqlDate(new Date()) as SqlTimestamp }),
    );
  }

  /**
   * The signed-in user's new password, given the current one (BAD_USER_INPUT on
   * input.currentPassword when wrong, or when the account has none). Every other session of
   * the user is revoked; the one making the change (the viewer's) stays.
   */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string): Promise<SignedInUser> {
    if (!viewer.user) throw unauthenticated();
    const account = await this.db.reader.row(userPasswordById, { id: viewer.user.id });
    if (!account) throw notFound('No such user.');
    const problem = passwordProblem(newPassword, account.email);
    if (problem) throw badUserInput(problem, 'input.newPassword');
    // Guessing the current password through a stolen session is throttled as sign-ins are.
    const key = throttleKey(account.email ?? `user:${account.id}`);
    await this.reserveAttempt(key, new Date());
    if (!(await verifyPassword(account.passwordHash, currentPassword)))
      throw badUserInput('The current password is wrong.', 'input.currentPassword');
    const hash = await hashPassword(newPassword);
    await this.db.writes.run(async (manager) => {
      const now = toSqlDate(new Date()) as SqlTimestamp;
      await execute(manager, clearThrottle, { key });
      await execute(manager, setPasswordHash, { id: account.id, hash, now });
      await execute(manager, revokeUserSessions, { userId: account.id, keepId: viewer.sessionId ?? 0, now });
    });
    return { id: account.id, name: account.name, role: account.role };
  }

  /**
   * Sets a user's password without the current one (the `user` command line, run by whoever
   * runs the service) and revokes every session of the user.
   */
  async setPassword(userId: number, password: string): Promise<void> {
    const account = await this.db.reader.row(userPasswordById, { id: userId });
    if (!account) throw notFound('No such user.');
    const problem = passwordProblem(password, account.email);
    if (problem) throw badUserInput(problem, 'password');
    const hash = await hashPassword(password);
    await this.db.writes.run(async (manager) => {
      const now = toSqlDate(new Date()) as SqlTimestamp;
      await execute(manager, setPasswordHash, { id: userId, hash, now });
      await execute(manager, revokeUserSessions, { userId, keepId: 0, now });
    });
  }

  /**
   * A new session of `user`, one transaction: the account's failure count cleared (a password
   * sign-in), the browser's previous session revoked (no session fixation), a new secret.
   */
  private openSession(
    user: SignedInUser,
    method: SignInMethod,
    request: Pick<SignInRequest, 'userAgent' | 'address' | 'previousSecret'>,
    throttleKeyToClear?: string,
  ): Promise<NewSession> {
    return this.db.writes.run(async (manager) => {
      if (throttleKeyToClear !== undefined) await execute(manager, clearThrottle, { key: throttleKeyToClear });
      if (request.previousSecret && isWellFormedSessionSecret(request.previousSecret))
        await execute(manager, revokeSessionByHash, {
          hash: hashToken(request.previousSecret),
          now: toSqlDate(new Date()) as SqlTimestamp,
        });
      const { secret, session } = await this.startSession(manager, user.id, method, request);
      return { user, session, secret };
    });
  }

  private async startSession(
    manager: Parameters<typeof execute>[0],
    userId: number,
    method: SignInMethod,
    request: Pick<SignInRequest, 'userAgent' | 'address'>,
  ): Promise<{ secret: string; session: SessionRow }> {
    const { secret, hash } = generateSessionSecret();
    const now = new Date();
    const [session] = await execute(manager, insertSession, {
      userId,
      hash,
      method,
      now: toSqlDate(now) as SqlTimestamp,
      expiresAt: toSqlDate(new Date(now.getTime() + this.settings.maxHours * 3_600_000)) as SqlTimestamp,
      userAgent: request.userAgent ? [...request.userAgent].slice(0, USER_AGENT_MAX).join('') : null,
      address: request.address ? request.address.slice(0, ADDRESS_MAX) : null,
    });
    return { secret, session };
  }

  /**
   * Counts an attempt on the email before its password is verified (a success clears the count
   * afterwards), or refuses it with RATE_LIMITED while the email is locked. The
   * FAILURES_BEFORE_LOCK-th attempt within the window is still verified and locks the email
   * for the ones after it, each lock twice the last.
   */
  private async reserveAttempt(key: string, now: Date): Promise<void> {
    const lockedUntil = await this.db.writes.run(async (manager) => {
      const row = await executeOne(manager, throttleByKey, { key });
      const locked = fromSqlDate(row?.lockedUntil);
      if (locked && locked > now) return locked;
      let failures = row?.failures ?? 0;
      let windowStart = fromSqlDate(row?.windowStartedAt);
      let lockouts = row?.lockouts ?? 0;
      let lockedUntil: Date | null = null;
      if (!windowStart || now.getTime() - windowStart.getTime() >= FAILURE_WINDOW_MS) {
        failures = 0;
        windowStart = now;
      }
      failures += 1;
      if (failures >= FAILURES_BEFORE_LOCK) {
        lockouts += 1;
        lockedUntil = new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** (lockouts - 1), MAX_LOCK_MS));
        failures = 0;
        windowStart = null;
      }
      const stamp = (date: Date | null) => (date ? (toSqlDate(date) as SqlTimestamp) : null);
      await execute(manager, saveThrottle, {
        key,
        failures,
        windowStartedAt: stamp(windowStart),
        lockouts,
        lockedUntil: stamp(lockedUntil),
        now: stamp(now)!,
      });
      await execute(manager, pruneThrottles, { before: stamp(new Date(now.getTime() - THROTTLE_MEMORY_MS))! });
      return null;
    });
    if (lockedUntil) throw signInLocked(Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)));
  }
}
