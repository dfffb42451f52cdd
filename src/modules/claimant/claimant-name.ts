/**
 * How claimants are told apart and addressed: pure functions shared by the service, the
 * migration's twin in `migrations/` and the tests.
 */

/** The longest slug: the reader page's address stays readable. */
export const MAX_SLUG = 80;

/**
 * The key two spellings of one claimant share: Unicode-compatible (NFKC), lower case, runs of
 * white space as one space, none at either end. "Joe  Biden" and "joe biden" are one claimant;
 * "J. Biden" is another (an alias, if a reviewer says so).
 */
export function nameKeyOf(name: string): string {
  // Final sigma folds to sigma: lower-casing picks one or the other by what follows the letter.
  return name.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ').normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * The slug of a name: ASCII letters and digits joined by hyphens, accents dropped ("Élysée
 * Palace" -> "elysee-palace"). A name with no such character has the slug "claimant"; callers
 * add "-2", "-3"... to a slug already taken.
 */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug || 'claimant';
}

/** A slug as slugOf and slugCandidate make them: what an import may ask a claimant's address to be. */
export function isClaimantSlug(value: string): boolean {
  return value.length <= MAX_SLUG && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/** The n-th candidate slug for a name (n from 1): the slug itself, then "slug-2", "slug-3"... */
export function slugCandidate(slug: string, n: number): string {
  if (n <= 1) return slug;
  const suffix = `-${n}`;
  return `${slug.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
}

const WIKIDATA_ID = /^Q[1-9][0-9]{0,11}$/;

/** A Wikidata item id: "Q" and a number without leading zeros ("Q6279"). Never looked up. */
export function isWikidataId(value: string): boolean {
  return WIKIDATA_ID.test(value);
}

export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}
