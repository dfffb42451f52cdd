import type { EntityManager } from 'typeorm';
import { LIMITS } from '../../graphql/text-rules';
import { AnchorError, locateQuote } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import { fromSqlDate, toSqlDate } from '../../db/sql-dates';
import { type AnnotationEntity, AnnotationStatus } from '../annotation/annotation.entity';
import { AnnotationChange, type CitationSnapshot } from '../annotation/annotation-revision.entity';
import { appendRevision, refreshClaimVerdict } from '../annotation/annotation-writes';
import type { Stance } from '../annotation/citation.entity';
import type { Verdict } from '../annotation/verdict';
import { type ArticleEntity, ArticleStatus } from '../article/article.entity';
import { insertClaim, insertClaimPlace } from '../claim/claim-anchors';
import { recordRevision } from '../article/article-edit.service';
import { recordStatusChange, stampWhatReadersSee } from '../article/reader-history';
import { insertCitation } from '../annotation/annotation.queries';
import { insertArticle } from '../article/article.queries';
import { insertSource, sourceIdByUrl } from '../source/source.queries';
import type { Role } from '../user/role';
import { insertUser } from '../user/user.queries';
import { MAX_ARTICLE_PLACES, MAX_OUTSIDE_APPEARANCES } from '../appearance/appearance.inputs';
import {
  furtherPlaceCount,
  insertOutsideAppearance,
  livePlacesInArticle,
  liveOutsideUrlsOfClaim,
} from '../appearance/appearance.queries';
import { HttpUrlError, normalizeHttpUrl } from '../../graphql/http-url';
import { aliasesOf, type ClaimantRef, insertClaimant } from '../claimant/claimant-writes';
import { ClaimantKind } from '../claimant/claimant.entity';
import { isClaimantSlug, isWikidataId, nameKeyOf } from '../claimant/claimant-name';
import { claimantByNameKey } from '../claimant/claimant.queries';
import { claimTextKey } from '../matching/sentence-key';
import { MAX_TOPICS_PER_ITEM } from '../topic/topic.inputs';
import { isTopicSlug, topicNameKeyOf } from '../topic/topic-slug';
import {
  insertArticleTopics,
  insertClaimTopics,
  insertTopicRow,
  topicByNameKey,
  topicIdsOfArticle,
  topicIdsOfClaim,
  topicSlugTaken,
} from '../topic/topic.queries';
import {
  annotationByKey,
  articleBySlug,
  claimByKey,
  insertAnnotation as insertAnnotationRow,
  setClaimKey,
  setClaimTextKey,
  unkeyedClaimAt,
  userByName,
} from './dataset.queries';
import type {
  Dataset,
  DatasetAnnotation,
  DatasetAppearance,
  DatasetArticle,
  DatasetClaim,
  DatasetClaimant,
  DatasetLine,
  DatasetSource,
  DatasetTopic,
  DatasetUser,
} from './dataset.types';

export interface ImportSummary {
  users: number;
  sources: number;
  /** Claimants recorded: from the lines' records, or named by a claim and not yet stored. */
  claimants: number;
  articles: number;
  claims: number;
  annotations: number;
  /** Places outside factline listed on claims (new ones, or ones a stored claim lacked). */
  places: number;
  /** Further places of claims in articles (an article's `appearances`) not stored yet. */
  appearances: number;
  /** Topics recorded (from the lines' records; one matched by slug or name is left as it is). */
  topics: number;
  /** Filings of an article or a claim under a topic that it lacked. */
  filings: number;
  /** Articles already present (matched by slug): kept as they are, missing claims added. */
  skippedArticles: number;
}

export function emptySummary(): ImportSummary {
  return {
    users: 0,
    sources: 0,
    claimants: 0,
    articles: 0,
    claims: 0,
    annotations: 0,
    places: 0,
    appearances: 0,
    topics: 0,
    filings: 0,
    skippedArticles: 0,
  };
}

/** True when an import stored anything; false when all of it was already present. */
export function storedAnything(summary: ImportSummary): boolean {
  return (
    summary.users +
      summary.sources +
      summary.claimants +
      summary.articles +
      summary.claims +
      summary.annotations +
      summary.places +
      summary.appearances +
      summary.topics +
      summary.filings >
    0
  );
}

