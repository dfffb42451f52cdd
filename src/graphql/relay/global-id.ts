import { badUserInput } from '../../domain/errors';

/** Types that implement Node; a global id names one of them. */
export const NODE_TYPES = [
  'Article',
  'Claim',
  'ArticleAppearance',
  'OutsideAppearance',
  'Annotation',
  'Source',
  'User',
  'ApiToken',
  'Claimant',
  'ScaleRating',
  'Topic',
  'WebhookEndpoint',
  'Session',
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

const MALFORMED_ID = 'Malformed id: expected an id returned by this API.';
const MAX_ID_LENGTH = 100;

/** Opaque global id: base64url of "Type:key". Clients must not parse it. */
export function toGlobalId(type: NodeTypeName, key: number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  type: NodeTypeName;
  key: number;
}

/** Decodes a global id or throws BAD_USER_INPUT naming `field`. */
export function fromGlobalId(id: string, field: string): DecodedId {
  if (id.length === 0 || id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id))
    throw badUserInput(MALFORMED_ID, field);
  const match = /^([A-Za-z]+):([1-9][0-9]{0,14})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1])) throw badUserInput(MALFORMED_ID, field);
  return { type: match[1] as NodeTypeName, key: Number(match[2]) };
}

/** Decodes an id that must name a `type`; an id of another type is bad input, not a miss. */
export function fromGlobalIdOf(type: NodeTypeName, id: string, field: string): number {
  const decoded = fromGlobalId(id, field);
  if (decoded.type !== type)
    throw badUserInput(`Expected ${anOrA(type)} ${type} id, got ${anOrA(decoded.type)} ${decoded.type} id.`, field);
  return decoded.key;
}

function anOrA(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}
