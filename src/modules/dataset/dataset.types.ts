/**
 * The portable dataset format: what `fixtures/demo-dataset.json` holds and what bulk
 * imports read and exports write. Everything is keyed by natural or external keys (slug,
 * url, user key, claim and fact-check keys) so that loading the same data twice duplicates
 * nothing, and loading it again after an interruption completes it.
 *
 * Matching on import:
 * - users by `name` (an existing user keeps its role);
 * - claimants by name key (nameKeyOf: case- and space-insensitive): an existing claimant is
 *   left as it is, whatever the record says of it;
 * - sources by normalised `url` (an existing source is left as it is);
 * - articles by `slug`: an existing article is left as it is, but its claims are still
 *   matched and the missing ones added (located in the stored body);
 * - claims by `key`, stored as the claim's external id (unique across the database): a key
 *   stored on a claim of another article is an error. A claim stored without a key (made
 *   through the API) at the same place in the same article takes the key instead of being
 *   duplicated;
 *   a ClaimReview record (claimreview-import.ts) may name the key of another record's claim:
 *   records of one claimant and one text, however spelt, are one claim;
 * - fact-checks by `key` when they have one (same rules); a fact-check without a key is
 *   added only together with a claim the import creates;
 * - a claim's places by normalised `url`: a claim already stored gets the places it does not
 *   list yet, and keeps its words, language and other places as they are;
 * - an article's `appearances` (further places of claims checked in other articles) by claim
 *   and place: one the claim already has at the same offsets of the article is not added again.
 *   The claim is found by its key among the claims stored or imported by the same run, wherever
 *   its line is in the file (before or after); a key that no claim has fails the line;
 * - topics by `slug`, then by name key (case- and space-insensitive, as the API keeps names
 *   unique): an existing topic is left as it is, whatever the record says of it;
 * - the filing of an article or a claim (`topics`: slugs) by topic: a filing the item lacks is
 *   added, one it has is kept, and none is taken off (an import adds, it never unfiles).
 */
export type DatasetVerdict =
  'TRUE' | 'MOSTLY_TRUE' | 'MIXED' | 'MOSTLY_FALSE' | 'FALSE' | 'MISLEADING' | 'NEEDS_CONTEXT' | 'UNVERIFIABLE';

export interface DatasetUser {
  /** Stable key, referenced by annotations' `author`. */
  key: string;
  name: string;
  role: 'REVIEWER' | 'EDITOR' | 'ADMIN';
}

export interface DatasetSource {
  url: string;
  title: string;
  publisher: string | null;
  /** ISO 8601 date or date-time. */
  publishedAt: string | null;
  kind: 'OFFICIAL_RECORD' | 'NEWS_REPORT' | 'DATASET' | 'STATEMENT' | 'EXPERT' | 'OTHER';
  /** ISO 8601: when a reviewer last read the source; absent or null when unknown. */
  accessedAt?: string | null;
}

export interface DatasetCitation {
  /** The `url` of a source in `sources` or of one already stored (compared normalised). */
  sourceUrl: string;
  stance: 'SUPPORTS' | 'REFUTES' | 'CONTEXT';
  /** The exact words of the source relied on. */
  excerpt: string;
}

export interface DatasetAnnotation {
  /** Stable external key, unique across everything imported; optional (see above). */
  key?: string;
  /** Key of a user in `users`. */
  author: string;
  verdict: DatasetVerdict;
  summary: string;
  body: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'RETRACTED';
  /** Only for PUBLISHED and RETRACTED; a PUBLISHED one without it is stamped with the import time. */
  publishedAt: string | null;
  /** RETRACTED only: when (default: the import time) and why (required). */
  retractedAt?: string | null;
  retractionReason?: string;
  citations: DatasetCitation[];
  /**
   * The rating in its publisher's words and numbers, for a fact-check imported from ClaimReview
   * (shown as its rating; `verdict` is what it was mapped to). Absent: the organisation's rating.
   */
  importedRating?: DatasetImportedRating;
}

/** A publisher's own rating: words, and a number on its range (all three numbers null, or none null). */
export interface DatasetImportedRating {
  name: string;
  value: number | null;
  best: number | null;
  worst: number | null;
}

/** A place outside factline where the claim was made: an interview, a speech, a post, a story. */
export interface DatasetPlace {
  /** Http or https; compared and stored normalised, so one url is one place. */
  url: string;
  title: string | null;
  publisher: string | null;
  /** ISO 8601 date or date-time: when the claim was made there. */
  appearedAt: string | null;
  /** Audio or video: where in the recording the claim starts and ends, in whole seconds. */
  startSeconds: number | null;
  endSeconds: number | null;
  /**
   * Key of a user in `users`: who listed the place, as a fact-check's `author`. Absent: the
   * author of the claim's first fact-check in the line.
   */
  addedBy?: string;
}

