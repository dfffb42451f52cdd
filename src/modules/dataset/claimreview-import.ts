import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { execute, executeOne } from '../../db/sql';
import { LIMITS, textProblem } from '../../graphql/text-rules';
import { MAX_ALIASES } from '../claimant/claimant.inputs';
import { isWikidataId, nameKeyOf } from '../claimant/claimant-name';
import { claimantByNameKey } from '../claimant/claimant.queries';
import { MAX_OUTSIDE_APPEARANCES } from '../appearance/appearance.inputs';
import { liveOutsideUrlsOfClaim } from '../appearance/appearance.queries';
import { claimTextKey } from '../matching/sentence-key';
import { Verdict } from '../annotation/verdict';
import { httpUrlOrNull } from '../../graphql/http-url';
import { importedRatingMappingByKey, insertImportedRatingMapping, ratingScale } from '../rating/rating.queries';
import {
  DEFAULT_SCALE_ENTRIES,
  type ImportedRating,
  importedRatingKey,
  importedRatingOf,
  importedVerdict,
  type RatingInput,
  type ScaleEntry,
} from './claimreview-rating';
import { articleSlugByClaimKey, claimsByTextKey, unattributedClaimsByTextKey } from './dataset.queries';
import { CLAIMREVIEW_KEY_PREFIX, DatasetError } from './dataset.service';
import type {
  DatasetAnnotation,
  DatasetCitation,
  DatasetClaimant,
  DatasetLine,
  DatasetPlace,
  DatasetSource,
  DatasetUser,
} from './dataset.types';
import { parseDatasetLine } from './dataset-validation';

/**
 * ClaimReview records (schema.org ClaimReview JSON-LD, or the Google Fact Check Tools API's
 * `{claims: [...]}`) as dataset lines: each reviewed claim becomes a published article whose
 * body is the claim's text, the claim, and one published fact-check per review, and each place
 * the record says it appeared (`itemReviewed.appearance`, `firstAppearance`) a place outside
 * factline. Records of one claim (one claimant, the same words whatever their case, spacing,
 * quotes or punctuation) are one claim: a record of a claim already stored, by this file or an
 * earlier one, adds its fact-checks and places to it.
 */

/** A claim and its reviews, the shape both input formats reduce to. */
export interface ReviewedClaim {
  text: string;
  claimant: string | null;
  /** What the record says of the claimant beyond the name (a schema.org `author`); absent: a person. */
  claimantRecord?: ClaimantRecord;
  claimDate: string | null;
  appearance: { url: string | null; headline: string | null; datePublished: string | null } | null;
  /** Every place the record says the claim appeared, as given (checked when it becomes a line). */
  places?: Appearance[];
  reviews: Review[];
}

interface Appearance {
  url: string | null;
  headline: string | null;
  publisher: string | null;
  datePublished: string | null;
}

interface Review {
  url: string;
  title: string | null;
  description: string | null;
  publisher: string | null;
  date: string | null;
  language: string | null;
  rating: RatingInput;
}

/** A claimant as a ClaimReview `author` describes them. */
export interface ClaimantRecord {
  kind: DatasetClaimant['kind'];
  wikidataId: string | null;
  aliases: string[];
}

/** One record of the document, not yet read: a bad record fails alone. */
export interface ClaimReviewRecord {
  format: 'fact-check-tools' | 'schema.org';
  value: unknown;
}

/** Same form as CreateArticleInput's language rule; anything else falls back to "en". */
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const SLUG_BASE_LENGTH = 80;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

