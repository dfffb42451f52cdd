import { CorrectionKind } from '../../modules/annotation/correction.entity';
import { ClaimAnchorStatus } from '../../modules/claim/anchor-status';
import { claimAnchor } from '../../modules/claimreview/claim-review.service';
import { type ArticleView, currentCheck } from './article-data';
import { renderBody, type HighlightClaim } from './highlight';
import { type Html, html, jsonForScript, safeHref } from './html';
import { dateHtml, page } from './layout';
import { correctionText, isStale, labelId, noteHtml, noteId } from './notes';
import { claimBadge, verdictKey, verdictSummaryBar } from './verdicts';
import { topicLinks } from './topic-links';

/** Corrections of the article itself, rather than of its claims' fact-checks. */
const ARTICLE_CHANGES: ReadonlySet<string> = new Set([CorrectionKind.BODY_CORRECTED, CorrectionKind.ARTICLE_UPDATED]);

/** Claims the server would not place in the text: their notes are listed, flagged, unmarked. */
const UNPLACED: ReadonlySet<ClaimAnchorStatus> = new Set([ClaimAnchorStatus.AMBIGUOUS, ClaimAnchorStatus.ORPHANED]);

function bylineHtml(view: ArticleView): Html {
  const { article } = view;
  const authors = article.authors.length ? html`By <span class="authors">${article.authors.join(', ')}</span>` : '';
  // Only what readers saw counts: changes made before publication are not corrections.
  const changes = view.corrections.filter((correction) => ARTICLE_CHANGES.has(correction.kind)).length;
  const changed =
    changes > 0 ? html`<span>${changes === 1 ? 'Corrected once' : `Corrected ${changes} times`}</span>` : '';
  const parts = [authors, article.publishedAt ? dateHtml(article.publishedAt) : '', changed].filter(
    (part) => part !== '',
  );
  return html`<p class="byline">${parts.map((part, i) => html`${i ? html`<span class="dot" aria-hidden="true"> · </span>` : ''}${part}`)}</p>`;
}

function correctionsHtml(view: ArticleView): Html {
  if (view.corrections.length === 0) return html``;
  const items = view.corrections.map((correction) => {
    const link =
      correction.claimId !== null ? html` <a href="#${noteId(correction.claimId)}">See the fact-check</a>` : '';
    return html`<li>${dateHtml(correction.createdAt)}<span>${correctionText(correction)}${link}</span></li>`;
  });
  return html`<section class="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">Corrections</h2>
<ol>${items}</ol>
</section>`;
}

/** Links to the notes of claims without a mark of their own, so they can be reached with JavaScript on too. */
function unmarkedHtml(claims: ArticleView['claims']): Html {
  if (claims.length === 0) return html``;
  const items = claims.map(
    ({ claim, annotations }) =>
      html`<li><a href="#${noteId(claim.id)}">${claimBadge(claim.verdict, currentCheck(annotations))} <span class="unmarked-quote">“${claim.quote}”</span></a></li>`,
  );
  return html`<div class="unmarked">
<h3>Not highlighted in the text</h3>
<ul>${items}</ul>
</div>`;
}

/** The reader page of one article: the text with its claims highlighted, and their fact-checks. */
export function renderArticlePage(view: ArticleView): Html {
  const { article, claims } = view;
  const highlights: HighlightClaim[] = claims
    .filter(({ claim }) => !UNPLACED.has(claim.anchorStatus))
    .map(({ claim }) => ({
      claimId: claim.id,
      start: claim.startOffset,
      end: claim.endOffset,
      verdict: claim.verdict,
      stale: isStale(claim),
      anchorId: claimAnchor(claim.id),
      noteId: noteId(claim.id),
      labelId: labelId(claim.id),
    }));
  const body = renderBody(article.body, highlights);
  const placement = (id: number) => (body.marked.has(id) ? 'marked' : body.covered.has(id) ? 'covered' : 'unplaced');
  const notes = claims.map((entry, index) =>
    noteHtml(entry, { index, total: claims.length, placement: placement(entry.claim.id) }),
  );
  const checked = view.stats.claimCount;
  const original = safeHref(article.url);
  const jsonLd = view.reviews.length
    ? html`<script type="application/ld+json">${jsonForScript(view.reviews)}</script>`
    : '';

  return page({
    title: `${article.headline} · factline`,
    description: article.standfirst,
    lang: article.language,
    head: jsonLd,
    bodyClass: 'article-page',
    main: html`<main id="content" class="reader">
<article class="story" aria-labelledby="headline">
<header class="story-head">
${article.section ? html`<p class="kicker">${article.section}</p>` : ''}
<h1 id="headline">${article.headline}</h1>
${article.standfirst ? html`<p class="standfirst">${article.standfirst}</p>` : ''}
${bylineHtml(view)}
${topicLinks(view.topics)}
</header>
<section class="checked" aria-labelledby="checked-title">
<h2 id="checked-title" class="checked-title">${checked === 1 ? '1 claim' : `${checked} claims`} fact-checked in this article</h2>
${verdictSummaryBar(view.stats)}
</section>
<div class="story-body">
${body.html}
</div>
${original ? html`<p class="original">Originally published at <a href="${original}" rel="noopener noreferrer external">${new URL(original).host}</a></p>` : ''}
${correctionsHtml(view)}
</article>
<aside id="notes" class="notes" aria-labelledby="notes-title">
<div class="notes-intro">
<h2 id="notes-title">Fact-checks</h2>
<p class="hint">${claims.length ? 'Select a highlighted passage to read its fact-check.' : 'No claims in this article have been checked yet.'}</p>
${claims.length ? verdictKey(view.scale) : ''}
${unmarkedHtml(claims.filter(({ claim }) => placement(claim.id) !== 'marked'))}
</div>
<div class="notes-list">
${notes}
</div>
</aside>
</main>`,
  });
}
