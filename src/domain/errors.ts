/**
 * The one error vocabulary of the service, always in `extensions.code` of a GraphQL error and
 * mapped to an HTTP status by the reader pages. Services throw `DomainError`s; the transports
 * map them at one boundary each (src/graphql/format-error.ts, src/http/reader). Anything thrown
 * that is not one of these is unexpected: logged and masked.
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

/**
 * A refusal the caller can act on: its code, the argument or input field it concerns (when one
 * does), and any detail a client needs (the current version of a CONFLICT). `extensions` is what
 * GraphQL answers: graphql-js copies an error's `extensions` onto the error it reports.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly detail: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.extensions = { code, ...(field !== undefined ? { field } : {}), ...detail };
  }
}

/** Bad input: names the argument or input field it concerns. */
export function badUserInput(message: string, field: string, detail: Record<string, unknown> = {}): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, field, detail);
}

export function notFound(message: string, field?: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, message, field);
}

export const SIGN_IN = 'Sign in: send an API token as `Authorization: Bearer <token>`.';

/** Not signed in, or signed in with a credential that no longer stands. */
export function unauthenticated(message = SIGN_IN): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message);
}

export function forbidden(message: string): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message);
}

/** The change lost a race or applies to a state that has moved on; carries the current version. */
export function conflict(message: string, currentVersion?: number): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    message,
    undefined,
    currentVersion !== undefined ? { currentVersion } : {},
  );
}
