import { unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode, KNOWN_ERROR_CODES } from './errors';

const INTERNAL_MESSAGE = 'Internal server error';

/** Codes Apollo itself assigns to request-level failures; their messages are safe to show. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
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
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const first = original.extensions.validationErrors[0];
      const constraint = first?.constraints ? Object.values(first.constraints)[0] : undefined;
      return {
        message: constraint ?? 'Invalid input.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.property },
      };
    }
    const code = formatted.extensions?.code;
    const known = typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && (KNOWN_ERROR_CODES.has(code) || APOLLO_CODES.has(code));
    if (known && (original instanceof GraphQLError || original === error)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
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

function describe(error: unknown, production: boolean): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: production ? typeof error : String(error) };
  // Driver messages and stacks can carry SQL and data: production logs keep the kind only.
  return production ? { errorName: error.name } : { errorName: error.name, message: error.message, stack: error.stack };
}
