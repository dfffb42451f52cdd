import { findOccurrences } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import { fromSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { ClaimAnchorStatus } from '../claim/anchor-status';
import {
  type ExportAnnotationRow,
  type ExportArticleRow,
  exportAnnotations,
  exportArticlePage,
  exportCitations,
  exportClaimants,
  exportClaims,
  exportFurtherPlaces,
  exportPlaces,
  exportSources,
  exportTopics,
  exportUsers,
} from './dataset.queries';
import type {
  DatasetAnnotation,
  DatasetAppearance,
  DatasetArticle,
  DatasetCitation,
  DatasetClaim,
  DatasetClaimant,
  DatasetLine,
  DatasetPlace,
  DatasetSource,
  DatasetTopic,
  DatasetUser,
} from './dataset.types';

/**
 * The database as ndjson dataset lines (dataset.types.ts), one per article: deterministic
 * (articles by id, claims by start offset then id, fact-checks by id, claimants by name,
 * topics by slug, sources by url, users by name; every field written, in a fixed order) and holding only what
 * an import needs, so export -> import into an empty database -> export gives the same bytes.
 */

const PAGE = 100;

/** Claims with no place in the current text cannot be imported again: they are left out. */
const UNPLACED: readonly string[] = [ClaimAnchorStatus.ORPHANED, ClaimAnchorStatus.AMBIGUOUS];

export interface UnexportedClaim {
  slug: string;
  key: string;
  anchorStatus: string;
  /**
   * Set when what is left out is a further place of the claim `key` in the article `slug`:
   * `claimLeftOut` when the place is fine but its claim is left out (`anchorStatus` is then the
   * claim's).
   */
  place?: { claimLeftOut: boolean };
}

/** By code units: the same order whatever the database's collation. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const iso = (value: string | null): string | null => fromSqlDate(value)?.toISOString() ?? null;

/** A claim made through the API has no external id: its key is derived from where it lives. */
export function derivedClaimKey(slug: string, claimId: number): string {
  return `${slug}#claim-${claimId}`;
}

/** Every article as a dataset line, in id order; `onUnexported` hears of claims left out. */
export async function* exportDatasetLines(
  db: Database,
  onUnexported?: (claim: UnexportedClaim) => void,
): AsyncGenerator<DatasetLine> {
  const reader = db.reader;
  for (let after = 0; ;) {
    const articles = await reader.rows(exportArticlePage, { afterId: after, limit: PAGE });
    if (articles.length === 0) return;
    for (const article of articles) yield await exportArticle(reader, article, onUnexported);
    after = articles[articles.length - 1].id;
  }
}

async function exportArticle(
  reader: SqlReader,
  row: ExportArticleRow,
  onUnexported?: (claim: UnexportedClaim) => void,
): Promise<DatasetLine> {
  const citations = new Map<number, DatasetCitation[]>();
  for (const { annotationId, sourceUrl, stance, excerpt } of await reader.rows(exportCitations, {
    articleId: row.id,
  })) {
    citations.set(annotationId, [...(citations.get(annotationId) ?? []), { sourceUrl, stance, excerpt }]);
  }
  const annotations = new Map<number, DatasetAnnotation[]>();
  for (const note of await reader.rows(exportAnnotations, { articleId: row.id })) {
    annotations.set(note.claimId, [
      ...(annotations.get(note.claimId) ?? []),
      toAnnotation(note, citations.get(note.id) ?? []),
    ]);
  }
  const places = new Map<number, DatasetPlace[]>();
  const placeRows = await reader.rows(exportPlaces, { articleId: row.id });
  for (const place of placeRows) {
    places.set(place.claimId, [
      ...(places.get(place.claimId) ?? []),
      {
        url: place.url,
        title: place.title,
        publisher: place.publisher,
        appearedAt: iso(place.appearedAt),
        startSeconds: place.startSeconds,
        endSeconds: place.endSeconds,
        addedBy: place.addedBy,
      },
    ]);
  }
  // Filing: the article's (claimId null) and each claim's topic slugs, and the topics' records.
  const filedUnder = new Map<number | null, string[]>();
  const topicRecords = new Map<string, DatasetTopic>();
  for (const filing of await reader.rows(exportTopics, { articleId: row.id })) {
    filedUnder.set(filing.claimId, [...(filedUnder.get(filing.claimId) ?? []), filing.slug]);
    topicRecords.set(filing.slug, { slug: filing.slug, name: filing.name, description: filing.description });
  }
  const topicsOf = (claimId: number | null) => [...(filedUnder.get(claimId) ?? [])].sort(byCodeUnits);
  const claims: DatasetClaim[] = [];
  const named = new Set<number>();
  for (const claim of await reader.rows(exportClaims, { articleId: row.id })) {
    const key = claim.externalId ?? derivedClaimKey(row.slug, claim.id);
    if (UNPLACED.includes(claim.anchorStatus)) {
      onUnexported?.({ slug: row.slug, key, anchorStatus: claim.anchorStatus });
      continue;
    }
    // The words now at the anchor: a FUZZY claim is exported where it stands now.
    const quote = row.body.slice(claim.startOffset, claim.endOffset);
    const starts = findOccurrences(row.body, quote);
    if (claim.claimantId !== null) named.add(claim.claimantId);
    claims.push({
      key,
      quote,
      ...(starts.length > 1 ? { occurrence: starts.indexOf(claim.startOffset) + 1 } : {}),
      // Left out when null, so files of claims without their own words stay as they were.
      ...(claim.text === null ? {} : { text: claim.text }),
      ...(claim.language === null ? {} : { language: claim.language }),
      claimant: claim.claimant,
      annotations: annotations.get(claim.id) ?? [],
      ...(places.has(claim.id) ? { places: places.get(claim.id) } : {}),
      // Left out when none, so files of unfiled claims stay as they were.
      ...(filedUnder.has(claim.id) ? { topics: topicsOf(claim.id) } : {}),
    });
  }
  const appearances = await exportAppearances(reader, row, onUnexported);
  // Only what the exported fact-checks refer to: a left-out claim takes its references along.
  const exported = claims.flatMap((claim) => claim.annotations);
  const cited = new Set(exported.flatMap((note) => note.citations.map((citation) => citation.sourceUrl)));
  const authors = new Set(exported.map((note) => note.author));
  const listers = new Set(claims.flatMap((claim) => (claim.places ?? []).map((place) => place.addedBy)));
  const sourceRows = (await reader.rows(exportSources, { articleId: row.id })).filter((source) =>
    cited.has(source.url),
  );
  const sources: DatasetSource[] = sourceRows.map((source) => ({
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    publishedAt: iso(source.publishedAt),
    kind: source.kind,
    accessedAt: iso(source.accessedAt),
  }));
  const claimants = (await reader.rows(exportClaimants, { articleId: row.id }))
    .filter((claimant) => named.has(claimant.id))
    .map((claimant): DatasetClaimant => ({
      name: claimant.name,
      slug: claimant.slug,
      kind: claimant.kind,
      description: claimant.description,
      wikidataId: claimant.wikidataId,
      aliases: JSON.parse(claimant.aliases) as string[],
    }))
    // By name, compared as code units: the same order whatever the database's collation, and
    // whatever ids an import gave them. Names of live claimants differ (their keys do).
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const users = new Map<string, DatasetUser>();
  for (const user of await reader.rows(exportUsers, { articleId: row.id })) {
    // Users are matched by name on import, so the name is the key.
    if (authors.has(user.name) && !users.has(user.name))
      users.set(user.name, { key: user.name, name: user.name, role: user.role });
  }
  // Who listed places and wrote none of the fact-checks: after the authors, by name as code units.
  const placeUsers = new Map<string, DatasetUser>();
  for (const place of placeRows)
    if (listers.has(place.addedBy) && !users.has(place.addedBy) && !placeUsers.has(place.addedBy))
      placeUsers.set(place.addedBy, { key: place.addedBy, name: place.addedBy, role: place.role });
  for (const user of [...placeUsers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
    users.set(user.name, user);
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
    ...(filedUnder.has(null) ? { topics: topicsOf(null) } : {}),
    claims,
    // Left out when there are none, so files without further places stay as they were.
    ...(appearances.length > 0 ? { appearances } : {}),
  };
  // The records of the topics the line files under (a left-out claim's only ones go with it).
  const filed = new Set([...(article.topics ?? []), ...claims.flatMap((claim) => claim.topics ?? [])]);
  const topics = [...filed].sort(byCodeUnits).map((slug) => topicRecords.get(slug)!);
  return {
    article,
    claimants,
    ...(topics.length > 0 ? { topics } : {}),
    sources,
    users: [...users.values()],
  };
}

/**
 * The further places in the article of claims checked in their own article's line: the claim by
 * its key (derived as the claim's line derives it when it has none) and the place as a claim's
 * is written. A place with no place in the current text, or whose claim is left out, is left out.
 */
async function exportAppearances(
  reader: SqlReader,
  row: ExportArticleRow,
  onUnexported?: (claim: UnexportedClaim) => void,
): Promise<DatasetAppearance[]> {
  const appearances: DatasetAppearance[] = [];
  for (const place of await reader.rows(exportFurtherPlaces, { articleId: row.id })) {
    const key = place.claimExternalId ?? derivedClaimKey(place.claimSlug, place.claimId);
    const claimLeftOut = UNPLACED.includes(place.claimAnchorStatus);
    if (claimLeftOut || UNPLACED.includes(place.anchorStatus)) {
      onUnexported?.({
        slug: row.slug,
        key,
        anchorStatus: claimLeftOut ? place.claimAnchorStatus : place.anchorStatus,
        place: { claimLeftOut },
      });
      continue;
    }
    const quote = row.body.slice(place.startOffset, place.endOffset);
    const starts = findOccurrences(row.body, quote);
    appearances.push({
      placeOf: key,
      quote,
      ...(starts.length > 1 ? { occurrence: starts.indexOf(place.startOffset) + 1 } : {}),
    });
  }
  return appearances;
}

function toAnnotation(row: ExportAnnotationRow, citations: DatasetCitation[]): DatasetAnnotation {
  return {
    // A fact-check made through the API has no key: it comes along with its claim.
    ...(row.externalId === null ? {} : { key: row.externalId }),
    author: row.author,
    verdict: row.verdict,
    summary: row.summary,
    body: row.body,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    ...(row.status === 'RETRACTED'
      ? { retractedAt: iso(row.retractedAt), retractionReason: row.retractionReason ?? '' }
      : {}),
    citations,
    ...(row.importedRating === null
      ? {}
      : {
          importedRating: {
            name: row.importedRating,
            value: row.importedRatingValue,
            best: row.importedRatingBest,
            worst: row.importedRatingWorst,
          },
        }),
  };
}
