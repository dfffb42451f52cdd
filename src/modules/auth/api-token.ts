import { createHash, randomBytes } from 'node:crypto';

/** Recognisable in logs and secret scanners; the rest is 32 random bytes, base64url. */
export const TOKEN_PREFIX = 'fl_';
const TOKEN_PATTERN = /^fl_[A-Za-z0-9_-]{43}$/;
const DISPLAY_PREFIX_LENGTH = 10;

export interface NewToken {
  secret: string;
  hash: string;
  displayPrefix: string;
}

export function generateToken(): NewToken {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashToken(secret), displayPrefix: secret.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
