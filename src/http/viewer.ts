import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../domain/errors';
import type { AuthService } from '../modules/auth/auth.service';
import { ANONYMOUS, type Viewer } from '../modules/auth/viewer';
import { clearSessionCookie, crossOriginProblem, readSessionCookie, type SessionCookie } from './session-cookie';

const MALFORMED_HEADER = 'Malformed Authorization header: expected `Bearer <token>`.';

/**
 * The viewer of a request, from its Authorization header. No header is an anonymous reader; a
 * header that is malformed or names an unknown or revoked token refuses the whole request with
 * HTTP 401 (UNAUTHENTICATED), never a silent fall-back.
 */
export async function viewerFromHeaders(auth: AuthService, headers: IncomingHttpHeaders): Promise<Viewer> {
  const header = headers.authorization;
  if (header === undefined || header === '') return ANONYMOUS;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match) throw refusal(MALFORMED_HEADER);
  try {
    return await auth.viewerForToken(match[1]);
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) throw refusal(error.message);
    throw error;
  }
}

/**
 * The viewer of an HTTP request: the Authorization header when there is one (it wins), else
 * the staff session cookie, else anonymous. A request the cookie would authenticate that is
 * not same-origin is refused (403 FORBIDDEN: session-cookie.ts); a cookie naming an unknown,
 * expired or revoked session refuses the request with 401 UNAUTHENTICATED and clears the
 * cookie, never a silent fall-back to an anonymous reader (a signed-out browser must know).
 */
export async function viewerFromRequest(
  auth: AuthService,
  req: Pick<IncomingMessage, 'headers'> & { socket?: IncomingMessage['socket'] },
  cookie: SessionCookie | null,
): Promise<Viewer> {
  const { headers } = req;
  if ((headers.authorization !== undefined && headers.authorization !== '') || !cookie)
    return viewerFromHeaders(auth, headers);
  const secret = readSessionCookie(headers.cookie, cookie);
  if (secret === null) return ANONYMOUS;
  const problem = crossOriginProblem(req, cookie);
  if (problem) throw new GraphQLError(problem, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
  try {
    return await auth.viewerForSession(secret);
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED)
      throw refusal(error.message, new Map([['set-cookie', clearSessionCookie(cookie)]]));
    throw error;
  }
}

/** Apollo answers an error thrown while building the context with the status (and headers) it carries. */
function refusal(message: string, headers?: Map<string, string>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, ...(headers ? { headers } : {}) } },
  });
}
