import { validate, type ValidationError } from 'class-validator';
import { clean, textProblem, type TextRule } from '../../graphql/text-rules';
import { CitationInput, CreateAnnotationInput, RetractAnnotationInput } from '../annotation/annotation.inputs';
import { Stance } from '../annotation/citation.entity';
import { VERDICTS } from '../annotation/verdict';
import { ArticleStatus } from '../article/article.entity';
import { CreateArticleInput } from '../article/article.inputs';
import { CreateClaimInput } from '../claim/claim.inputs';
import { ClaimantKind } from '../claimant/claimant.entity';
import { CreateClaimantInput } from '../claimant/claimant.inputs';
import { isClaimantSlug, isWikidataId, nameKeyOf } from '../claimant/claimant-name';
import { SourceKind } from '../source/source.entity';
import { CreateSourceInput } from '../source/source.inputs';
import { CreateUserInput } from '../user/user.inputs';
import { Role } from '../user/user.entity';
import { AnnotationStatus } from '../annotation/annotation.entity';
import { AddClaimAppearanceInput, MAX_OUTSIDE_APPEARANCES } from '../appearance/appearance.inputs';
import { HttpUrlError, normalizeHttpUrl } from '../../graphql/http-url';
import { MAX_IMPORTED_RATING } from './claimreview-rating';
import { CreateTopicInput, MAX_TOPICS_PER_ITEM } from '../topic/topic.inputs';
import { isTopicSlug, topicNameKeyOf } from '../topic/topic-slug';
import { DatasetError } from './dataset.service';
import type {
  DatasetAnnotation,
  DatasetAppearance,
  DatasetArticle,
  DatasetCitation,
  DatasetClaim,
  DatasetClaimant,
  DatasetImportedRating,
  DatasetLine,
  DatasetPlace,
  DatasetSource,
  DatasetTopic,
  DatasetUser,
} from './dataset.types';

/** External ids: the `external_id` columns hold 255 characters. */
const KEY_RULE: TextRule = { min: 1, max: 255 };
/** A date, or a date-time with its offset: without one, JavaScript would read the machine's local time. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

type Fields = Record<string, unknown>;

/** `claims[0].quote`, `article.slug`: where a problem is, as a reader of the line finds it. */
function at(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function fail(path: string, problem: string): never {
  throw new DatasetError(`${path}: ${problem}`);
}

function fields(value: unknown, path: string, known: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) fail(path, `unknown field "${unknown}"`);
  return value as Fields;
}

/** Required text, trimmed as the API stores it; text rules are checked by `apiRules`. */
function text(from: Fields, name: string, path: string): string {
  const value = from[name];
  if (typeof value !== 'string')
    fail(at(path, name), value === undefined || value === null ? 'is required' : 'must be text');
  return clean(value);
}

function optionalText(from: Fields, name: string, path: string): string | null {
  return from[name] === undefined || from[name] === null ? null : text(from, name, path);
}

function key(from: Fields, name: string, path: string): string {
  const value = text(from, name, path);
  const problem = textProblem(value, KEY_RULE);
  if (problem) fail(at(path, name), problem);
  return value;
}

function choice<T extends string>(from: Fields, name: string, path: string, values: readonly T[], fallback?: T): T {
  const value = from[name] ?? fallback;
  if (typeof value !== 'string' || !values.includes(value as T))
    fail(at(path, name), `must be one of ${values.join(', ')}`);
  return value as T;
}

function timestamp(from: Fields, name: string, path: string): string | null {
  const value = from[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !ISO_DATE.test(value.trim()) || Number.isNaN(Date.parse(value.trim())))
    fail(at(path, name), 'must be an ISO 8601 date (a time needs Z or an offset)');
  return value.trim();
}

