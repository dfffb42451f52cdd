import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../domain/errors';
import type { AuthService } from '../modules/auth/auth.service';
import { ANONYMOUS, type Viewer } from '../modules/auth/viewer';

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

/** Apollo answers an error thrown while building the context with the status it carries. */
function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}
