import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords and sign-in emails: the rules, and argon2id hashing (@node-rs/argon2, whose default
 * algorithm is argon2id; the cost is OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane).
 * A hash is PHC text, carrying its own parameters, so raising the cost later still verifies
 * the hashes made before.
 */
const HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The hashing functions, called through this object so tests can watch them (every sign-in verifies once). */
export const argon2 = { hash, verify };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1000;
/** RFC 5321's limit on an address's length. */
export const EMAIL_MAX = 254;

/** The address as stored and compared: trimmed, NFC, lower case. Null if it is not a plausible address. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().normalize('NFC').toLowerCase();
  if (email.length === 0 || email.length > EMAIL_MAX) return null;
  // One @, something before it, a dotted domain after it, no spaces or control characters.
  if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}.]+(\.[^\s@\p{Cc}.]+)+$/u.test(email)) return null;
  return email;
}

/** Why a new password is refused, or null when it is acceptable. Lengths count characters, not bytes. */
export function passwordProblem(password: string, email: string | null): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `A password needs at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `A password has at most ${PASSWORD_MAX} characters.`;
  if (email !== null && password.trim().toLowerCase() === email) return 'A password must not be the email address.';
  return null;
}

/**
 * At most this many argon2 computations at once (each holds 19 MiB and a thread of libuv's pool):
 * a burst of sign-ins, which anyone can send, waits its turn instead of taking every thread
 * and the memory with it.
 */
const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return oneAtATime(() => argon2.hash(password, HASH_OPTIONS));
}

/**
 * A hash of a password nobody knows, made once per process: a sign-in for an unknown account
 * (or one without a password) verifies against it, so it costs the same time as a real one and
 * the answer's timing does not tell which emails have accounts.
 */
let dummyHash: Promise<string> | null = null;
function dummy(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(32).toString('base64url')));
}

/** Makes the dummy hash now (at start), so the first sign-in for an unknown email takes no longer than others. */
export function prepareDummyHash(): Promise<unknown> {
  return dummy();
}

/**
 * Whether `password` matches `stored`; with `stored` null, verifies against the dummy hash and
 * answers false. Either way one argon2 verification runs. A malformed stored hash is a mismatch.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await dummy());
  let matches: boolean;
  try {
    matches = await oneAtATime(() => argon2.verify(target, password));
  } catch {
    matches = false;
  }
  return stored !== null && matches;
}