function list<T>(from: Fields, name: string, path: string, item: (value: unknown, at: string) => T): T[] {
  const value = from[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(at(path, name), 'must be a list');
  return value.map((entry, index) => item(entry, `${at(path, name)}[${index}]`));
}

function readUser(value: unknown, path: string): DatasetUser {
  const from = fields(value, path, ['key', 'name', 'role']);
  return {
    key: key(from, 'key', path),
    name: text(from, 'name', path),
    role: choice(from, 'role', path, Object.values(Role)),
  };
}

function readSource(value: unknown, path: string): DatasetSource {
  const from = fields(value, path, ['url', 'title', 'publisher', 'publishedAt', 'kind', 'accessedAt']);
  return {
    url: text(from, 'url', path),
    title: text(from, 'title', path),
    publisher: optionalText(from, 'publisher', path),
    publishedAt: timestamp(from, 'publishedAt', path),
    kind: choice(from, 'kind', path, Object.values(SourceKind)),
    accessedAt: timestamp(from, 'accessedAt', path),
  };
}

function readClaimant(value: unknown, path: string): DatasetClaimant {
  const from = fields(value, path, ['name', 'slug', 'kind', 'description', 'wikidataId', 'aliases']);
  const claimant: DatasetClaimant = {
    name: text(from, 'name', path),
    kind: choice(from, 'kind', path, Object.values(ClaimantKind), ClaimantKind.PERSON),
    description: optionalText(from, 'description', path),
    wikidataId: optionalText(from, 'wikidataId', path),
    aliases: list(from, 'aliases', path, (alias, where) => {
      if (typeof alias !== 'string') fail(where, 'must be text');
      return clean(alias);
    }),
  };
  if (claimant.wikidataId !== null && !isWikidataId(claimant.wikidataId))
    fail(at(path, 'wikidataId'), 'must be "Q" and a number without leading zeros, such as "Q6279"');
  const slug = optionalText(from, 'slug', path);
  if (slug !== null) {
    if (!isClaimantSlug(slug))
      fail(at(path, 'slug'), 'must be lower-case letters, digits and single hyphens, at most 80 characters');
    claimant.slug = slug;
  }
  return claimant;
}

const TOPIC_SLUG_FORM = 'must be a topic slug: lower-case letters, digits and single hyphens, at most 80 characters';

function readTopic(value: unknown, path: string): DatasetTopic {
  const from = fields(value, path, ['slug', 'name', 'description']);
  const slug = text(from, 'slug', path);
  if (!isTopicSlug(slug)) fail(at(path, 'slug'), TOPIC_SLUG_FORM);
  return { slug, name: text(from, 'name', path), description: optionalText(from, 'description', path) };
}

/** An article's or a claim's filing: slugs of topics, each once, at most as many as the API files. */
function topicSlugs(from: Fields, path: string): string[] {
  const slugs = list(from, 'topics', path, (slug, where) => {
    if (typeof slug !== 'string') fail(where, 'must be text (a topic slug)');
    const trimmed = slug.trim();
    if (!isTopicSlug(trimmed)) fail(where, TOPIC_SLUG_FORM);
    return trimmed;
  });
  if (slugs.length > MAX_TOPICS_PER_ITEM) fail(at(path, 'topics'), `at most ${MAX_TOPICS_PER_ITEM} topics`);
  const twice = slugs.findIndex((slug, index) => slugs.indexOf(slug) !== index);
  if (twice !== -1) fail(`${at(path, 'topics')}[${twice}]`, `the topic "${slugs[twice]}" is listed twice`);
  return slugs;
}

function readCitation(value: unknown, path: string): DatasetCitation {
  const from = fields(value, path, ['sourceUrl', 'stance', 'excerpt']);
  return {
    sourceUrl: text(from, 'sourceUrl', path),
    stance: choice(from, 'stance', path, Object.values(Stance)),
    excerpt: text(from, 'excerpt', path),
  };
}

function ratingNumber(from: Fields, name: string, path: string): number | null {
  const value = from[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e9)
    fail(at(path, name), 'must be a finite number, at most 1e9 either way');
  return value;
}

/** A publisher's own rating: its words, and a number inside its best..worst range or no numbers at all. */
function readImportedRating(value: unknown, path: string): DatasetImportedRating {
  const from = fields(value, path, ['name', 'value', 'best', 'worst']);
  const name = text(from, 'name', path);
  const problem = textProblem(name, { min: 1, max: MAX_IMPORTED_RATING });
  if (problem) fail(at(path, 'name'), problem);
  const numbers = {
    value: ratingNumber(from, 'value', path),
    best: ratingNumber(from, 'best', path),
    worst: ratingNumber(from, 'worst', path),
  };
  const given = Object.values(numbers).filter((n) => n !== null).length;
  if (given === 0) return { name, ...numbers };
  const { value: n, best, worst } = numbers;
  if (n === null || best === null || worst === null) fail(path, 'give value, best and worst together, or none');
  if (best === worst || n < Math.min(best, worst) || n > Math.max(best, worst))
    fail(at(path, 'value'), 'must lie between worst and best, which differ');
  return { name, value: n, best, worst };
}

function readAnnotation(value: unknown, path: string): DatasetAnnotation {
  const from = fields(value, path, [
    'key',
    'author',
    'verdict',
    'summary',
    'body',
    'status',
    'publishedAt',
    'retractedAt',
    'retractionReason',
    'citations',
    'importedRating',
  ]);
  const status = choice(from, 'status', path, Object.values(AnnotationStatus));
  const annotation: DatasetAnnotation = {
    ...(from.key === undefined ? {} : { key: key(from, 'key', path) }),
    author: text(from, 'author', path),
    verdict: choice(from, 'verdict', path, VERDICTS),
    summary: text(from, 'summary', path),
    body: from.body === undefined ? '' : text(from, 'body', path),
    status,
    publishedAt: timestamp(from, 'publishedAt', path),
    citations: list(from, 'citations', path, readCitation),
  };
  if (from.importedRating != null)
    annotation.importedRating = readImportedRating(from.importedRating, at(path, 'importedRating'));
  if (status === AnnotationStatus.RETRACTED) {
    annotation.retractedAt = timestamp(from, 'retractedAt', path);
    annotation.retractionReason = text(from, 'retractionReason', path);
  } else if (from.retractedAt != null || from.retractionReason != null) {
    fail(path, 'retractedAt and retractionReason are only for RETRACTED fact-checks');
  }
  if (annotation.publishedAt !== null && (status === AnnotationStatus.DRAFT || status === AnnotationStatus.IN_REVIEW)) {
    fail(at(path, 'publishedAt'), `a ${status} fact-check has not been published`);
  }
  return annotation;
}

function seconds(from: Fields, name: string, path: string): number | null {
  const value = from[name];
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 0) fail(at(path, name), 'must be a whole number, 0 or more');
  return value as number;
}

