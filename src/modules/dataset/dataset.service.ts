import { type EntityManager, IsNull } from 'typeorm';
import { AnchorError, locateQuote } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import { AnnotationEntity, AnnotationStatus } from '../annotation/annotation.entity';
import { AnnotationChange, type CitationSnapshot } from '../annotation/annotation-revision.entity';
import { appendRevision, refreshClaimVerdict } from '../annotation/annotation-writes';
import { CitationEntity, type Stance } from '../annotation/citation.entity';
import type { Verdict } from '../annotation/verdict';
import { ArticleEntity, ArticleStatus } from '../article/article.entity';
import { insertClaim } from '../claim/claim-anchors';
import { ClaimEntity } from '../claim/claim.entity';
import { recordRevision } from '../article/article-edit.service';
import { recordStatusChange, stampWhatReadersSee } from '../article/reader-history';
import { SourceEntity, type SourceKind } from '../source/source.entity';
import { HttpUrlError, normalizeHttpUrl } from '../../graphql/http-url';
import { type Role, UserEntity } from '../user/user.entity';
import type { Dataset, DatasetAnnotation, DatasetArticle, DatasetClaim, DatasetLine, DatasetSource, DatasetUser } from './dataset.types';

export interface ImportSummary {
  users: number;
  sources: number;
  articles: number;
  claims: number;
  annotations: number;
  /** Articles already present (matched by slug): kept as they are, missing claims added. */
  skippedArticles: number;
}

export function emptySummary(): ImportSummary {
  return { users: 0, sources: 0, articles: 0, claims: 0, annotations: 0, skippedArticles: 0 };
}

/** True when an import stored anything; false when all of it was already present. */
export function storedAnything(summary: ImportSummary): boolean {
  return summary.users + summary.sources + summary.articles + summary.claims + summary.annotations > 0;
}

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

/** One line (an article with what it refers to), inside the caller's transaction. */
export function importLine(manager: EntityManager, line: DatasetLine, summary: ImportSummary = emptySummary()): Promise<ImportSummary> {
  return importDataset(manager, { users: line.users, sources: line.sources, articles: [line.article] }, summary);
}

/** A dataset inside the caller's transaction; adds what it stores to `summary`. */
export async function importDataset(manager: EntityManager, dataset: Dataset, summary: ImportSummary = emptySummary()): Promise<ImportSummary> {
  const keys: KeyMaps = {
    userIds: await importUsers(manager, dataset.users, summary),
    sourceIds: await importSources(manager, dataset.sources, summary),
  };
  for (const article of dataset.articles) await importArticle(manager, article, keys, summary);
  return summary;
}

interface KeyMaps {
  /** User key -> id. */
  userIds: Map<string, number>;
  /** Normalised url -> id. */
  sourceIds: Map<string, number>;
}

async function importUsers(manager: EntityManager, users: DatasetUser[], summary: ImportSummary): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const user of users) {
    const existing = await manager.findOneBy(UserEntity, { name: user.name });
    if (existing) {
      ids.set(user.key, existing.id);
      continue;
    }
    const created = await manager.save(manager.create(UserEntity, { name: user.name, role: user.role as Role }));
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

async function importSources(manager: EntityManager, sources: DatasetSource[], summary: ImportSummary): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const source of sources) {
    const url = normalizedUrl(source.url, `source ${source.url}`);
    const existing = await manager.findOneBy(SourceEntity, { url });
    if (existing) {
      ids.set(url, existing.id);
      continue;
    }
    const created = await manager.save(
      manager.create(SourceEntity, {
        url,
        title: source.title,
        publisher: source.publisher,
        publishedAt: source.publishedAt ? new Date(source.publishedAt) : null,
        kind: source.kind as SourceKind,
        accessedAt: source.accessedAt ? new Date(source.accessedAt) : null,
      }),
    );
    ids.set(url, created.id);
    summary.sources += 1;
  }
  return ids;
}

/** A new article is stored with its claims; an existing one (same slug) only gets the claims it lacks. */
async function importArticle(manager: EntityManager, article: DatasetArticle, keys: KeyMaps, summary: ImportSummary): Promise<void> {
  let stored = await manager.findOneBy(ArticleEntity, { slug: article.slug });
  if (stored) {
    summary.skippedArticles += 1;
  } else {
    stored = await createArticle(manager, article);
    summary.articles += 1;
  }
  for (const claim of article.claims) await importClaim(manager, stored, claim, keys, summary);
  // What an import adds to a published article is public at once, as if published now.
  if (stored.status === ArticleStatus.PUBLISHED) await stampWhatReadersSee(manager, { articleId: stored.id }, new Date());
}

