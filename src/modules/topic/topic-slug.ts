/**
 * How topics are addressed: pure functions shared by the service, the import and the tests. A
 * topic's name key is a claimant's (claimant-name.ts, nameKeyOf): "Public  health" and "public
 * health" are one topic.
 */
export { nameKeyOf as topicNameKeyOf } from '../claimant/claimant-name';

/** The longest slug: the reader page's address stays readable. */
export const MAX_TOPIC_SLUG = 80;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug of a name: ASCII letters and digits joined by hyphens, accents dropped ("Santé
 * publique" -> "sante-publique"). A name with no such character has the slug "topic"; callers
 * add "-2", "-3"... to a slug already taken (topicSlugCandidate).
 */
export function topicSlugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TOPIC_SLUG)
    .replace(/-+$/, '');
  return slug || 'topic';
}

/** The n-th candidate slug for a base slug (n from 1): the slug itself, then "slug-2", "slug-3"... */
export function topicSlugCandidate(slug: string, n: number): string {
  if (n <= 1) return slug;
  const suffix = `-${n}`;
  return `${slug.slice(0, MAX_TOPIC_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** A slug as topicSlugOf and topicSlugCandidate make them: what `topic(slug:)` and filters accept. */
export function isTopicSlug(value: string): boolean {
  return value.length <= MAX_TOPIC_SLUG && SLUG.test(value);
}
