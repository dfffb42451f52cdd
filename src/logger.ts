import pino from 'pino';
import type { LogLevel } from './config';

/**
 * Structured logs: one JSON object a line (pino) on stderr. Call sites pass a message and
 * plain details; never a token, a request body or variables (they can hold drafts and
 * secrets), and in production never an error's message or stack (they can hold SQL).
 */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
  /** Below info: one line per request. */
  debug(message: string, details?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where the lines go (default stderr); tests pass a stream they read. */
  stream?: NodeJS.WritableStream;
}

export function createLogger({ level = 'info', stream = process.stderr }: LoggerOptions = {}): Logger {
  const log = pino(
    {
      level,
      base: { service: 'factline' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Belt and braces: should a caller pass headers along, the credentials never print.
      redact: {
        paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'token', 'secret'],
        censor: '[redacted]',
      },
    },
    stream as pino.DestinationStream,
  );
  return {
    info: (message, details) => log.info(details ?? {}, message),
    warn: (message, details) => log.warn(details ?? {}, message),
    error: (message, details) => log.error(details ?? {}, message),
    debug: (message, details) => log.debug(details ?? {}, message),
  };
}