function readPlace(value: unknown, path: string): DatasetPlace {
  const from = fields(value, path, [
    'url',
    'title',
    'publisher',
    'appearedAt',
    'startSeconds',
    'endSeconds',
    'addedBy',
  ]);
  const place: DatasetPlace = {
    url: text(from, 'url', path),
    title: optionalText(from, 'title', path),
    publisher: optionalText(from, 'publisher', path),
    appearedAt: timestamp(from, 'appearedAt', path),
    startSeconds: seconds(from, 'startSeconds', path),
    endSeconds: seconds(from, 'endSeconds', path),
  };
  if (place.startSeconds !== null && place.endSeconds !== null && place.endSeconds < place.startSeconds)
    fail(at(path, 'endSeconds'), 'must be at least startSeconds');
  const addedBy = optionalText(from, 'addedBy', path);
  if (addedBy !== null) place.addedBy = addedBy;
  return place;
}

function readClaim(value: unknown, path: string): DatasetClaim {
  const from = fields(value, path, [
    'key',
    'quote',
    'occurrence',
    'text',
    'language',
    'claimant',
    'annotations',
    'places',
    'topics',
  ]);
  const claim: DatasetClaim = {
    key: key(from, 'key', path),
    quote: text(from, 'quote', path),
    claimant: optionalText(from, 'claimant', path),
    annotations: list(from, 'annotations', path, readAnnotation),
  };
  if (from.occurrence !== undefined && from.occurrence !== null) {
    if (!Number.isInteger(from.occurrence)) fail(at(path, 'occurrence'), 'must be a whole number');
    claim.occurrence = from.occurrence as number;
  }
  const words = optionalText(from, 'text', path);
  if (words !== null) claim.text = words;
  const language = optionalText(from, 'language', path);
  if (language !== null) claim.language = language;
  const places = list(from, 'places', path, readPlace);
  if (places.length > 0) claim.places = places;
  const topics = topicSlugs(from, path);
  if (topics.length > 0) claim.topics = topics;
  return claim;
}

function occurrence(from: Fields, path: string): number | undefined {
  if (from.occurrence === undefined || from.occurrence === null) return undefined;
  if (!Number.isInteger(from.occurrence)) fail(at(path, 'occurrence'), 'must be a whole number');
  return from.occurrence as number;
}

function readAppearance(value: unknown, path: string): DatasetAppearance {
  const from = fields(value, path, ['placeOf', 'quote', 'occurrence']);
  const appearance: DatasetAppearance = { placeOf: key(from, 'placeOf', path), quote: text(from, 'quote', path) };
  const which = occurrence(from, path);
  if (which !== undefined) appearance.occurrence = which;
  return appearance;
}