/**
 * The keys of the claims a ClaimReview import made (claimreview-import.ts): such a claim is
 * also keyed by its words (claims.text_key), so that other records of it find it.
 */
export const CLAIMREVIEW_KEY_PREFIX = 'claimreview:';

/** A dataset entry that cannot be imported; names where it is. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/**
 * Loads datasets (the demo data, bulk imports). Idempotent: users match by name, sources by
 * normalised url, articles by slug, claims and fact-checks by their keys (dataset.types.ts).
 */
export class DatasetService {
  private readonly db: Database;

  constructor({ db }: { db: Database }) {
    this.db = db;
  }

  /** The whole dataset in ONE write transaction: all of it or none. */
  import(dataset: Dataset): Promise<ImportSummary> {
    return this.db.writes.run((manager) => importDataset(manager, dataset));
  }

  /** One ndjson line in its own write transaction: a failing line writes nothing. */
  importLine(line: DatasetLine): Promise<ImportSummary> {
    return this.db.writes.run((manager) => importLine(manager, line));
  }
}

/**
 * A further place (an article's `appearances` entry) whose claim's key no claim had yet when its
 * article was imported: the claim's line may come later in the file. Added by addPendingAppearances.
 */
export interface PendingAppearance {
  /** Where it is in its line: `article.appearances[0]`. */
  path: string;
  article: StoredArticle;
  appearance: DatasetAppearance;
  /** Its line's summary, which counts it once it is added. */
  summary: ImportSummary;
}

/**
 * One line (an article with what it refers to), inside the caller's transaction. Further places
 * whose claim is not stored yet go to `pending` when the caller gathers them (a bulk import, to
 * add once the rest of the file is in); without it, such a place fails the line.
 */
export function importLine(
  manager: EntityManager,
  line: DatasetLine,
  summary: ImportSummary = emptySummary(),
  pending?: PendingAppearance[],
): Promise<ImportSummary> {
  return importDataset(
    manager,
    {
      users: line.users,
      sources: line.sources,
      claimants: line.claimants,
      topics: line.topics,
      articles: [line.article],
    },
    summary,
    pending,
  );
}

/**
 * A dataset inside the caller's transaction; adds what it stores to `summary`. Further places
 * are added once all its articles' claims are in (a place may come before its claim); those whose
 * claim is still unknown go to `pending` when given, else fail.
 */
export async function importDataset(
  manager: EntityManager,
  dataset: Dataset,
  summary: ImportSummary = emptySummary(),
  pending?: PendingAppearance[],
): Promise<ImportSummary> {
  const keys: KeyMaps = {
    userIds: await importUsers(manager, dataset.users, summary),
    sourceIds: await importSources(manager, dataset.sources, summary),
    topicIds: await importTopics(manager, dataset.topics ?? [], summary),
  };
  await importClaimants(manager, dataset.claimants ?? [], summary);
  const places: PendingAppearance[] = [];
  for (const [index, article] of dataset.articles.entries()) {
    const path = dataset.articles.length === 1 ? 'article' : `articles[${index}]`;
    places.push(...(await importArticle(manager, article, keys, summary, path)));
  }
  const unresolved = await addPendingAppearances(manager, places);
  if (pending) pending.push(...unresolved);
  else if (unresolved.length > 0) throw unresolvedError(unresolved[0]);
  return summary;
}

/** A further place that cannot be added, for a bulk import to name its line. */
export class AppearanceError extends DatasetError {
  constructor(
    readonly place: PendingAppearance,
    message: string,
  ) {
    super(message);
  }
}

/** Why a further place cannot be added: no claim has the key it names (`inFile`: the input's claim keys). */
export function unresolvedError(place: PendingAppearance, inFile?: ReadonlySet<string>): DatasetError {
  const key = place.appearance.placeOf;
  return new DatasetError(
    inFile?.has(key)
      ? `${place.path}.placeOf: the claim "${key}" was not imported (its line failed)`
      : `${place.path}.placeOf: no claim has the key "${key}" (not in the file, not stored)`,
  );
}

