import { badUserInput } from '../../domain/errors';

const FORGED_CURSOR = 'Invalid cursor: pass an endCursor returned by this list, unchanged.';
const MAX_CURSOR_LENGTH = 300;

/** A keyset position: the sort value of the last row seen and its id as tie-breaker. */
export interface KeysetPosition {
  value: string | number | null;
  id: number;
}

/**
 * Opaque keyset cursor, base64url of JSON [scope, value, id]. The scope names the list and
 * its order, so a cursor of one list (or order) is refused by another instead of paging
 * from a meaningless position.
 */
export function encodeCursor(scope: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([scope, position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(scope: string, cursor: string, field = 'after'): KeysetPosition {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw badUserInput(FORGED_CURSOR, field);
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput(FORGED_CURSOR, field);
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw badUserInput(FORGED_CURSOR, field);
  const [decodedScope, value, id] = decoded as unknown[];
  const valueOk = value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  if (decodedScope !== scope || !valueOk || !Number.isSafeInteger(id) || (id as number) < 1) {
    throw badUserInput(FORGED_CURSOR, field);
  }
  return { value: value as KeysetPosition['value'], id: id as number };
}