/** The url as stored (normalised), or a problem naming where it is. */
export function placeUrl(raw: string, path: string): string {
  try {
    return normalizeHttpUrl(raw);
  } catch (error) {
    if (error instanceof HttpUrlError) fail(at(path, 'url'), error.message);
    throw error;
  }
}

function readArticle(value: unknown, path: string): DatasetArticle {
  const from = fields(value, path, [
    'slug',
    'headline',
    'standfirst',
    'body',
    'authors',
    'section',
    'language',
    'url',
    'publishedAt',
    'status',
    'topics',
    'claims',
    'appearances',
  ]);
  const appearances = list(from, 'appearances', path, readAppearance);
  const topics = topicSlugs(from, path);
  return {
    slug: text(from, 'slug', path),
    headline: text(from, 'headline', path),
    standfirst: optionalText(from, 'standfirst', path),
    body: text(from, 'body', path),
    authors: list(from, 'authors', path, (name, where) => {
      if (typeof name !== 'string') fail(where, 'must be text');
      return clean(name);
    }),
    section: optionalText(from, 'section', path),
    language: from.language === undefined ? 'en' : text(from, 'language', path),
    url: optionalText(from, 'url', path),
    publishedAt: timestamp(from, 'publishedAt', path),
    status: choice(from, 'status', path, Object.values(ArticleStatus)),
    ...(topics.length > 0 ? { topics } : {}),
    claims: list(from, 'claims', path, readClaim),
    ...(appearances.length > 0 ? { appearances } : {}),
  };
}

/** The first problem class-validator finds, as `path: message`. */
function firstProblem(errors: ValidationError[], path: string): string | null {
  for (const error of errors) {
    if (error.constraints) return `${path}: ${Object.values(error.constraints)[0]}`;
    const where = /^\d+$/.test(error.property) ? `${path}[${error.property}]` : at(path, error.property);
    const nested = firstProblem(error.children ?? [], where);
    if (nested) return nested;
  }
  return null;
}

async function check(input: object, path: string): Promise<void> {
  // As the API validates: schema.ts's options, and type-graphql's skipMissingProperties.
  const problem = firstProblem(
    await validate(input, { forbidUnknownValues: false, skipMissingProperties: true }),
    path,
  );
  if (problem) throw new DatasetError(problem);
}

/** The API's own input rules (text limits, slug and language forms, list sizes), so an import stores nothing the API would refuse. */
async function apiRules(line: DatasetLine): Promise<void> {
  const { article } = line;
  for (const [index, user] of line.users.entries())
    await check(Object.assign(new CreateUserInput(), { name: user.name, role: user.role }), `users[${index}]`);
  for (const [index, claimant] of line.claimants.entries()) {
    await check(
      Object.assign(new CreateClaimantInput(), {
        name: claimant.name,
        aliases: claimant.aliases,
        description: claimant.description,
        wikidataId: claimant.wikidataId,
      }),
      `claimants[${index}]`,
    );
  }
  for (const [index, topic] of (line.topics ?? []).entries())
    await check(
      Object.assign(new CreateTopicInput(), { name: topic.name, description: topic.description }),
      `topics[${index}]`,
    );
  for (const [index, source] of line.sources.entries()) {
    await check(
      Object.assign(new CreateSourceInput(), {
        url: source.url,
        title: source.title,
        publisher: source.publisher,
        kind: source.kind,
      }),
      `sources[${index}]`,
    );
  }
  const {
    claims: _claims,
    appearances: _appearances,
    topics: _topics,
    status: _status,
    publishedAt: _publishedAt,
    ...fieldsOfArticle
  } = article;
  await check(Object.assign(new CreateArticleInput(), fieldsOfArticle), 'article');
  for (const [c, claim] of article.claims.entries()) {
    const where = `article.claims[${c}]`;
    await check(
      Object.assign(new CreateClaimInput(), {
        quote: claim.quote,
        claimant: claim.claimant,
        occurrence: claim.occurrence,
        text: claim.text,
        language: claim.language,
      }),
      where,
    );
    const places = claim.places ?? [];
    if (places.length > MAX_OUTSIDE_APPEARANCES)
      fail(at(where, 'places'), `a claim lists at most ${MAX_OUTSIDE_APPEARANCES} places`);
    const urls = new Set<string>();
    for (const [p, place] of places.entries()) {
      const path = `${where}.places[${p}]`;
      await check(
        Object.assign(new AddClaimAppearanceInput(), {
          url: place.url,
          title: place.title,
          publisher: place.publisher,
          startSeconds: place.startSeconds,
          endSeconds: place.endSeconds,
        }),
        path,
      );
      const url = placeUrl(place.url, path);
      if (urls.has(url)) fail(at(path, 'url'), 'the claim lists this place twice');
      urls.add(url);
      if (place.addedBy === undefined && claim.annotations.length === 0)
        fail(at(path, 'addedBy'), 'is required when the claim has no fact-check');
    }
    for (const [n, annotation] of claim.annotations.entries()) {
      const citations = annotation.citations.map((citation) =>
        Object.assign(new CitationInput(), { stance: citation.stance, excerpt: citation.excerpt }),
      );
      await check(
        Object.assign(new CreateAnnotationInput(), {
          verdict: annotation.verdict,
          summary: annotation.summary,
          body: annotation.body,
          citations,
        }),
        `${where}.annotations[${n}]`,
      );
      if (annotation.retractionReason !== undefined)
        await check(
          Object.assign(new RetractAnnotationInput(), { reason: annotation.retractionReason }),
          `${where}.annotations[${n}]`,
        );
    }
  }
}

