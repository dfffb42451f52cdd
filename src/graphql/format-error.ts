import { unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, ErrorCode, KNOWN_ERROR_CODES } from '../domain/errors';
import { QUERY_LIMIT_CODES, isQueryLimit } from './limits';

const INTERNAL_MESSAGE = 'Internal server error';

/** Codes Apollo itself assigns to request-level failures; their messages are safe to show. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Refusals by the abuse limits (src/graphql/limits.ts).
  ...Object.values(QUERY_LIMIT_CODES),
]);

export interface ErrorLogger {
  error(message: string, details: Record<string, unknown>): void;
}

/**
 * Apollo's formatError: errors of the API's vocabulary pass through; type-graphql's
 * validation errors become BAD_USER_INPUT naming the field; anything else is unexpected,
 * logged (without stack or SQL in production) and answered as a masked
 * INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(options: { production: boolean; logger: ErrorLogger }) {
  return (received: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = withLimitCode(received);
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const { field, message } = firstViolation(original.extensions.validationErrors, argumentName(formatted));
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field },
      };
    }
    const code = formatted.extensions?.code;
    const known =
      typeof code === 'string' &&
      code !== ErrorCode.INTERNAL_SERVER_ERROR &&
      (KNOWN_ERROR_CODES.has(code) || APOLLO_CODES.has(code));
    if (known && (original instanceof DomainError || original instanceof GraphQLError || original === error)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      if (code === ErrorCode.BAD_USER_INPUT && extensions.field === undefined) {
        const field = coercionField(formatted.message);
        if (field) extensions.field = field;
      }
      return { ...formatted, extensions };
    }
    options.logger.error('unexpected error while serving a request', describe(original, options.production));
    return {
      message: INTERNAL_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * Apollo gives every validation error the code GRAPHQL_VALIDATION_FAILED: a refusal by one
 * of our limits gets its own code back from its `limit` marker. The parser's maxTokens
 * refusal becomes QUERY_TOO_LARGE (its message names the limit; the parser stops counting
 * there, so there is no `actual`).
 */
function withLimitCode(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { code, limit } = formatted.extensions ?? {};
  if (code === 'GRAPHQL_VALIDATION_FAILED' && isQueryLimit(limit)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: QUERY_LIMIT_CODES[limit] } };
  }
  // graphql-js 16.15 writes "more that"; accept both spellings.
  const tokens =
    code === 'GRAPHQL_PARSE_FAILED'
      ? /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(formatted.message)
      : null;
  if (tokens)
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code: QUERY_LIMIT_CODES.tokens, limit: 'tokens', max: Number(tokens[1]) },
    };
  return formatted;
}

function describe(error: unknown, production: boolean): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: production ? typeof error : String(error) };
  // Driver messages and stacks can carry SQL and data: production logs keep the kind only.
  return production ? { errorName: error.name } : { errorName: error.name, message: error.message, stack: error.stack };
}

interface Violation {
  property: string;
  constraints?: Record<string, string>;
  children?: Violation[];
}

/** The first failing rule, with its full path: `input.citations.0.excerpt`. */
function firstViolation(errors: Violation[], root: string | null): { field: string; message: string } {
  const path: string[] = root ? [root] : [];
  let error: Violation | undefined = errors[0];
  while (error) {
    path.push(error.property);
    if (error.constraints)
      return { field: path.join('.'), message: `${path.join('.')}: ${Object.values(error.constraints)[0]}` };
    error = error.children?.[0];
  }
  return { field: path.join('.') || 'input', message: 'Invalid input.' };
}

/** Mutations take one `input`; class-validator reports paths inside it. */
function argumentName(formatted: GraphQLFormattedError): string | null {
  return formatted.path && formatted.path.length === 1 ? 'input' : null;
}

/**
 * graphql-js reports a variable that does not fit its type (an unknown enum value, a string
 * for an Int) as `Variable "$input" got invalid value ... at "input.verdict"; ...`: the path
 * becomes `extensions.field` like every other refusal.
 */
function coercionField(message: string): string | null {
  const match = /^Variable "\$(\w+)" got invalid value[\s\S]*?(?: at "([^"]+)")?;/.exec(message);
  if (!match) return null;
  // graphql-js writes list positions as [0]; our fields use dots throughout.
  return (match[2] ?? match[1]).replace(/\[(\d+)\]/g, '.$1');
}