export interface DatasetClaim {
  /** Stable external key, unique across everything imported (stored as the claim's external id). */
  key: string;
  /** Verbatim text of the article body. */
  quote: string;
  /** Picks one of several occurrences of `quote` (1-based); needed only when the quote repeats. */
  occurrence?: number;
  /** What was claimed, in neutral words; absent: the quote stands in. */
  text?: string;
  /** BCP 47 tag of the language the claim was made in; absent: the article's. */
  language?: string;
  /**
   * Who made the claim, by name: the name of a claimant in the line's `claimants` or of one
   * already stored (compared by name key); any other name is recorded as a person with just
   * that name.
   */
  claimant: string | null;
  annotations: DatasetAnnotation[];
  /** Its live places outside factline, oldest first; absent when there are none. */
  places?: DatasetPlace[];
  /**
   * The slugs of the topics the claim itself is filed under (a topic of the line's `topics` or
   * one already stored), in slug order; absent when none.
   */
  topics?: string[];
}

/**
 * A further place of a claim in this article: the claim is checked once, in the line of the
 * article it was marked in, and appears here too (the same words again in a later story). Only
 * the place is written: the claim's words, claimant, fact-checks and outside places are in the
 * claim's own entry; the place shows the claim's verdict.
 */
export interface DatasetAppearance {
  /** The `key` of the claim this is a place of (any line of the file, or a claim already stored). */
  placeOf: string;
  /** Verbatim text of this article's body, as a claim's `quote`. */
  quote: string;
  /** Picks one of several occurrences of `quote` (1-based); needed only when the quote repeats. */
  occurrence?: number;
}

export interface DatasetArticle {
  slug: string;
  headline: string;
  standfirst: string | null;
  /** Plain text, paragraphs separated by a blank line. */
  body: string;
  authors: string[];
  section: string | null;
  /** BCP 47 tag. */
  language: string;
  url: string | null;
  publishedAt: string | null;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  /** The slugs of the topics the article is filed under, as a claim's `topics`; absent when none. */
  topics?: string[];
  claims: DatasetClaim[];
  /** Further places of claims (of this or other articles) in this article, in text order; absent when none. */
  appearances?: DatasetAppearance[];
}

/**
 * Who made claims, beyond the name a claim gives (`DatasetClaim.claimant`): matched by name key
 * (case- and space-insensitive); an existing claimant is left as it is. A merged claimant is
 * never written: its claims are its keeper's, its name one of the keeper's aliases.
 */
export interface DatasetClaimant {
  name: string;
  /**
   * The reader page's address (/claimants/<slug>), kept across an export and import; a new
   * claimant takes it when no claimant has it, else one made from the name. Absent: made from
   * the name.
   */
  slug?: string;
  kind: 'PERSON' | 'ORGANIZATION';
  description: string | null;
  /** A Wikidata item id ("Q6279"), never fetched. */
  wikidataId: string | null;
  aliases: string[];
}

/**
 * A topic articles and claims are filed under (docs/ARCHITECTURE.md, "Topics"): matched by slug,
 * then by name key; an existing topic is left as it is. A new one is stored with this slug, so
 * its reader page (/topics/<slug>) keeps its address across an export and import.
 */
export interface DatasetTopic {
  slug: string;
  name: string;
  description: string | null;
}

export interface Dataset {
  users: DatasetUser[];
  sources: DatasetSource[];
  /** Optional: claimants named only by claims are recorded as people with just a name. */
  claimants?: DatasetClaimant[];
  /** Optional: the topics the articles and claims are filed under, beyond those already stored. */
  topics?: DatasetTopic[];
  articles: DatasetArticle[];
}

/**
 * One line of an ndjson import or export (`npm run import -- file.ndjson`): one article with
 * its claims and fact-checks, and the claimants, topics, users and sources they refer to, so that
 * every line stands on its own and is imported in its own transaction.
 *
 *   {"article": {...DatasetArticle}, "claimants": [...DatasetClaimant], "topics": [...DatasetTopic], "sources": [...DatasetSource], "users": [...DatasetUser]}
 *
 * On import `claimants`, `topics`, `sources` and `users` may be left out when nothing refers to
 * them (a claim's claimant is then recorded by name, as a person), optional fields may be left
 * out (null, [] or the default: language "en", kind PERSON), and unknown fields are refused. Text
 * is trimmed and held to the API's limits. Exports write every field, in a fixed order (a
 * claim's text, language, places and topics, an article's topics and appearances, and the line's
 * topics, only when there are some, so files without them read as before), and the record of
 * every claimant an exported claim names (a merged one's claims name its keeper), of every topic
 * the article or an exported claim is filed under, and of every user who wrote an exported
 * fact-check or listed an exported place.
 */
export interface DatasetLine {
  article: DatasetArticle;
  claimants: DatasetClaimant[];
  /** The records of the topics the line's article and claims are filed under; absent when none. */
  topics?: DatasetTopic[];
  sources: DatasetSource[];
  users: DatasetUser[];
}