/**
 * Adds the further places whose claim is now stored (inside the caller's transaction), each
 * counted in its line's summary; returns those whose claim no claim's key names yet.
 */
export async function addPendingAppearances(
  manager: EntityManager,
  places: readonly PendingAppearance[],
): Promise<PendingAppearance[]> {
  const unresolved: PendingAppearance[] = [];
  const stamped = new Set<number>();
  for (const place of places) {
    const added = await importAppearance(manager, place);
    if (added === undefined) unresolved.push(place);
    // What an import adds to a published article is public at once, as if published now.
    else if (added && place.article.status === ArticleStatus.PUBLISHED && !stamped.has(place.article.id)) {
      stamped.add(place.article.id);
      await stampWhatReadersSee(manager, { articleId: place.article.id }, new Date());
    }
  }
  return unresolved;
}

/**
 * Adds a further place of the claim its key names, at its words in the article's stored body,
 * with the claim's verdict and its first anchor history row. Nothing when the claim is deleted
 * (its places went with it) or already at these offsets of the article (its own place or a
 * further one). Returns whether it added it; undefined when no claim has the key.
 */
async function importAppearance(manager: EntityManager, place: PendingAppearance): Promise<boolean | undefined> {
  const { article, appearance, path } = place;
  let selector;
  try {
    selector = locateQuote(article.body, appearance.quote, { occurrence: appearance.occurrence });
  } catch (error) {
    if (error instanceof AnchorError) throw new AppearanceError(place, `${path}.quote: ${error.message}`);
    throw error;
  }
  const claim = await executeOne(manager, claimByKey, { key: appearance.placeOf });
  if (!claim) return undefined;
  if (claim.deletedAt) return false;
  const listed = await execute(manager, livePlacesInArticle, { claimId: claim.id, articleId: article.id });
  // One place per article (the claim's own included), as the API keeps it: a re-import adds nothing.
  if (listed.length > 0) return false;
  const count = (await executeOne(manager, furtherPlaceCount, { claimId: claim.id }))?.n ?? 0;
  if (count >= MAX_ARTICLE_PLACES)
    throw new AppearanceError(
      place,
      `${path}: a claim appears in at most ${MAX_ARTICLE_PLACES} further places in factline articles`,
    );
  await insertClaimPlace(manager, claim, article, selector);
  place.summary.appearances += 1;
  return true;
}

/**
 * Claimant records: one whose name key exists is left as it is. Checked here too: the demo
 * dataset does not pass through the line checks (dataset-validation.ts).
 */
async function importClaimants(
  manager: EntityManager,
  claimants: DatasetClaimant[],
  summary: ImportSummary,
): Promise<void> {
  for (const [index, claimant] of claimants.entries()) {
    const where = `claimants[${index}] "${claimant.name}"`;
    const name = claimant.name?.trim();
    if (!name || name.length > LIMITS.name.max)
      throw new DatasetError(`${where}: a name of 1 to ${LIMITS.name.max} characters`);
    if (claimant.wikidataId !== null && !isWikidataId(claimant.wikidataId))
      throw new DatasetError(`${where}: wikidataId must be "Q" and digits`);
    if (claimant.slug !== undefined && !isClaimantSlug(claimant.slug))
      throw new DatasetError(`${where}: slug must be lower-case letters, digits and single hyphens`);
    if (claimant.kind !== ClaimantKind.PERSON && claimant.kind !== ClaimantKind.ORGANIZATION)
      throw new DatasetError(`${where}: kind must be PERSON or ORGANIZATION`);
    if (await executeOne(manager, claimantByNameKey, { nameKey: nameKeyOf(name) })) continue;
    await insertClaimant(manager, {
      name,
      slug: claimant.slug,
      aliases: aliasesOf(name, claimant.aliases),
      description: claimant.description,
      wikidataId: claimant.wikidataId,
      kind: claimant.kind as ClaimantKind,
    });
    summary.claimants += 1;
  }
}

/** The claimant a claim names: a stored one (by name key), else recorded with just the name. */
async function claimantNamed(manager: EntityManager, name: string, summary: ImportSummary): Promise<ClaimantRef> {
  const existing = await executeOne(manager, claimantByNameKey, { nameKey: nameKeyOf(name) });
  if (existing) return existing;
  summary.claimants += 1;
  return insertClaimant(manager, { name });
}

