import { contextFor, type Services } from '../../app/services';
import type { Database } from '../../db/database';
import { fromSqlDate } from '../../db/sql-dates';
import { toGlobalId } from '../../graphql/relay/global-id';
import type { AnnotationRow, CorrectionRow } from '../../modules/annotation/annotation.rows';
import { CorrectionKind } from '../../modules/annotation/correction.entity';
import type { ArticleRow } from '../../modules/article/article.rows';
import { ANONYMOUS } from '../../modules/auth/viewer';
import type { ClaimRow } from '../../modules/claim/claim.rows';
import type { ClaimantRow } from '../../modules/claimant/claimant.rows';
import type { TopicRow } from '../../modules/topic/topic.rows';
import type { ClaimReviewService } from '../../modules/claimreview/claim-review.service';
import { claimPath } from '../reader/claim-data';
import { loadClaimantView } from '../reader/claimant-page';
import { loadTopicView } from '../reader/topic-page';
import { html } from '../reader/html';
import { claimWords, correctionText, noteId } from '../reader/notes';
import { ratingLabel, verdictLabel } from '../reader/verdicts';
import { FEED_SIZE, type FeedEntry } from './atom';

/** A published fact-check on a claim readers may see: what a fact-check entry says. */
export interface CheckedClaim {
  claim: ClaimRow;
  claimant: ClaimantRow | null;
  check: AnnotationRow;
  article: ArticleRow;
}

/** Entry ids: tag URIs (RFC 4151) of the service's host, stable whatever the pages' addresses become. */
function tagId(publicUrl: string, what: string): string {
  return `tag:${new URL(publicUrl).hostname},2024:${what}`;
}

function dateOf(value: Date | string | null | undefined, fallback: Date): Date {
  return (typeof value === 'string' ? fromSqlDate(value) : value) ?? fallback;
}

/**
 * One fact-check as a feed entry: the claim, who made it, its rating in words (the
 * organisation's, or an imported fact-check's publisher's own) with the normalised verdict
 * when that reads otherwise, the summary, links.
 */
export function checkEntry(publicUrl: string, { claim, claimant, check, article }: CheckedClaim): FeedEntry {
  const words = claimWords(claim);
  const label = ratingLabel(check);
  const verdict = verdictLabel(check.verdict);
  const link = `${publicUrl}${claimPath(claim.id)}`;
  const published = dateOf(check.publishedAt, dateOf(check.createdAt, new Date(0)));
  const updated = dateOf(check.updatedAt, published);
  return {
    id: tagId(publicUrl, `fact-check/${toGlobalId('Annotation', check.id)}`),
    title: `${label}: “${words}”${claimant ? ` (${claimant.name})` : ''}`,
    link,
    published,
    updated: updated > published ? updated : published,
    summary: check.summary,
    content: html`<p><strong>Verdict: ${label}</strong>${verdict === label ? '' : html` (${verdict})`}</p>
<blockquote><p>“${words}”</p></blockquote>
<p>${claimant ? html`Claimed by ${claimant.name}, in ` : 'In '}<a href="${publicUrl}/articles/${encodeURIComponent(article.slug)}">${article.headline}</a></p>
<p>${check.summary}</p>
<p><a href="${link}">Read the full fact-check</a></p>`,
    author: check.author.name,
    category: { term: check.verdict, label, scheme: `${publicUrl}/verdicts` },
  };
}

/** Newest first by publication, then by id (the newer row first). */
function byPublication(x: CheckedClaim, y: CheckedClaim): number {
  const dx = dateOf(x.check.publishedAt, new Date(0)).getTime();
  const dy = dateOf(y.check.publishedAt, new Date(0)).getTime();
  return dy - dx || y.check.id - x.check.id;
}

/** The newest published fact-checks, read as an anonymous reader reads them. */
export async function factCheckEntries(
  db: Database,
  services: Services,
  reviews: ClaimReviewService,
  publicUrl: string,
): Promise<FeedEntry[]> {
  const { loaders } = contextFor(db, services, ANONYMOUS);
  const newest = await reviews.newestChecks(FEED_SIZE);
  const read = await Promise.all(
    newest.map(async ({ annotationId, claimId }): Promise<CheckedClaim | null> => {
      const [claim, check] = await Promise.all([
        loaders.claimById.load(claimId),
        loaders.annotationById.load(annotationId),
      ]);
      if (!claim || claim.id !== claimId || !check || check.status !== 'PUBLISHED') return null;
      const [article, claimant] = await Promise.all([
        loaders.articleById.load(claim.articleId),
        claim.claimantId === null ? null : loaders.claimantById.load(claim.claimantId),
      ]);
      return article ? { claim, claimant, check, article } : null;
    }),
  );
  return read
    .filter((entry): entry is CheckedClaim => entry !== null)
    .sort(byPublication)
    .map((entry) => checkEntry(publicUrl, entry));
}