async function createArticle(manager: EntityManager, article: DatasetArticle): Promise<ArticleEntity> {
  const status = article.status as ArticleStatus;
  const saved = await manager.save(
    manager.create(ArticleEntity, {
      slug: article.slug,
      headline: article.headline,
      standfirst: article.standfirst,
      body: article.body,
      authors: article.authors,
      section: article.section,
      language: article.language,
      url: article.url === null ? null : normalizedUrl(article.url, `article "${article.slug}", url`),
      // A published article always has a publication time: the list is ordered by it.
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : status === ArticleStatus.PUBLISHED ? new Date() : null,
      status,
      revision: 1,
    }),
  );
  // Revision 1 is the text as published: point-in-time reads from then on find it.
  const firstSeen = saved.publishedAt && saved.publishedAt < saved.createdAt ? saved.publishedAt : saved.createdAt;
  await recordRevision(manager, saved, null, null, firstSeen);
  if (status !== ArticleStatus.DRAFT) await recordStatusChange(manager, saved.id, status, null, firstSeen);
  return saved;
}

/**
 * Finds the claim by its key, or adopts a claim stored without a key at the same place, or
 * stores it; then adds the fact-checks it lacks.
 */
async function importClaim(manager: EntityManager, article: ArticleEntity, claim: DatasetClaim, keys: KeyMaps, summary: ImportSummary): Promise<void> {
  const where = `article "${article.slug}", claim "${claim.key}"`;
  let stored = await manager.findOneBy(ClaimEntity, { externalId: claim.key });
  let created = false;
  if (stored) {
    if (stored.articleId !== article.id) throw new DatasetError(`${where}: the key is taken by a claim of another article`);
    // Deleted since it was imported: it stays deleted, fact-checks and all.
    if (stored.deletedAt) return;
  } else {
    let selector;
    try {
      // The stored body: an article already present may have been corrected since.
      selector = locateQuote(article.body, claim.quote, { occurrence: claim.occurrence });
    } catch (error) {
      if (error instanceof AnchorError) throw new DatasetError(`${where}: ${error.message}`);
      throw error;
    }
    stored = await manager.findOneBy(ClaimEntity, { articleId: article.id, startOffset: selector.start, endOffset: selector.end, externalId: IsNull(), deletedAt: IsNull() });
    if (!stored) {
      stored = await insertClaim(manager, article, selector, claim.claimant);
      created = true;
      summary.claims += 1;
    }
    await manager.update(ClaimEntity, { id: stored.id }, { externalId: claim.key });
  }

  let added = false;
  for (const [index, annotation] of claim.annotations.entries()) {
    const at = `${where}, fact-check ${annotation.key === undefined ? index + 1 : `"${annotation.key}"`}`;
    if (annotation.key === undefined ? !created : await isStored(manager, annotation.key, stored.id, at)) continue;
    await insertAnnotation(manager, stored.id, annotation, keys, at);
    summary.annotations += 1;
    added = true;
  }
  // Bulk loads are not announced to live subscribers (and mostly run from the CLI, another
  // process): the events are dropped.
  if (added) await refreshClaimVerdict(manager, stored.id, []);
}

async function isStored(manager: EntityManager, key: string, claimId: number, where: string): Promise<boolean> {
  const existing = await manager.findOne(AnnotationEntity, { where: { externalId: key }, select: { id: true, claimId: true } });
  if (existing && existing.claimId !== claimId) throw new DatasetError(`${where}: the key is taken by a fact-check of another claim`);
  return existing !== null;
}

async function insertAnnotation(manager: EntityManager, claimId: number, annotation: DatasetAnnotation, keys: KeyMaps, where: string): Promise<void> {
  const authorId = keys.userIds.get(annotation.author);
  if (authorId === undefined) throw new DatasetError(`${where}: unknown author "${annotation.author}"`);
  const status = annotation.status as AnnotationStatus;
  const now = new Date();
  const retracted = status === AnnotationStatus.RETRACTED;
  const wasPublished = status === AnnotationStatus.PUBLISHED || retracted;
  const note = await manager.save(
    manager.create(AnnotationEntity, {
      createdAt: now,
      updatedAt: now,
      claimId,
      authorId,
      externalId: annotation.key ?? null,
      verdict: annotation.verdict as Verdict,
      summary: annotation.summary,
      body: annotation.body,
      status,
      version: 1,
      publishedAt: annotation.publishedAt ? new Date(annotation.publishedAt) : wasPublished ? now : null,
      retractedAt: retracted ? (annotation.retractedAt ? new Date(annotation.retractedAt) : now) : null,
      retractionReason: retracted ? (annotation.retractionReason ?? null) : null,
    }),
  );
  const snapshot: CitationSnapshot[] = [];
  for (const [position, citation] of annotation.citations.entries()) {
    const url = normalizedUrl(citation.sourceUrl, `${where}, citation ${position + 1}`);
    const sourceId = keys.sourceIds.get(url) ?? (await manager.findOne(SourceEntity, { where: { url }, select: { id: true } }))?.id;
    if (sourceId === undefined) throw new DatasetError(`${where}: citation of unknown source ${citation.sourceUrl}`);
    const stance = citation.stance as Stance;
    await manager.insert(CitationEntity, { annotationId: note.id, sourceId, stance, excerpt: citation.excerpt, position });
    snapshot.push({ sourceId, stance, excerpt: citation.excerpt });
  }
  // An imported fact-check starts its history as it arrives.
  await appendRevision(manager, note, AnnotationChange.CREATED, authorId, snapshot, 'imported');
}