interface KeyMaps {
  /** User key -> id. */
  userIds: Map<string, number>;
  /** Normalised url -> id. */
  sourceIds: Map<string, number>;
  /** The slug of a topic record of the input -> the id of the topic it is (matched or stored). */
  topicIds: Map<string, number>;
}

/**
 * Topic records: one whose slug, else whose name key, a stored topic has is that topic, left as
 * it is; another is stored with its slug. Checked here too: the demo dataset does not pass
 * through the line checks (dataset-validation.ts).
 */
async function importTopics(
  manager: EntityManager,
  topics: readonly DatasetTopic[],
  summary: ImportSummary,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, topic] of topics.entries()) {
    const where = `topics[${index}]`;
    if (typeof topic.slug !== 'string' || !isTopicSlug(topic.slug))
      throw new DatasetError(
        `${where}.slug: must be lower-case letters, digits and single hyphens, at most 80 characters`,
      );
    const name = topic.name?.trim();
    if (!name || name.length > LIMITS.name.max)
      throw new DatasetError(`${where}.name: a name of 1 to ${LIMITS.name.max} characters`);
    const existing =
      (await executeOne(manager, topicSlugTaken, { slug: topic.slug })) ??
      (await executeOne(manager, topicByNameKey, { nameKey: topicNameKeyOf(name) }));
    if (existing) {
      ids.set(topic.slug, existing.id);
      continue;
    }
    const [created] = await execute(manager, insertTopicRow, {
      slug: topic.slug,
      name,
      nameKey: topicNameKeyOf(name),
      description: topic.description?.trim() || null,
    });
    ids.set(topic.slug, created.id);
    summary.topics += 1;
  }
  return ids;
}

/** The ids of the topics a filing names: the input's records, else stored topics by slug. */
async function topicsNamed(
  manager: EntityManager,
  slugs: readonly string[],
  keys: KeyMaps,
  path: string,
): Promise<number[]> {
  if (slugs.length > MAX_TOPICS_PER_ITEM) throw new DatasetError(`${path}: at most ${MAX_TOPICS_PER_ITEM} topics`);
  const ids: number[] = [];
  for (const [index, slug] of slugs.entries()) {
    const id = keys.topicIds.get(slug) ?? (await executeOne(manager, topicSlugTaken, { slug }))?.id;
    if (id === undefined)
      throw new DatasetError(
        `${path}[${index}]: no topic has the slug "${slug}" (not in the line's topics, not stored)`,
      );
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Files an article or a claim under the topics it lacks of those named; the ones it has stay,
 * so a re-import adds nothing. Filing is not part of the public record: no note, no revision.
 */
async function fileUnder(
  manager: EntityManager,
  item: { articleId: number } | { claimId: number },
  slugs: readonly string[] | undefined,
  keys: KeyMaps,
  path: string,
  summary: ImportSummary,
): Promise<void> {
  if (!slugs || slugs.length === 0) return;
  const named = await topicsNamed(manager, slugs, keys, path);
  const filed = new Set(
    (
      await ('articleId' in item ? execute(manager, topicIdsOfArticle, item) : execute(manager, topicIdsOfClaim, item))
    ).map((row) => row.topic_id),
  );
  const missing = named.filter((id) => !filed.has(id));
  if (missing.length === 0) return;
  if (filed.size + missing.length > MAX_TOPICS_PER_ITEM)
    throw new DatasetError(`${path}: filed under at most ${MAX_TOPICS_PER_ITEM} topics (${filed.size} already)`);
  if ('articleId' in item) await execute(manager, insertArticleTopics, { ...item, topicIds: missing });
  else await execute(manager, insertClaimTopics, { ...item, topicIds: missing });
  summary.filings += missing.length;
}

async function importUsers(
  manager: EntityManager,
  users: DatasetUser[],
  summary: ImportSummary,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const user of users) {
    const existing = await executeOne(manager, userByName, { name: user.name });
    if (existing) {
      ids.set(user.key, existing.id);
      continue;
    }
    // Imported accounts sign in with nothing until someone gives them an email and a password.
    const [created] = await execute(manager, insertUser, {
      name: user.name,
      role: user.role as Role,
      email: null,
      passwordHash: null,
      passwordChangedAt: null,
    });
    ids.set(user.key, created.id);
    summary.users += 1;
  }
  return ids;
}

function normalizedUrl(raw: string, where: string): string {
  try {
    return normalizeHttpUrl(raw);
  } catch (error) {
    if (error instanceof HttpUrlError) throw new DatasetError(`${where}: ${error.message}`);
    throw error;
  }
}

async function importSources(
  manager: EntityManager,
  sources: DatasetSource[],
  summary: ImportSummary,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const source of sources) {
    const url = normalizedUrl(source.url, `source ${source.url}`);
    const existing = await executeOne(manager, sourceIdByUrl, { url });
    if (existing) {
      ids.set(url, existing.id);
      continue;
    }
    const [created] = await execute(manager, insertSource, {
      url,
      title: source.title,
      publisher: source.publisher,
      publishedAt: source.publishedAt ? toSqlDate(new Date(source.publishedAt)) : null,
      kind: source.kind,
      accessedAt: source.accessedAt ? toSqlDate(new Date(source.accessedAt)) : null,
    });
    ids.set(url, created.id);
    summary.sources += 1;
  }
  return ids;
}