/** A claimant's checked claims, each with the fact-check behind its verdict, newest first; null: no such claimant. */
export async function claimantEntries(
  db: Database,
  services: Services,
  publicUrl: string,
  slug: string,
): Promise<{ claimant: ClaimantRow; entries: FeedEntry[] } | null> {
  const view = await loadClaimantView(db, services, slug);
  if (!view) return null;
  const checked = view.claims.flatMap(({ claim, article, check }) =>
    check ? [{ claim, claimant: view.claimant, check, article }] : [],
  );
  return { claimant: view.claimant, entries: checked.sort(byPublication).map((entry) => checkEntry(publicUrl, entry)) };
}

/**
 * A topic's checked claims (those its page lists), each with the fact-check behind its verdict,
 * newest first; null: no such topic, or none readers may see yet.
 */
export async function topicEntries(
  db: Database,
  services: Services,
  publicUrl: string,
  slug: string,
): Promise<{ topic: TopicRow; entries: FeedEntry[] } | null> {
  const view = await loadTopicView(db, services, slug);
  if (!view) return null;
  const { loaders } = contextFor(db, services, ANONYMOUS);
  const checked = view.claims.flatMap(({ claim, article, check }) => (check ? [{ claim, article, check }] : []));
  const claimants = await Promise.all(
    checked.map(({ claim }) => (claim.claimantId === null ? null : loaders.claimantById.load(claim.claimantId))),
  );
  const entries = checked.map((entry, index) => ({ ...entry, claimant: claimants[index] ?? null }));
  return { topic: view.topic, entries: entries.sort(byPublication).map((entry) => checkEntry(publicUrl, entry)) };
}

function correctionTitle(correction: CorrectionRow, article: ArticleRow): string {
  switch (correction.kind) {
    case CorrectionKind.RETRACTED:
      return `Fact-check retracted: ${article.headline}`;
    case CorrectionKind.ARTICLE_UPDATED:
    case CorrectionKind.CHECK_UPDATED:
      return `Update: ${article.headline}`;
    default:
      return `Correction: ${article.headline}`;
  }
}

/** The newest public corrections and update notes (a retraction among them), newest first. */
export async function correctionEntries(db: Database, services: Services, publicUrl: string): Promise<FeedEntry[]> {
  const { loaders } = contextFor(db, services, ANONYMOUS);
  const ids = await services.annotations.recentlyCorrectedArticleIds(FEED_SIZE);
  const [articles, lists] = await Promise.all([
    loaders.articleById.loadMany(ids),
    loaders.correctionsByArticle.loadMany(ids),
  ]);
  const corrections = ids.flatMap((_, index) => {
    const article = articles[index];
    const list = lists[index];
    if (!article || article instanceof Error) return [];
    if (list instanceof Error) throw list;
    return list.map((correction) => ({ correction, article }));
  });
  corrections.sort(
    (x, y) => y.correction.createdAt.getTime() - x.correction.createdAt.getTime() || y.correction.id - x.correction.id,
  );
  const newest = corrections.slice(0, FEED_SIZE);
  const claims = await loaders.claimById.loadMany(newest.map(({ correction }) => correction.claimId ?? 0));
  return newest.map(({ correction, article }, index) => {
    const claim = claims[index];
    const shown = claim && !(claim instanceof Error) && claim.id === correction.claimId ? claim : null;
    const page = `${publicUrl}/articles/${encodeURIComponent(article.slug)}`;
    const link =
      correction.claimId !== null
        ? shown
          ? `${publicUrl}${claimPath(shown.id)}`
          : `${page}#${noteId(correction.claimId)}`
        : `${page}#corrections-title`;
    const what = correctionText(correction);
    return {
      id: tagId(publicUrl, correction.id > 0 ? `correction/${correction.id}` : `revision/${-correction.id}`),
      title: correctionTitle(correction, article),
      link,
      published: correction.createdAt,
      updated: correction.createdAt,
      summary: what,
      content: html`<p>${what}</p>
${shown ? html`<blockquote><p>“${claimWords(shown)}”</p></blockquote>` : ''}
<p>In <a href="${page}">${article.headline}</a>. <a href="${link}">See the record</a></p>`,
      author: null,
    };
  });
}
