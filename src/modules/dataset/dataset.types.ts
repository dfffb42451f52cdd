/**
 * The portable dataset format: what `fixtures/demo-dataset.json` holds and what bulk
 * imports read. Everything is keyed by natural or external keys (slug, url, user key,
 * claim key) so that loading the same dataset twice duplicates nothing.
 */
export type DatasetVerdict =
  | 'TRUE'
  | 'MOSTLY_TRUE'
  | 'MIXED'
  | 'MOSTLY_FALSE'
  | 'FALSE'
  | 'MISLEADING'
  | 'NEEDS_CONTEXT'
  | 'UNVERIFIABLE';

export interface DatasetUser {
  /** Stable key, referenced by annotations' `author`. */
  key: string;
  name: string;
  role: 'REVIEWER' | 'EDITOR' | 'ADMIN';
}

export interface DatasetSource {
  url: string;
  title: string;
  publisher: string;
  /** ISO 8601 date or date-time. */
  publishedAt: string | null;
  kind: 'OFFICIAL_RECORD' | 'NEWS_REPORT' | 'DATASET' | 'STATEMENT' | 'EXPERT' | 'OTHER';
}

export interface DatasetCitation {
  /** Must equal the `url` of a source in `sources`. */
  sourceUrl: string;
  stance: 'SUPPORTS' | 'REFUTES' | 'CONTEXT';
  /** The exact words of the source relied on. */
  excerpt: string;
}

export interface DatasetAnnotation {
  /** Key of a user in `users`. */
  author: string;
  verdict: DatasetVerdict;
  summary: string;
  body: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'RETRACTED';
  publishedAt: string | null;
  citations: DatasetCitation[];
}

export interface DatasetClaim {
  /** Stable external key, unique within the dataset. */
  key: string;
  /** Verbatim text of the article body. */
  quote: string;
  /** Picks one of several occurrences of `quote` (1-based); needed only when the quote repeats. */
  occurrence?: number;
  claimant: string | null;
  annotations: DatasetAnnotation[];
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
  claims: DatasetClaim[];
}

export interface Dataset {
  users: DatasetUser[];
  sources: DatasetSource[];
  articles: DatasetArticle[];
}
