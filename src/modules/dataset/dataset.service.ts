import type { EntityManager } from 'typeorm';
import { AnchorError, locateQuote } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import { AnnotationEntity, AnnotationStatus } from '../annotation/annotation.entity';
import { AnnotationChange, type CitationSnapshot } from '../annotation/annotation-revision.entity';
import { appendRevision, refreshClaimVerdict } from '../annotation/annotation-writes';
import { CitationEntity, type Stance } from '../annotation/citation.entity';
import type { Verdict } from '../annotation/verdict';
import { ArticleEntity, ArticleStatus } from '../article/article.entity';
import { insertClaim } from '../claim/claim-anchors';
import { recordRevision } from '../article/article-edit.service';
import { SourceEntity, type SourceKind } from '../source/source.entity';
import { normalizeSourceUrl } from '../source/source-url';
import { type Role, UserEntity } from '../user/user.entity';
import type { Dataset, DatasetArticle, DatasetClaim } from './dataset.types';

export interface ImportSummary {
  users: number;
  sources: number;
  articles: number;
  claims: number;
  annotations: number;
  /** Articles already present (matched by slug) and left as they are. */
  skippedArticles: number;
}

/** A dataset entry that cannot be imported; names where it is. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/**
 * Loads a dataset (the demo data, bulk imports) in ONE write transaction: all of it or none.
 * Idempotent: users match by name, sources by normalised url, articles by slug; an article
 * already present is left untouched with its claims.
 */
export class DatasetService {
  private readonly db: Database;

  constructor({ db }: { db: Database }) {
    this.db = db;
  }

  import(dataset: Dataset): Promise<ImportSummary> {
    return this.db.writes.run((manager) => importInto(manager, dataset));
  }
}

async function importInto(manager: EntityManager, dataset: Dataset): Promise<ImportSummary> {
  const summary: ImportSummary = { users: 0, sources: 0, articles: 0, claims: 0, annotations: 0, skippedArticles: 0 };
  const userIds = new Map<string, number>();
  for (const user of dataset.users) {
    const existing = await manager.findOneBy(UserEntity, { name: user.name });
    if (existing) {
      userIds.set(user.key, existing.id);
      continue;
    }
    const created = await manager.save(manager.create(UserEntity, { name: user.name, role: user.role as Role }));
    userIds.set(user.key, created.id);
    summary.users += 1;
  }

  const sourceIds = new Map<string, number>();
  for (const source of dataset.sources) {
    const url = normalizeSourceUrl(source.url);
    const existing = await manager.findOneBy(SourceEntity, { url });
    if (existing) {
      sourceIds.set(source.url, existing.id);
      continue;
    }
    const created = await manager.save(
      manager.create(SourceEntity, {
        url,
        title: source.title,
        publisher: source.publisher,
        publishedAt: source.publishedAt ? new Date(source.publishedAt) : null,
        kind: source.kind as SourceKind,
        accessedAt: null,
      }),
    );
    sourceIds.set(source.url, created.id);
    summary.sources += 1;
  }

  for (const article of dataset.articles) {
    if (await manager.existsBy(ArticleEntity, { slug: article.slug })) {
      summary.skippedArticles += 1;
      continue;
    }
    await importArticle(manager, article, { userIds, sourceIds }, summary);
  }
  return summary;
}

interface KeyMaps {
  userIds: Map<string, number>;
  sourceIds: Map<string, number>;
}

async function importArticle(manager: EntityManager, article: DatasetArticle, keys: KeyMaps, summary: ImportSummary): Promise<void> {
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
      url: article.url,
      // A published article always has a publication time: the list is ordered by it.
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : status === ArticleStatus.PUBLISHED ? new Date() : null,
      status,
      revision: 1,
    }),
  );
  // Revision 1 is the text as published: point-in-time reads from then on find it.
  const firstSeen = saved.publishedAt && saved.publishedAt < saved.createdAt ? saved.publishedAt : saved.createdAt;
  await recordRevision(manager, saved, null, null, firstSeen);
  summary.articles += 1;
  for (const claim of article.claims) {
    await importClaim(manager, saved, claim, keys, summary);
  }
}

async function importClaim(manager: EntityManager, article: ArticleEntity, claim: DatasetClaim, keys: KeyMaps, summary: ImportSummary): Promise<void> {
  let selector;
  try {
    selector = locateQuote(article.body, claim.quote, { occurrence: claim.occurrence });
  } catch (error) {
    if (error instanceof AnchorError) throw new DatasetError(`article "${article.slug}", claim "${claim.key}": ${error.message}`);
    throw error;
  }
  const saved = await insertClaim(manager, article, selector, claim.claimant);
  summary.claims += 1;

  for (const annotation of claim.annotations) {
    const authorId = keys.userIds.get(annotation.author);
    if (authorId === undefined) throw new DatasetError(`claim "${claim.key}": unknown author "${annotation.author}"`);
    const status = annotation.status as AnnotationStatus;
    const publishedAt = annotation.publishedAt ? new Date(annotation.publishedAt) : status === AnnotationStatus.PUBLISHED ? new Date() : null;
    const now = new Date();
    const note = await manager.save(
      manager.create(AnnotationEntity, {
        createdAt: now,
        updatedAt: now,
        claimId: saved.id,
        authorId,
        verdict: annotation.verdict as Verdict,
        summary: annotation.summary,
        body: annotation.body,
        status,
        version: 1,
        publishedAt,
        retractedAt: null,
        retractionReason: null,
      }),
    );
    summary.annotations += 1;
    const snapshot: CitationSnapshot[] = [];
    for (const [position, citation] of annotation.citations.entries()) {
      const sourceId = keys.sourceIds.get(citation.sourceUrl);
      if (sourceId === undefined) throw new DatasetError(`claim "${claim.key}": citation of unknown source ${citation.sourceUrl}`);
      const stance = citation.stance as Stance;
      await manager.insert(CitationEntity, { annotationId: note.id, sourceId, stance, excerpt: citation.excerpt, position });
      snapshot.push({ sourceId, stance, excerpt: citation.excerpt });
    }
    // An imported fact-check starts its history as it arrives.
    await appendRevision(manager, note, AnnotationChange.CREATED, authorId, snapshot, 'imported');
  }
  await refreshClaimVerdict(manager, saved.id);
}