/** A further place's words follow a claim's quote rules; what it is a place of is a claim key. */
async function appearanceRules(article: DatasetArticle): Promise<void> {
  for (const [index, appearance] of (article.appearances ?? []).entries())
    await check(
      Object.assign(new CreateClaimInput(), { quote: appearance.quote, occurrence: appearance.occurrence }),
      `article.appearances[${index}]`,
    );
}

function unique(keys: string[], what: string): void {
  const seen = new Set<string>();
  for (const value of keys) {
    if (seen.has(value)) throw new DatasetError(`${what} "${value}" occurs twice in the line`);
    seen.add(value);
  }
}

/**
 * Checks one parsed ndjson line against the format (dataset.types.ts) and the API's input
 * rules; returns it with text trimmed and optional fields filled in. Throws DatasetError
 * naming the first problem.
 */
export async function parseDatasetLine(value: unknown): Promise<DatasetLine> {
  const from = fields(value, 'the line', ['article', 'claimants', 'topics', 'sources', 'users']);
  if (from.article === undefined) fail('article', 'is required');
  const topics = list(from, 'topics', '', readTopic);
  const line: DatasetLine = {
    article: readArticle(from.article, 'article'),
    claimants: list(from, 'claimants', '', readClaimant),
    ...(topics.length > 0 ? { topics } : {}),
    sources: list(from, 'sources', '', readSource),
    users: list(from, 'users', '', readUser),
  };
  // Two records of one topic (by slug, or by name as the API compares names) would leave which one counts to the order.
  const topicNames = new Map<string, string>();
  topics.forEach(({ slug, name }, index) => {
    if (topics.findIndex((other) => other.slug === slug) !== index)
      fail(`topics[${index}].slug`, `the topic "${slug}" occurs twice in the line`);
    const other = topicNames.get(topicNameKeyOf(name));
    if (other !== undefined)
      fail(
        `topics[${index}].name`,
        `"${name}" and "${other}" are one topic (names are compared ignoring case and spaces)`,
      );
    topicNames.set(topicNameKeyOf(name), name);
  });
  // Two records of one claimant would leave which one counts to the order of the list.
  const names = new Map<string, string>();
  for (const { name } of line.claimants) {
    const other = names.get(nameKeyOf(name));
    if (other !== undefined)
      throw new DatasetError(
        other === name
          ? `claimant "${name}" occurs twice in the line`
          : `claimants "${other}" and "${name}" are one claimant (names are compared ignoring case and spaces)`,
      );
    names.set(nameKeyOf(name), name);
  }
  unique(
    line.users.map((user) => user.key),
    'user key',
  );
  unique(
    line.article.claims.map((claim) => claim.key),
    'claim key',
  );
  unique(
    line.article.claims.flatMap((claim) =>
      claim.annotations.flatMap((annotation) => (annotation.key === undefined ? [] : [annotation.key])),
    ),
    'fact-check key',
  );
  await apiRules(line);
  await appearanceRules(line.article);
  return line;
}