/** What an import needs of a stored article: the claim, revision and anchor writes read these fields. */
type StoredArticle = Pick<ArticleEntity, 'id' | 'slug' | 'headline' | 'standfirst' | 'body' | 'status' | 'revision'>;

/**
 * A new article is stored with its claims; an existing one (same slug) only gets the claims it
 * lacks. Returns its further places, for the caller to add once every claim is in.
 */
async function importArticle(
  manager: EntityManager,
  article: DatasetArticle,
  keys: KeyMaps,
  summary: ImportSummary,
  path: string,
): Promise<PendingAppearance[]> {
  let stored: StoredArticle | undefined = await executeOne(manager, articleBySlug, { slug: article.slug });
  if (stored) {
    summary.skippedArticles += 1;
  } else {
    stored = await createArticle(manager, article);
    summary.articles += 1;
  }
  for (const [index, claim] of article.claims.entries())
    await importClaim(manager, stored, claim, keys, summary, `${path}.claims[${index}]`);
  await fileUnder(manager, { articleId: stored.id }, article.topics, keys, `${path}.topics`, summary);
  // What an import adds to a published article is public at once, as if published now.
  if (stored.status === ArticleStatus.PUBLISHED)
    await stampWhatReadersSee(manager, { articleId: stored.id }, new Date());
  const where = stored;
  return (article.appearances ?? []).map((appearance, index) => ({
    path: `${path}.appearances[${index}]`,
    article: where,
    appearance,
    summary,
  }));
}

async function createArticle(manager: EntityManager, article: DatasetArticle): Promise<StoredArticle> {
  const status = article.status as ArticleStatus;
  // A published article always has a publication time: the list is ordered by it.
  const publishedAt = article.publishedAt
    ? new Date(article.publishedAt)
    : status === ArticleStatus.PUBLISHED
      ? new Date()
      : null;
  const [created] = await execute(manager, insertArticle, {
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    authors: JSON.stringify(article.authors),
    section: article.section,
    language: article.language,
    url: article.url === null ? null : normalizedUrl(article.url, `article "${article.slug}", url`),
    publishedAt: publishedAt ? toSqlDate(publishedAt) : null,
    status,
    revision: 1,
  });
  const saved: StoredArticle = {
    id: created.id,
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    status,
    revision: 1,
  };
  const createdAt = fromSqlDate(created.createdAt) as Date;
  // Revision 1 is the text as published: point-in-time reads from then on find it.
  const firstSeen = publishedAt && publishedAt < createdAt ? publishedAt : createdAt;
  await recordRevision(manager, saved as ArticleEntity, null, null, firstSeen);
  if (status !== ArticleStatus.DRAFT) await recordStatusChange(manager, saved.id, status, null, firstSeen);
  return saved;
}

