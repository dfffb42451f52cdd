import { randomBytes } from 'node:crypto';
import { hashToken } from './api-token';

/**
 * A session cookie's secret: `fls_` and 32 random bytes, base64url. Stored only as its SHA-256
 * (hashToken), like API tokens; the prefix tells the two apart in logs and secret scanners.
 */
export const SESSION_PREFIX = 'fls_';
const SESSION_PATTERN = /^fls_[A-Za-z0-9_-]{43}$/;

export function generateSessionSecret(): { secret: string; hash: string } {
  const secret = `${SESSION_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashToken(secret) };
}

export function isWellFormedSessionSecret(value: string): boolean {
  return SESSION_PATTERN.test(value);
}
