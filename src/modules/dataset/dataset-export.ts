import { findOccurrences } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import { fromSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { ARTICLE_COLUMNS, type ArticleSqlRow } from '../article/article.rows';
import { ClaimAnchorStatus } from '../claim/anchor-status';
import type { DatasetAnnotation, DatasetArticle, DatasetCitation, DatasetClaim, DatasetLine, DatasetSource, DatasetUser } from './dataset.types';

/**
 * The database as ndjson dataset lines (dataset.types.ts), one per article: deterministic
 * (articles by id, claims by start offset then id, fact-checks by id, sources by url, users by
 * name; every field written, in a fixed order) and holding only what an import needs, so
 * export -> import into an empty database -> export gives the same bytes.
 */

const PAGE = 100;
const ARTICLES = `SELECT ${ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT ${PAGE}`;
const CLAIMS = `SELECT id, external_id AS externalId, start_offset AS startOffset, end_offset AS endOffset, claimant, anchor_status AS anchorStatus
  FROM claims WHERE article_id = ? AND deleted_at IS NULL ORDER BY start_offset, id`;
const LIVE_CLAIMS = 'JOIN claims c ON c.id = n.claim_id AND c.deleted_at IS NULL WHERE c.article_id = ?';
const ANNOTATIONS = `SELECT n.id, n.claim_id AS claimId, n.external_id AS externalId, u.name AS author, n.verdict, n.summary, n.body, n.status,
    n.published_at AS publishedAt, n.retracted_at AS retractedAt, n.retraction_reason AS retractionReason
  FROM annotations n JOIN users u ON u.id = n.author_id ${LIVE_CLAIMS} ORDER BY n.id`;
const CITATIONS = `SELECT ci.annotation_id AS annotationId, s.url AS sourceUrl, ci.stance, ci.excerpt
  FROM citations ci JOIN sources s ON s.id = ci.source_id JOIN annotations n ON n.id = ci.annotation_id ${LIVE_CLAIMS}
  ORDER BY ci.annotation_id, ci.position`;
const SOURCES = `SELECT DISTINCT s.url, s.title, s.publisher, s.published_at AS publishedAt, s.kind, s.accessed_at AS accessedAt
  FROM sources s JOIN citations ci ON ci.source_id = s.id JOIN annotations n ON n.id = ci.annotation_id ${LIVE_CLAIMS} ORDER BY s.url`;
const USERS = `SELECT DISTINCT u.id, u.name, u.role FROM users u JOIN annotations n ON n.author_id = u.id ${LIVE_CLAIMS} ORDER BY u.name, u.id`;

/** Claims with no place in the current text cannot be imported again: they are left out. */
const UNPLACED: readonly string[] = [ClaimAnchorStatus.ORPHANED, ClaimAnchorStatus.AMBIGUOUS];


interface ClaimRow {
  id: number;
  externalId: string | null;
  startOffset: number;
  endOffset: number;
  claimant: string | null;
  anchorStatus: string;
}

interface AnnotationRow {
  id: number;
  claimId: number;
  externalId: string | null;
  author: string;
  verdict: DatasetAnnotation['verdict'];
  summary: string;
  body: string;
  status: DatasetAnnotation['status'];
  publishedAt: string | null;
  retractedAt: string | null;
  retractionReason: string | null;
}

interface CitationRow extends DatasetCitation {
  annotationId: number;
}

interface SourceRow extends Omit<DatasetSource, 'accessedAt'> {
  accessedAt: string | null;
}

export interface UnexportedClaim {
  slug: string;
  key: string;
  anchorStatus: string;
}

const iso = (value: string | null): string | null => fromSqlDate(value)?.toISOString() ?? null;

/** A claim made through the API has no external id: its key is derived from where it lives. */
export function derivedClaimKey(slug: string, claimId: number): string {
  return `${slug}#claim-${claimId}`;
}

/** Every article as a dataset line, in id order; `onUnexported` hears of claims left out. */
export async function* exportDatasetLines(db: Database, onUnexported?: (claim: UnexportedClaim) => void): AsyncGenerator<DatasetLine> {
  const reader = db.reader;
  for (let after = 0; ; ) {
    const articles = await reader.all<ArticleSqlRow & { body: string }>(ARTICLES, [after]);
    if (articles.length === 0) return;
    for (const article of articles) yield await exportArticle(reader, article, onUnexported);
    after = articles[articles.length - 1].id;
  }
}

async function exportArticle(reader: SqlReader, row: ArticleSqlRow & { body: string }, onUnexported?: (claim: UnexportedClaim) => void): Promise<DatasetLine> {
  const citations = new Map<number, DatasetCitation[]>();
  for (const { annotationId, sourceUrl, stance, excerpt } of await reader.all<CitationRow>(CITATIONS, [row.id])) {
    citations.set(annotationId, [...(citations.get(annotationId) ?? []), { sourceUrl, stance, excerpt }]);
  }
  const annotations = new Map<number, DatasetAnnotation[]>();
  for (const note of await reader.all<AnnotationRow>(ANNOTATIONS, [row.id])) {
    annotations.set(note.claimId, [...(annotations.get(note.claimId) ?? []), toAnnotation(note, citations.get(note.id) ?? [])]);
  }
  const claims: DatasetClaim[] = [];
  for (const claim of await reader.all<ClaimRow>(CLAIMS, [row.id])) {
    const key = claim.externalId ?? derivedClaimKey(row.slug, claim.id);
    if (UNPLACED.includes(claim.anchorStatus)) {
      onUnexported?.({ slug: row.slug, key, anchorStatus: claim.anchorStatus });
      continue;
    }
    // The words now at the anchor: a FUZZY claim is exported where it stands now.
    const quote = row.body.slice(claim.startOffset, claim.endOffset);
    const starts = findOccurrences(row.body, quote);
    claims.push({
      key,
      quote,
      ...(starts.length > 1 ? { occurrence: starts.indexOf(claim.startOffset) + 1 } : {}),
      claimant: claim.claimant,
      annotations: annotations.get(claim.id) ?? [],
    });
  }
  // Only what the exported fact-checks refer to: a left-out claim takes its references along.
  const exported = claims.flatMap((claim) => claim.annotations);
  const cited = new Set(exported.flatMap((note) => note.citations.map((citation) => citation.sourceUrl)));
  const authors = new Set(exported.map((note) => note.author));
  const sourceRows = (await reader.all<SourceRow>(SOURCES, [row.id])).filter((source) => cited.has(source.url));
  const sources: DatasetSource[] = sourceRows.map((source) => ({
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    publishedAt: iso(source.publishedAt),
    kind: source.kind,
    accessedAt: iso(source.accessedAt),
  }));
  const users = new Map<string, DatasetUser>();
  for (const user of await reader.all<DatasetUser & { id: number }>(USERS, [row.id])) {
    // Users are matched by name on import, so the name is the key.
    if (authors.has(user.name) && !users.has(user.name)) users.set(user.name, { key: user.name, name: user.name, role: user.role });
  }
  const article: DatasetArticle = {
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    body: row.body,
    authors: JSON.parse(row.authors) as string[],
    section: row.section,
    language: row.language,
    url: row.url,
    publishedAt: iso(row.publishedAt),
    status: row.status,
    claims,
  };
  return { article, sources, users: [...users.values()] };
}

function toAnnotation(row: AnnotationRow, citations: DatasetCitation[]): DatasetAnnotation {
  return {
    // A fact-check made through the API has no key: it comes along with its claim.
    ...(row.externalId === null ? {} : { key: row.externalId }),
    author: row.author,
    verdict: row.verdict,
    summary: row.summary,
    body: row.body,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    ...(row.status === 'RETRACTED' ? { retractedAt: iso(row.retractedAt), retractionReason: row.retractionReason ?? '' } : {}),
    citations,
  };
}
