import express from 'express';
import * as oidc from 'openid-client';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Services } from '../app/services';
import type { SsoConfig } from '../config';
import { DomainError, ErrorCode } from '../domain/errors';
import type { Logger } from '../logger';
import { normalizeEmail } from '../modules/auth/password';
import { crossOriginProblem, readSessionCookie, type SessionCookie, setSessionCookie } from './session-cookie';
import { addressKey } from './session-routes';
import {
  clearTransactionCookie,
  readTransaction,
  setTransactionCookie,
  SSO_PATH,
  ssoCookie,
  TRANSACTION_SECONDS,
} from './sso-transaction';

export const SSO_START_PATH = `${SSO_PATH}/start`;
export const SSO_CALLBACK_PATH = `${SSO_PATH}/callback`;
/** Where every failure lands: the sign-in page shows one generic sentence for it (src/workbench/session.tsx). */
export const SSO_FAILED_LOCATION = '/review?signInError=sso';
const SIGNED_IN_LOCATION = '/review';
/** Seconds the provider's discovery and token requests may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** Why a single sign-on failed: for the log only, never for the browser. */
type Failure =
  | 'cross-origin'
  | 'provider-unreachable'
  | 'provider-error'
  | 'no-transaction'
  | 'state-mismatch'
  | 'address-limit'
  | 'token-rejected'
  | 'email-unverified'
  | 'email-domain'
  | 'no-account';

/**
 * Single sign-on with the organisation's OpenID provider (OpenID Connect, authorization code
 * flow with PKCE, `state` and `nonce`), beside the password routes (session-routes.ts):
 * - `GET /review/sso/start`: 302 to the provider's authorization endpoint, with the transaction
 *   sealed in its own cookie (sso-transaction.ts). From the service's own pages only (403
 *   otherwise, as sign-in is).
 * - `GET /review/sso/callback`: where the provider sends the browser back. The code is
 *   exchanged (with the PKCE verifier) for an ID token, whose signature, issuer, audience,
 *   expiry and nonce openid-client checks; its email must be verified (`email_verified: true`,
 *   or Entra's `xms_edov: true`),
 *   in OIDC_ALLOWED_DOMAINS, and an existing account's. Then a session with method SSO is made
 *   exactly as a password sign-in's (SignInService) and the browser goes to /review. The
 *   callback is by nature a cross-site navigation (from the provider): what binds it to the
 *   browser that started is the transaction cookie, whose `state` must match.
 * Every failure redirects to /review?signInError=sso, one generic answer whatever failed, and
 * is logged with its reason (never a code, a token or a secret). The discovery document is
 * fetched on first use and kept; a failed fetch is retried on the next sign-in.
 */
export function ssoRouter(options: {
  services: Services;
  config: SsoConfig;
  publicUrl: string;
  cookie: SessionCookie;
  /** The per-address limit on sign-in attempts, shared with the password route. */
  perAddress: RateLimiterMemory | null;
  logger: Logger;
}): express.Router {
  const { services, config, cookie, perAddress, logger } = options;
  const transactions = ssoCookie(options.publicUrl, config.clientSecret);
  const redirectUri = `${options.publicUrl}${SSO_CALLBACK_PATH}`;
  const allowed = new Set(config.allowedDomains);
  let discovered: Promise<oidc.Configuration> | null = null;
  const provider = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
        execute: config.insecure ? [oidc.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  const fail = (res: express.Response, reason: Failure, error?: unknown, extra: Record<string, unknown> = {}) => {
    // The error's name and code only: messages from the token exchange may quote the provider's answer.
    const cause =
      error instanceof Error
        ? { errorName: error.name, errorCode: (error as { code?: unknown }).code ?? null }
        : undefined;
    logger.warn('single sign-on refused', { reason, ...cause, ...extra });
    res.redirect(302, SSO_FAILED_LOCATION);
  };

  const router = express.Router();
  router.get(SSO_START_PATH, async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    const problem = crossOriginProblem(req, cookie);
    if (problem) {
      logger.warn('single sign-on refused', { reason: 'cross-origin' satisfies Failure });
      return void res.status(403).json({ errors: [{ message: problem, extensions: { code: ErrorCode.FORBIDDEN } }] });
    }
    let configuration: oidc.Configuration;
    try {
      configuration = await provider();
    } catch (error) {
      return fail(res, 'provider-unreachable', error);
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const transaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      expiresAt: Date.now() + TRANSACTION_SECONDS * 1000,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    res.setHeader('set-cookie', setTransactionCookie(transactions, transaction));
    res.redirect(302, url.href);
  });

  router.get(SSO_CALLBACK_PATH, async (req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    // A transaction is used once, whatever happens next.
    res.append('set-cookie', clearTransactionCookie(transactions));
    try {
      const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
      // The provider's error code (e.g. access_denied), cut short: the browser could send anything here.
      if (query.has('error'))
        return fail(res, 'provider-error', undefined, { providerError: query.get('error')!.slice(0, 64) });
      const transaction = readTransaction(req.headers.cookie, transactions);
      if (!transaction) return fail(res, 'no-transaction');
      if (query.get('state') !== transaction.state) return fail(res, 'state-mismatch');
      const address = req.ip ?? '';
      if (perAddress) {
        try {
          await perAddress.consume(addressKey(address));
        } catch {
          return fail(res, 'address-limit');
        }
      }
      let claims: oidc.IDToken | undefined;
      try {
        const configuration = await provider();
        const currentUrl = new URL(redirectUri);
        currentUrl.search = query.toString();
        const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        return fail(res, 'token-rejected', error);
      }
      // Google says `email_verified`; Microsoft Entra says `xms_edov` (the email's domain is
      // verified by the tenant that owns it), an optional claim the app registration adds.
      if (!claims || (claims.email_verified !== true && claims.xms_edov !== true)) return fail(res, 'email-unverified');
      const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : null;
      const domain = email ? email.slice(email.lastIndexOf('@') + 1) : undefined;
      if (!email || !domain || !allowed.has(domain)) return fail(res, 'email-domain', undefined, { domain });
      let signedIn;
      try {
        signedIn = await services.signIn.signInWithSso({
          email,
          userAgent: req.get('user-agent') ?? null,
          address,
          previousSecret: readSessionCookie(req.headers.cookie, cookie),
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED)
          return fail(res, 'no-account', undefined, { domain });
        throw error;
      }
      // As for passwords: a success does not use up the address's attempts.
      if (perAddress) await perAddress.reward(addressKey(address), 1);
      res.append('set-cookie', setSessionCookie(cookie, signedIn.secret));
      logger.info('signed in with single sign-on', { userId: signedIn.user.id, sessionId: signedIn.session.id });
      res.redirect(302, SIGNED_IN_LOCATION);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
