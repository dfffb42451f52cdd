import { isIPv6 } from 'node:net';
import express from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Services } from '../app/services';
import { DomainError, ErrorCode } from '../domain/errors';
import { toGlobalId } from '../graphql/relay/global-id';
import { normalizeEmail, PASSWORD_MAX, prepareDummyHash } from '../modules/auth/password';
import type { Viewer } from '../modules/auth/viewer';
import {
  clearSessionCookie,
  crossOriginProblem,
  readSessionCookie,
  type SessionCookie,
  setSessionCookie,
} from './session-cookie';

/** Where the reviewer's workbench signs in and out (issue 23): its pages are served under /review. */
export const SESSION_PATH = '/review/session';
/** The window of the per-address limit on sign-in attempts. */
const ADDRESS_WINDOW_SECONDS = 15 * 60;
const NOT_SIGNED_IN = 'Not signed in.';

type ErrorBody = { errors: { message: string; extensions: Record<string, unknown> }[] };

function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}): ErrorBody {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** The user as the workbench shows it: its id is the global id the API serves as User.id. */
function userJson(user: NonNullable<Viewer['user']>) {
  return { user: { id: toGlobalId('User', user.id), name: user.name, role: user.role } };
}

/**
 * The limit on sign-in attempts per address: `attemptsPerAddress` per 15 minutes, in this
 * process (0: none), counted across password sign-ins and single sign-on callbacks.
 */
export function signInLimiter(attemptsPerAddress: number): RateLimiterMemory | null {
  return attemptsPerAddress > 0
    ? new RateLimiterMemory({ points: attemptsPerAddress, duration: ADDRESS_WINDOW_SECONDS })
    : null;
}

/**
 * Staff sign-in for browsers (the workbench), beside the GraphQL API:
 * - `POST /review/session` `{ email, password }`: 200 `{ user }` and a new session cookie;
 *   401 UNAUTHENTICATED "Wrong email or password." for any failure (unknown email, wrong
 *   password, an account without one: the same answer); 429 RATE_LIMITED with Retry-After
 *   when the email is locked by failures or the address tried too often; 400 BAD_USER_INPUT
 *   (`extensions.field`) for a body that is not one.
 * - `GET /review/session`: 200 `{ user }` for the cookie's session, else 401 UNAUTHENTICATED.
 * - `DELETE /review/session`: 204; the session is revoked and the cookie cleared.
 * Sign-in and sign-out must come from the service's own pages (403 FORBIDDEN otherwise: no
 * login CSRF). Answers are never cached.
 */
/**
 * What the per-address limit counts under: the address, or for IPv6 its /64 (one subscriber's
 * network, from which anyone can use a fresh address for every request).
 */
export function addressKey(address: string): string {
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  const [head, tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function sessionRouter(options: {
  services: Services;
  cookie: SessionCookie;
  /** The per-address limit on sign-in attempts (signInLimiter), shared with single sign-on. */
  perAddress: RateLimiterMemory | null;
}): express.Router {
  const { services, cookie, perAddress } = options;
  // The first sign-in for an unknown email must not be the one that makes the dummy hash.
  void prepareDummyHash();
  const router = express.Router();
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  };
  const sameOrigin: express.RequestHandler = (req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    const problem = crossOriginProblem(req, cookie);
    if (problem) res.status(403).json(errorBody(problem, ErrorCode.FORBIDDEN));
    else next();
  };

  router.post(SESSION_PATH, sameOrigin, express.json({ limit: '16kb' }), async (req, res, next) => {
    try {
      const body: unknown = req.body;
      const { email, password } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      if (typeof email !== 'string' || normalizeEmail(email) === null)
        return void res
          .status(400)
          .json(errorBody('Give an email address.', ErrorCode.BAD_USER_INPUT, { field: 'email' }));
      if (typeof password !== 'string' || password.length === 0 || [...password].length > PASSWORD_MAX)
        return void res
          .status(400)
          .json(
            errorBody('Give a password (at most 1000 characters).', ErrorCode.BAD_USER_INPUT, { field: 'password' }),
          );
      const address = req.ip ?? '';
      if (perAddress) {
        try {
          await perAddress.consume(addressKey(address));
        } catch (refusal) {
          const wait = refusal instanceof RateLimiterRes ? refusal.msBeforeNext : ADDRESS_WINDOW_SECONDS * 1000;
          return void rateLimited(
            res,
            Math.max(1, Math.ceil(wait / 1000)),
            'Too many sign-in attempts from this address',
          );
        }
      }
      const signedIn = await services.signIn.signIn({
        email,
        password,
        userAgent: req.get('user-agent') ?? null,
        address,
        previousSecret: readSessionCookie(req.headers.cookie, cookie),
      });
      // A success does not use up the address's attempts: a newsroom behind one address signs in many times.
      if (perAddress) await perAddress.reward(addressKey(address), 1);
      res.setHeader('set-cookie', setSessionCookie(cookie, signedIn.secret));
      res.status(200).json(userJson(signedIn.user));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED)
        return void res.status(401).json(errorBody(error.message, ErrorCode.UNAUTHENTICATED));
      if (error instanceof DomainError && error.code === ErrorCode.RATE_LIMITED)
        return void rateLimited(res, Number(error.extensions.retryAfter), error.message);
      next(error);
    }
  });

  router.get(SESSION_PATH, noStore, async (req, res, next) => {
    const secret = readSessionCookie(req.headers.cookie, cookie);
    if (secret === null) return void res.status(401).json(errorBody(NOT_SIGNED_IN, ErrorCode.UNAUTHENTICATED));
    try {
      const viewer = await services.auth.viewerForSession(secret);
      res.status(200).json(userJson(viewer.user!));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED)) return next(error);
      res.setHeader('set-cookie', clearSessionCookie(cookie));
      res.status(401).json(errorBody(error.message, ErrorCode.UNAUTHENTICATED));
    }
  });

  router.delete(SESSION_PATH, sameOrigin, async (req, res, next) => {
    try {
      const secret = readSessionCookie(req.headers.cookie, cookie);
      if (secret !== null) await services.signIn.signOut(secret);
      res.setHeader('set-cookie', clearSessionCookie(cookie));
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}

function rateLimited(res: express.Response, retryAfter: number, message: string): void {
  const text = message.includes('try again') ? message : `${message}: try again in ${retryAfter} s.`;
  res.setHeader('retry-after', String(retryAfter));
  res.status(429).json(errorBody(text, ErrorCode.RATE_LIMITED, { retryAfter }));
}
