import type { Services } from '../../app/context';
import { contextFor } from '../../app/services';
import type { Database } from '../../db/database';
import type { AnnotationRow } from '../../modules/annotation/annotation.rows';
import type { ArticleRow } from '../../modules/article/article.rows';
import { ANONYMOUS } from '../../modules/auth/viewer';
import type { ClaimRow } from '../../modules/claim/claim.rows';
import { claimAnchor } from '../../modules/claimreview/claim-review.service';
import type { TopicRow } from '../../modules/topic/topic.rows';
import { isTopicSlug } from '../../modules/topic/topic-slug';
import { type Html, html } from './html';
import { page } from './layout';
import { claimWords } from './notes';
import { verdictBadge } from './verdicts';

/** The most articles, and checked claims, one page lists. */
const MAX_ITEMS = 100;
/** Before every id: the newest first. */
const TOP = 2_147_483_647;

interface CheckedClaim {
  claim: ClaimRow;
  article: ArticleRow;
  check: AnnotationRow | null;
}

export interface TopicView {
  topic: TopicRow;
  articles: ArticleRow[];
  claims: CheckedClaim[];
}

/**
 * The topic with this slug as an anonymous reader sees it, with its published articles and its
 * checked claims (newest first), or null: unknown, or carried by nothing published yet.
 */
export async function loadTopicView(db: Database, services: Services, slug: string): Promise<TopicView | null> {
  if (!isTopicSlug(slug)) return null;
  const { loaders } = contextFor(db, services, ANONYMOUS);
  const topic = await loaders.topicBySlug.load(slug);
  if (!topic) return null;
  const key = { topicId: topic.id, beforeId: TOP, limit: MAX_ITEMS * 4 };
  const [articles, rows] = await Promise.all([loaders.articlesOfTopic.load(key), loaders.claimsOfTopic.load(key)]);
  const checked = rows.filter((claim) => claim.verdict !== null).slice(0, MAX_ITEMS);
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
  return { topic, articles: articles.slice(0, MAX_ITEMS), claims };
}

function articleItem(article: ArticleRow): Html {
  return html`<li class="card">
<h2><a href="/articles/${encodeURIComponent(article.slug)}">${article.headline}</a></h2>
${article.standfirst ? html`<p class="meta">${article.standfirst}</p>` : ''}
</li>`;
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

/** GET /topics/:slug: the topic, its published articles and its checked claims with their verdicts. */
export function renderTopicPage({ topic, articles, claims }: TopicView): Html {
  return page({
    title: `${topic.name} · factline`,
    description: `Articles and fact-checked claims on ${topic.name}.`,
    alternates: [
      {
        type: 'application/atom+xml',
        href: `/feeds/topics/${encodeURIComponent(topic.slug)}.atom`,
        title: `Fact-checks on ${topic.name}`,
      },
    ],
    bodyClass: 'list-page',
    main: html`<main id="content" class="list">
<header class="list-head">
<p class="kicker">Topic</p>
<h1>${topic.name}</h1>
${topic.description ? html`<p class="lede">${topic.description}</p>` : ''}
</header>
<h2>Articles</h2>
${articles.length ? html`<ol class="articles">${articles.map(articleItem)}</ol>` : html`<p class="empty">No article on this topic yet.</p>`}
<h2>Checked claims</h2>
${claims.length ? html`<ol class="articles">${claims.map(claimItem)}</ol>` : html`<p class="empty">No claim on this topic has been checked yet.</p>`}
</main>`,
  });
}
