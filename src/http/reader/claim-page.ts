import { claimAnchor } from '../../modules/claimreview/claim-review.service';
import type { ArticleRow } from '../../modules/article/article.rows';
import { type ClaimView, claimPath, embedPath } from './claim-data';
import { type Html, html } from './html';
import { dateHtml, page } from './layout';
import {
  checkByline,
  citationsHtml,
  claimWords,
  earlierHtml,
  historyHtml,
  isStale,
  paragraphs,
  placesHtml,
} from './notes';
import { currentCheck } from './article-data';
import { claimBadge, claimLabel, verdictClass } from './verdicts';
import { topicLinks } from './topic-links';

/** The oEmbed address of a page of this service, for content systems that discover embeds. */
export function oembedHref(publicUrl: string, path: string): string {
  return `${publicUrl}/oembed?${new URLSearchParams({ url: `${publicUrl}${path}`, format: 'json' })}`;
}

function articleLink(article: ArticleRow, claimId: number): Html {
  return html`<a href="/articles/${encodeURIComponent(article.slug)}#${claimAnchor(claimId)}">${article.headline}</a>`;
}

/** Where the claim was made in factline's articles: its own article first, then its other places. */
function madeInHtml(view: ClaimView): Html {
  const items = [view.article, ...view.elsewhere].map(
    (article) =>
      html`<li>${articleLink(article, view.claim.id)}${article.publishedAt ? html` · ${dateHtml(article.publishedAt)}` : ''}</li>`,
  );
  return html`<h2 class="note-sub">Where it was made</h2>
<ul class="made-in">${items}</ul>
${placesHtml(view.places)}`;
}

/** GET /claims/:id: the claim in words, who made it, its verdict, its fact-checks with sources, where it was made. */
export function renderClaimPage(view: ClaimView, publicUrl: string): Html {
  const { claim, claimant } = view;
  const current = currentCheck(view.annotations);
  const others = view.annotations.filter((annotation) => annotation !== current);
  const words = claimWords(claim);
  const path = claimPath(claim.id);
  return page({
    title: `${claimLabel(claim.verdict, current)}: “${words}” · factline`,
    description: current ? current.summary : `A claim${claimant ? ` by ${claimant.name}` : ''} checked by factline.`,
    lang: claim.language ?? view.article.language,
    alternates: [{ type: 'application/json+oembed', href: oembedHref(publicUrl, path), title: words }],
    bodyClass: 'list-page',
    main: html`<main id="content" class="list claim-page ${verdictClass(claim.verdict)}">
<header class="list-head">
<p class="kicker">Fact-check</p>
<p class="note-head">${claimBadge(claim.verdict, current, 'verdict')}</p>
<blockquote class="quote claim-words"><p>${words}</p>${claimant ? html`<footer><a href="/claimants/${encodeURIComponent(claimant.slug)}">${claimant.name}</a></footer>` : ''}</blockquote>
${isStale(claim) ? html`<p class="notice notice-stale">The article's text changed since this was checked (revision ${claim.checkedRevision}).</p>` : ''}
${topicLinks(view.topics)}
</header>
<section class="card claim-check">
${
  current
    ? html`<h1 class="note-summary">${current.summary}</h1>
<div class="note-body">${paragraphs(current.body)}</div>
${citationsHtml(current)}
${checkByline(current)}`
    : html`<h1 class="note-summary">Not yet fact-checked</h1>`
}
${others.length ? html`<h2 class="note-sub">${current ? 'Earlier fact-checks' : 'Retracted fact-checks'}</h2><ul class="earlier">${others.map(earlierHtml)}</ul>` : ''}
${historyHtml(view.corrections)}
${madeInHtml(view)}
<p class="meta">Embed this fact-check: <a href="${embedPath(claim.id)}">claim card</a></p>
</section>
</main>`,
  });
}