/**
 * Finds the claim by its key, or adopts a claim stored without a key at the same place, or
 * stores it; then adds the fact-checks it lacks.
 */
async function importClaim(
  manager: EntityManager,
  article: StoredArticle,
  claim: DatasetClaim,
  keys: KeyMaps,
  summary: ImportSummary,
  path: string,
): Promise<void> {
  const where = `article "${article.slug}", claim "${claim.key}"`;
  const keyed = await executeOne(manager, claimByKey, { key: claim.key });
  let claimId: number;
  let created = false;
  if (keyed) {
    if (keyed.articleId !== article.id)
      throw new DatasetError(`${where}: the key is taken by a claim of another article`);
    // Deleted since it was imported: it stays deleted, fact-checks and all.
    if (keyed.deletedAt) return;
    claimId = keyed.id;
  } else {
    let selector;
    try {
      // The stored body: an article already present may have been corrected since.
      selector = locateQuote(article.body, claim.quote, { occurrence: claim.occurrence });
    } catch (error) {
      if (error instanceof AnchorError) throw new DatasetError(`${where}: ${error.message}`);
      throw error;
    }
    const unkeyed = await executeOne(manager, unkeyedClaimAt, {
      articleId: article.id,
      start: selector.start,
      end: selector.end,
    });
    if (unkeyed) {
      claimId = unkeyed.id;
    } else {
      claimId = (
        await insertClaim(
          manager,
          article as ArticleEntity,
          selector,
          claim.claimant ? await claimantNamed(manager, claim.claimant, summary) : null,
          { text: claim.text ?? null, language: claim.language ?? null },
        )
      ).id;
      created = true;
      summary.claims += 1;
    }
    await execute(manager, setClaimKey, { id: claimId, key: claim.key });
  }
  // A ClaimReview claim's words (its quote: the text of its record) key it, once: later records
  // of it find it by them. Also on an ndjson import of an exported one, so that a database
  // moved that way still joins later records, and on a claim imported before the key existed.
  const textKey = claim.key.startsWith(CLAIMREVIEW_KEY_PREFIX) ? claimTextKey(claim.quote) : null;
  if (textKey !== null) await execute(manager, setClaimTextKey, { id: claimId, textKey });

  let added = false;
  for (const [index, annotation] of claim.annotations.entries()) {
    const at = `${where}, fact-check ${annotation.key === undefined ? index + 1 : `"${annotation.key}"`}`;
    if (annotation.key === undefined ? !created : await isStored(manager, annotation.key, claimId, at)) continue;
    await insertAnnotation(manager, claimId, annotation, keys, at);
    summary.annotations += 1;
    added = true;
  }
  // Bulk loads are not announced to live subscribers (and mostly run from the CLI, another
  // process): the events are dropped.
  if (added) await refreshClaimVerdict(manager, claimId, []);
  await importPlaces(manager, claimId, claim, keys, where, summary);
  await fileUnder(manager, { claimId }, claim.topics, keys, `${path}.topics`, summary);
}

/**
 * Lists the places the claim does not list yet (one normalised url is one place), each by who
 * the line says listed it, else by the author of the claim's first fact-check, as imported
 * fact-checks are by theirs. Checked here too: the demo dataset does not pass through the line
 * checks (dataset-validation.ts).
 */
