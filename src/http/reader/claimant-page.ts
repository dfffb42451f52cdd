import type { Services } from '../../app/context';
import { contextFor } from '../../app/services';
import type { Database } from '../../db/database';
import type { AnnotationRow } from '../../modules/annotation/annotation.rows';
import type { ClaimStats } from '../../modules/article/article.loaders';
import type { ArticleRow } from '../../modules/article/article.rows';
import { ANONYMOUS } from '../../modules/auth/viewer';
import type { ClaimRow } from '../../modules/claim/claim.rows';
import { MAX_SLUG, wikidataUrl } from '../../modules/claimant/claimant-name';
import type { ClaimantRow } from '../../modules/claimant/claimant.rows';
import { claimAnchor } from '../../modules/claimreview/claim-review.service';
import { type Html, html } from './html';
import { page } from './layout';
import { claimWords } from './notes';
import { verdictBadge, verdictSummaryBar } from './verdicts';

/** The most checked claims one page lists. */
const MAX_CLAIMS = 100;

/** A checked claim of the claimant, with where it appears and the fact-check behind its verdict. */
interface CheckedClaim {
  claim: ClaimRow;
  article: ArticleRow;
  check: AnnotationRow | null;
}

export interface ClaimantView {
  claimant: ClaimantRow;
  stats: ClaimStats;
  claims: CheckedClaim[];
}

/** Claimant slugs as the service makes them (claimant-name.ts): anything else is no claimant. */
function isClaimantSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG + 8 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug);
}

/**
 * The claimant with this slug as an anonymous reader sees it (a merged one's slug gives the one
 * it was merged into), with their checked claims, or null.
 */
export async function loadClaimantView(db: Database, services: Services, slug: string): Promise<ClaimantView | null> {
  if (!isClaimantSlug(slug)) return null;
  const { loaders } = contextFor(db, services, ANONYMOUS);
  const claimant = await loaders.claimantBySlug.load(slug);
  if (!claimant) return null;
  const [rows, stats] = await Promise.all([
    loaders.claimsOfClaimant.load({ claimantId: claimant.id, verdict: null, afterId: 0, limit: MAX_CLAIMS * 4 }),
    loaders.claimStatsOfClaimant.load(claimant.id),
  ]);
  const checked = rows.filter((claim) => claim.verdict !== null).slice(0, MAX_CLAIMS);
  const claims = await Promise.all(
    checked.map(async (claim) => {
      const [article, annotations] = await Promise.all([
        loaders.articleById.load(claim.articleId),
        loaders.annotationsByClaim.load(claim.id),
      ]);
      return {
        claim,
        article: article as ArticleRow,
        check: annotations.find((annotation) => annotation.status === 'PUBLISHED') ?? null,
      };
    }),
  );
  const rated = stats.verdictSummary.reduce((sum, entry) => sum + entry.count, 0);
  return { claimant, stats: { claimCount: rated, verdictSummary: stats.verdictSummary }, claims };
}

function claimItem({ claim, article, check }: CheckedClaim): Html {
  const href = `/articles/${encodeURIComponent(article.slug)}#${claimAnchor(claim.id)}`;
  return html`<li class="card">
<p class="note-head">${verdictBadge(claim.verdict)}</p>
<blockquote class="quote"><p>${claimWords(claim)}</p></blockquote>
${check ? html`<p class="note-summary">${check.summary}</p>` : ''}
<p class="meta">In <a href="${href}">${article.headline}</a></p>
</li>`;
}

/** GET /claimants/:slug: who they are, the verdicts on their claims, and each checked claim. */
export function renderClaimantPage({ claimant, stats, claims }: ClaimantView): Html {
  const aliases = JSON.parse(claimant.aliases) as string[];
  const kind = claimant.kind === 'ORGANIZATION' ? 'Organisation' : 'Person';
  return page({
    title: `${claimant.name} · factline`,
    description: `Fact-checked claims made by ${claimant.name}.`,
    alternates: [
      {
        type: 'application/atom+xml',
        href: `/feeds/claimants/${encodeURIComponent(claimant.slug)}.atom`,
        title: `Fact-checks of ${claimant.name}`,
      },
    ],
    bodyClass: 'list-page',
    main: html`<main id="content" class="list">
<header class="list-head">
<p class="kicker">${kind}</p>
<h1>${claimant.name}</h1>
${claimant.description ? html`<p class="lede">${claimant.description}</p>` : ''}
${aliases.length ? html`<p class="meta">Also known as ${aliases.join(', ')}</p>` : ''}
${claimant.wikidataId ? html`<p class="meta"><a rel="external" href="${wikidataUrl(claimant.wikidataId)}">Wikidata ${claimant.wikidataId}</a></p>` : ''}
</header>
${verdictSummaryBar(stats)}
${claims.length ? html`<ol class="articles">${claims.map(claimItem)}</ol>` : html`<p class="empty">None of their claims has been checked yet.</p>`}
</main>`,
  });
}
