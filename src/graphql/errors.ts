import { GraphQLError } from 'graphql';

/**
 * The one error vocabulary of the API, always in `extensions.code`.
 * Anything thrown that is not one of these is unexpected: logged and masked.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** Bad input: names the argument or input field it concerns. */
export function badUserInput(message: string, field: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, ...extra } });
}

export function notFound(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, ...(field ? { field } : {}) } });
}

/**
 * Not signed in (a field that needs an account: HTTP 200 as GraphQL errors go), or a bad
 * token (the whole request is refused: `httpStatus` 401).
 */
export function unauthenticated(message = 'Sign in: send an API token as `Authorization: Bearer <token>`.', httpStatus?: 401): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** The change lost a race or applies to a state that has moved on; carries the current version. */
export function conflict(message: string, currentVersion?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.CONFLICT, ...(currentVersion !== undefined ? { currentVersion } : {}) },
  });
}