function str(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function nameOf(value: unknown): string | null {
  const one = first(value);
  return isObject(one) ? str(one.name) : str(one);
}

function urlOf(value: unknown): string | null {
  const one = first(value);
  return isObject(one) ? (str(one.url) ?? str(one['@id'])) : str(one);
}

/** schema.org's Organization and the kinds of it a fact-checker is likely to name as a claim's author. */
const ORGANIZATION_TYPES = new Set([
  'Organization',
  'Corporation',
  'GovernmentOrganization',
  'NGO',
  'NewsMediaOrganization',
  'PoliticalParty',
  'EducationalOrganization',
  'MedicalOrganization',
  'ResearchOrganization',
  'SportsOrganization',
  'WorkersUnion',
  'LocalBusiness',
]);

const WIKIDATA_HOSTS = new Set(['www.wikidata.org', 'wikidata.org', 'm.wikidata.org']);

/** "https://www.wikidata.org/wiki/Q42" (or the entity uri, .../entity/Q42) -> "Q42"; else null. */
export function wikidataIdOfUrl(value: unknown): string | null {
  const text = str(value);
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || !WIKIDATA_HOSTS.has(url.hostname)) return null;
  const id = /^\/(?:wiki|entity)\/(Q\d+)$/.exec(url.pathname)?.[1];
  return id !== undefined && isWikidataId(id) ? id : null;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The claimant of a schema.org `author`: an Organization (or a kind of one) is an organisation,
 * anyone else a person; `sameAs` a Wikidata item gives its id; `alternateName`s are other names.
 * Leniently, as dates: what the service could not store (an alias too long, say) is dropped.
 */
function claimantRecordOf(author: unknown): ClaimantRecord | undefined {
  if (!isObject(author)) return undefined;
  const types = list(author['@type']).map((type) => String(type).replace(/^.*[/:#]/, ''));
  const aliases = list(author.alternateName)
    .map(str)
    .filter((alias): alias is string => alias !== null && textProblem(alias, LIMITS.name) === null)
    .slice(0, MAX_ALIASES);
  return {
    kind: types.some((type) => ORGANIZATION_TYPES.has(type)) ? 'ORGANIZATION' : 'PERSON',
    wikidataId:
      list(author.sameAs)
        .map(wikidataIdOfUrl)
        .find((id) => id !== null) ?? null,
    aliases,
  };
}

/**
 * Dates are taken leniently: a date the publisher wrote badly is dropped, not fatal; a
 * date-time without an offset is read as UTC, not as this machine's local time.
 */
function isoDate(value: unknown): string | null {
  const text = str(value);
  if (text === null) return null;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

const folded = (text: string | null) => (text ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function safeUrl(url: string): string {
  return httpUrlOrNull(url) ?? url;
}

/** The records of a ClaimReview document; throws when the document is neither format. */
export function claimReviewRecords(document: unknown): ClaimReviewRecord[] {
  if (Array.isArray(document)) return document.map((value) => ({ format: 'schema.org', value }));
  if (isObject(document) && Array.isArray(document.claims))
    return document.claims.map((value) => ({ format: 'fact-check-tools', value }));
  if (isObject(document) && document['@type'] === 'ClaimReview') return [{ format: 'schema.org', value: document }];
  throw new DatasetError(
    'expected a JSON array of ClaimReview objects, one ClaimReview, or {"claims": [...]} as the Fact Check Tools API returns',
  );
}

function fromFactCheckTools(value: Json): ReviewedClaim {
  const reviews = (Array.isArray(value.claimReview) ? value.claimReview : []).filter(isObject).map((review, index) => ({
    url: requireUrl(review.url, index),
    title: str(review.title),
    description: null,
    publisher: nameOf(review.publisher) ?? str(isObject(review.publisher) ? review.publisher.site : null),
    date: isoDate(review.reviewDate),
    language: str(review.languageCode),
    rating: { textualRating: review.textualRating },
  }));
  return {
    text: str(value.text) ?? '',
    claimant: str(value.claimant),
    claimDate: isoDate(value.claimDate),
    appearance: null,
    reviews,
  };
}

function appearanceOf(value: unknown): Appearance {
  return {
    url: urlOf(value),
    headline: isObject(value) ? (str(value.headline) ?? str(value.name)) : null,
    publisher: isObject(value) ? nameOf(value.publisher) : null,
    datePublished: isObject(value) ? isoDate(value.datePublished) : null,
  };
}

function fromSchemaOrg(value: Json): ReviewedClaim {
  const item = isObject(first(value.itemReviewed)) ? (first(value.itemReviewed) as Json) : {};
  const appearance = first(item.appearance ?? item.firstAppearance);
  const rating = isObject(first(value.reviewRating)) ? (first(value.reviewRating) as Json) : {};
  return {
    text: str(value.claimReviewed) ?? str(item.text) ?? str(item.name) ?? '',
    claimant: nameOf(item.author),
    claimantRecord: claimantRecordOf(first(item.author)),
    claimDate: isoDate(item.datePublished),
    appearance:
      appearance === undefined
        ? null
        : {
            url: urlOf(appearance),
            headline: isObject(appearance) ? (str(appearance.headline) ?? str(appearance.name)) : null,
            datePublished: isObject(appearance) ? isoDate(appearance.datePublished) : null,
          },
    places: [...list(item.appearance), ...list(item.firstAppearance)].map(appearanceOf),
    reviews: [
      {
        url: requireUrl(value.url, 0),
        title: str(value.name) ?? str(value.headline),
        description: str(value.description),
        publisher: nameOf(value.author) ?? nameOf(value.publisher),
        date: isoDate(value.datePublished),
        language: str(value.inLanguage),
        rating: {
          textualRating: rating.alternateName ?? rating.name,
          ratingValue: rating.ratingValue,
          bestRating: rating.bestRating,
          worstRating: rating.worstRating,
        },
      },
    ],
  };
}

function requireUrl(value: unknown, index: number): string {
  const url = str(value);
  if (!url) throw new DatasetError(`review ${index + 1} has no url`);
  return url;
}

export function readReviewedClaim(record: ClaimReviewRecord): ReviewedClaim {
  if (!isObject(record.value)) throw new DatasetError('must be an object');
  const claim = record.format === 'fact-check-tools' ? fromFactCheckTools(record.value) : fromSchemaOrg(record.value);
  if (!claim.text) throw new DatasetError('the claim has no text');
  if (claim.reviews.length === 0) throw new DatasetError('the claim has no review');
  return claim;
}

/** "https://www.example.org/fact-check/2021/x.html" -> "example-org-fact-check-2021-x-html". */
export function slugBase(url: string): string {
  let text = url;
  try {
    const parsed = new URL(url);
    text = `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname}`;
  } catch {
    // Not a url: its words will do.
  }
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = words.length <= SLUG_BASE_LENGTH ? words : words.slice(0, SLUG_BASE_LENGTH).replace(/-[^-]*$/, '');
  return base || 'claim';
}

/**
 * The key a new claim of these words and claimant is stored under, whatever the review or the
 * dump. Records of one claim may still differ in it (quotes, punctuation): claimReviewLine finds
 * their claim by its words (claims.text_key) too.
 */
export function claimKeyOf(claim: Pick<ReviewedClaim, 'text' | 'claimant'>): string {
  return `${CLAIMREVIEW_KEY_PREFIX}${digest(`${folded(claim.text)}\n${folded(claim.claimant)}`, 24)}`;
}

/**
 * The places of a record as a line lists them: an http(s) url (stored normalised, so one url is
 * one place) with what the record says of it. Leniently, as dates: a place the service could
 * not store (a bad url) is dropped, a title or publisher too long is cut, one it could not store
 * at all is dropped.
 */
function placesOf(claim: ReviewedClaim): DatasetPlace[] {
  const places = new Map<string, DatasetPlace>();
  for (const appearance of claim.places ?? []) {
    const url = httpUrlOrNull(appearance.url);
    if (url === null || url.length > LIMITS.url.max || places.has(url)) continue;
    places.set(url, {
      url,
      title: fitting(appearance.headline, LIMITS.title),
      publisher: fitting(appearance.publisher, LIMITS.name),
      appearedAt: appearance.datePublished,
      startSeconds: null,
      endSeconds: null,
    });
  }
  // A new claim may list no more (a stored one, no more than it has room for: claimReviewLine).
  return [...places.values()].slice(0, MAX_OUTSIDE_APPEARANCES);
}

function fitting(text: string | null, rule: { max: number; min: number }): string | null {
  if (text === null) return null;
  const short = cut(text, rule.max);
  return textProblem(short, rule) === null ? short : null;
}

/** A review's rating as its fact-check keeps it: the publisher's own, and the verdict it stands for. */
export interface ReviewRating {
  imported: ImportedRating | null;
  verdict: Verdict;
}

/** A review's rating by the exact rules against the default scale alone (no ADMIN's table). */
function defaultReviewRating(review: Review): ReviewRating {
  const imported = importedRatingOf(review.rating);
  return { imported, verdict: importedVerdict(imported, null, DEFAULT_SCALE_ENTRIES).verdict };
}

/** The publisher's own rating, kept first in the body whatever verdict it became. */
function reviewBody(review: Review, original: string | null, summary: string): string {
  const lines = [`Original rating: ${original ?? 'none given'}`];
  if (review.publisher) lines.push(`Reviewed by: ${review.publisher}`);
  lines.push(`Review: ${review.url}`);
  const text = lines.join('\n');
  return review.description && review.description !== summary
    ? cut(`${text}\n\n${review.description}`, LIMITS.body.max)
    : text;
}

function stanceOf(verdict: Verdict): DatasetCitation['stance'] {
  if (verdict === Verdict.TRUE || verdict === Verdict.MOSTLY_TRUE) return 'SUPPORTS';
  if (verdict === Verdict.FALSE || verdict === Verdict.MOSTLY_FALSE) return 'REFUTES';
  return 'CONTEXT';
}

/** A claim stored already that a record is about: its key and article. */
export interface StoredClaimMatch {
  id: number;
  key: string;
  slug: string;
}

/**
 * One article per reviewed claim: url = the claim's appearance (else the first review), slug
 * from that url plus a hash of the claim, so every claim has its own; body = the claim's text.
 * A record of a claim already stored (`stored`) names that claim and its article instead; its
 * fact-checks are keyed by the claim's key and their review's url, so a review of the claim
 * given by two records is one fact-check.
 */
export function toDatasetLine(
  claim: ReviewedClaim,
  stored?: StoredClaimMatch,
  ratings: readonly ReviewRating[] = claim.reviews.map(defaultReviewRating),
): DatasetLine {
  const key = stored?.key ?? claimKeyOf(claim);
  const [firstReview] = claim.reviews;
  // Where the claim appeared, else the first review: an address that is not http(s) is dropped.
  const articleUrl = httpUrlOrNull(claim.appearance?.url) ?? httpUrlOrNull(firstReview.url);
  const language =
    [firstReview.language, ...claim.reviews.map((review) => review.language)].find((tag) => tag && BCP47.test(tag)) ??
    'en';
  const users = new Map<string, DatasetUser>();
  const sources = new Map<string, DatasetSource>();
  const annotations: DatasetAnnotation[] = claim.reviews.map((review, index) => {
    const { imported, verdict } = ratings[index];
    const original = imported?.name ?? null;
    const publisher = cut(review.publisher ?? safeHost(review.url), LIMITS.name.max);
    users.set(publisher, { key: publisher, name: publisher, role: 'REVIEWER' });
    const title = review.title ? cut(review.title, LIMITS.title.max) : `Fact-check by ${publisher}`;
    sources.set(safeUrl(review.url), {
      url: review.url,
      title,
      publisher,
      publishedAt: review.date,
      kind: 'NEWS_REPORT',
    });
    const summary = cut(
      review.title ?? review.description ?? `${publisher} ${original ? `rated it “${original}”` : 'reviewed it'}.`,
      LIMITS.summary.max,
    );
    return {
      // The review's url as given: normalising would drop the #fragment some feeds tell reviews apart by.
      key: `${key}:${digest(review.url, 16)}`,
      author: publisher,
      verdict,
      summary,
      body: reviewBody(review, original, summary),
      status: 'PUBLISHED',
      publishedAt: review.date,
      citations: [
        {
          sourceUrl: review.url,
          stance: stanceOf(verdict),
          excerpt: cut(original ?? title, LIMITS.excerpt.max),
        },
      ],
      ...(imported ? { importedRating: imported } : {}),
    };
  });
  const claimant = claimantNameOf(claim);
  const places = placesOf(claim);
  // A claimant already stored keeps its record: the import matches it by name and changes nothing.
  const claimants: DatasetClaimant[] =
    claimant === null
      ? []
      : [
          {
            name: claimant,
            kind: claim.claimantRecord?.kind ?? 'PERSON',
            description: null,
            wikidataId: claim.claimantRecord?.wikidataId ?? null,
            aliases: claim.claimantRecord?.aliases ?? [],
          },
        ];
  return {
    article: {
      slug:
        stored?.slug ??
        `${slugBase(articleUrl ?? claim.text)}-${key.slice(CLAIMREVIEW_KEY_PREFIX.length, CLAIMREVIEW_KEY_PREFIX.length + 8)}`,
      headline: cut(claim.appearance?.headline ?? firstReview.title ?? claim.text, LIMITS.headline.max),
      standfirst: null,
      body: claim.text,
      authors: [],
      section: null,
      language,
      url: articleUrl,
      publishedAt: claim.appearance?.datePublished ?? claim.claimDate,
      status: 'PUBLISHED',
      claims: [{ key, quote: claim.text, claimant, annotations, ...(places.length > 0 ? { places } : {}) }],
    },
    claimants,
    sources: [...sources.values()],
    users: [...users.values()],
  };
}

/** The name the line gives the claimant (cut to what the service stores). */
function claimantNameOf(claim: ReviewedClaim): string | null {
  return claim.claimant ? cut(claim.claimant, LIMITS.name.max) : null;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown publisher';
  }
}

/**
 * The claim stored already that a record is about, if any: first by the record's own key (what
 * imports before claims were keyed by their words matched on), then by its words and claimant,
 * through IDX_claims_text_key: the claimant the line will name (a stored one, by name key as
 * claimant records are matched) and the same words (claimTextKey). A live claim before a deleted
 * one, then the oldest; a deleted one stays deleted, and the record adds nothing to it.
 */
async function storedClaimOf(manager: EntityManager, claim: ReviewedClaim): Promise<StoredClaimMatch | undefined> {
  const key = claimKeyOf(claim);
  const keyed = await executeOne(manager, articleSlugByClaimKey, { key });
  if (keyed) return { id: keyed.id, key, slug: keyed.slug };
  const textKey = claimTextKey(claim.text);
  // Words with no letter or digit are matched by the record's key alone.
  if (textKey === null) return undefined;
  const name = claimantNameOf(claim);
  let rows;
  if (name === null) rows = await execute(manager, unattributedClaimsByTextKey, { textKey });
  else {
    const claimant = await executeOne(manager, claimantByNameKey, { nameKey: nameKeyOf(name) });
    // A claimant not stored yet has no claims.
    if (!claimant) return undefined;
    rows = await execute(manager, claimsByTextKey, { textKey, claimantId: claimant.id });
  }
  const row = rows.find((candidate) => candidate.deletedAt === null) ?? rows[0];
  return row && { id: row.id, key: row.key, slug: row.slug };
}

/**
 * The dataset line of one record, inside the import's transaction: a claim already imported
 * (by another record of it, maybe from another dump) keeps its article, whatever url names
 * this review, and gains the places it does not list yet, as many as a claim may list (more
 * are dropped, not fatal: the fact-checks still land). Checked by the same rules as an ndjson
 * line.
 */
export async function claimReviewLine(manager: EntityManager, record: ClaimReviewRecord): Promise<DatasetLine> {
  const claim = readReviewedClaim(record);
  const stored = await storedClaimOf(manager, claim);
  const ratings: ReviewRating[] = [];
  let scale: ScaleEntry[] | undefined;
  for (const review of claim.reviews) {
    const imported = importedRatingOf(review.rating);
    const key = imported ? importedRatingKey(imported.name) : '';
    const mapping = key ? await executeOne(manager, importedRatingMappingByKey, { ratingKey: key }) : undefined;
    scale ??= await execute(manager, ratingScale, {});
    const { verdict, from } = importedVerdict(imported, mapping?.verdict ?? null, scale);
    // Not guessed: listed for an ADMIN to map (unmappedImportedRatings), UNVERIFIABLE meanwhile.
    if (from === 'unmapped' && key && !mapping)
      await execute(manager, insertImportedRatingMapping, {
        ratingKey: key,
        alternateName: imported!.name,
        verdict: null,
      });
    ratings.push({ imported, verdict });
  }
  const line = toDatasetLine(claim, stored, ratings);
  const [lineClaim] = line.article.claims;
  if (stored && lineClaim.places) {
    const listed = new Set(
      (await execute(manager, liveOutsideUrlsOfClaim, { claimId: stored.id })).map((row) => row.url),
    );
    const places = lineClaim.places
      .filter((place) => !listed.has(place.url))
      .slice(0, Math.max(0, MAX_OUTSIDE_APPEARANCES - listed.size));
    if (places.length > 0) lineClaim.places = places;
    else delete lineClaim.places;
  }
  return parseDatasetLine(line);
}