async function importPlaces(
  manager: EntityManager,
  claimId: number,
  claim: DatasetClaim,
  keys: KeyMaps,
  where: string,
  summary: ImportSummary,
): Promise<void> {
  const places = claim.places ?? [];
  if (places.length === 0) return;
  const listed = new Set((await execute(manager, liveOutsideUrlsOfClaim, { claimId })).map((row) => row.url));
  for (const [index, place] of places.entries()) {
    const at = `${where}, place ${index + 1}`;
    const url = normalizedUrl(place.url, at);
    if (listed.has(url)) continue;
    if (listed.size >= MAX_OUTSIDE_APPEARANCES)
      throw new DatasetError(`${at}: a claim lists at most ${MAX_OUTSIDE_APPEARANCES} places`);
    const seconds = [place.startSeconds, place.endSeconds];
    if (seconds.some((value) => value !== null && (!Number.isInteger(value) || value < 0)))
      throw new DatasetError(`${at}: startSeconds and endSeconds must be whole numbers, 0 or more`);
    if (place.startSeconds !== null && place.endSeconds !== null && place.endSeconds < place.startSeconds)
      throw new DatasetError(`${at}: endSeconds must be at least startSeconds`);
    const lister = place.addedBy ?? claim.annotations[0]?.author;
    const createdById = lister === undefined ? undefined : keys.userIds.get(lister);
    if (createdById === undefined)
      throw new DatasetError(
        lister === undefined
          ? `${at}: addedBy is required when the claim has no fact-check`
          : `${at}: unknown user "${lister}"`,
      );
    await execute(manager, insertOutsideAppearance, {
      claimId,
      url,
      title: place.title,
      publisher: place.publisher,
      appearedAt: place.appearedAt ? toSqlDate(new Date(place.appearedAt)) : null,
      startSeconds: place.startSeconds,
      endSeconds: place.endSeconds,
      createdById,
      createdAt: toSqlDate(new Date()),
    });
    listed.add(url);
    summary.places += 1;
  }
}

async function isStored(manager: EntityManager, key: string, claimId: number, where: string): Promise<boolean> {
  const existing = await executeOne(manager, annotationByKey, { key });
  if (existing && existing.claimId !== claimId)
    throw new DatasetError(`${where}: the key is taken by a fact-check of another claim`);
  return existing !== undefined;
}

async function insertAnnotation(
  manager: EntityManager,
  claimId: number,
  annotation: DatasetAnnotation,
  keys: KeyMaps,
  where: string,
): Promise<void> {
  const authorId = keys.userIds.get(annotation.author);
  if (authorId === undefined) throw new DatasetError(`${where}: unknown author "${annotation.author}"`);
  const status = annotation.status as AnnotationStatus;
  const now = new Date();
  const retracted = status === AnnotationStatus.RETRACTED;
  const wasPublished = status === AnnotationStatus.PUBLISHED || retracted;
  const publishedAt = annotation.publishedAt ? new Date(annotation.publishedAt) : wasPublished ? now : null;
  const retractedAt = retracted ? (annotation.retractedAt ? new Date(annotation.retractedAt) : now) : null;
  const [inserted] = await execute(manager, insertAnnotationRow, {
    at: toSqlDate(now),
    claimId,
    authorId,
    externalId: annotation.key ?? null,
    verdict: annotation.verdict,
    summary: annotation.summary,
    body: annotation.body,
    status,
    publishedAt: publishedAt ? toSqlDate(publishedAt) : null,
    retractedAt: retractedAt ? toSqlDate(retractedAt) : null,
    retractionReason: retracted ? (annotation.retractionReason ?? null) : null,
    importedRating: annotation.importedRating?.name ?? null,
    importedRatingValue: annotation.importedRating?.value ?? null,
    importedRatingBest: annotation.importedRating?.best ?? null,
    importedRatingWorst: annotation.importedRating?.worst ?? null,
  });
  // What the revision history records of it.
  const note = {
    id: inserted.id,
    version: 1,
    verdict: annotation.verdict as Verdict,
    summary: annotation.summary,
    body: annotation.body,
    status,
    updatedAt: now,
  };
  const snapshot: CitationSnapshot[] = [];
  for (const [position, citation] of annotation.citations.entries()) {
    const url = normalizedUrl(citation.sourceUrl, `${where}, citation ${position + 1}`);
    const sourceId = keys.sourceIds.get(url) ?? (await executeOne(manager, sourceIdByUrl, { url }))?.id;
    if (sourceId === undefined) throw new DatasetError(`${where}: citation of unknown source ${citation.sourceUrl}`);
    const stance = citation.stance as Stance;
    await execute(manager, insertCitation, {
      annotationId: note.id,
      sourceId,
      stance,
      excerpt: citation.excerpt,
      position,
    });
    snapshot.push({ sourceId, stance, excerpt: citation.excerpt });
  }
  // An imported fact-check starts its history as it arrives.
  await appendRevision(manager, note as AnnotationEntity, AnnotationChange.CREATED, authorId, snapshot, 'imported');
}
