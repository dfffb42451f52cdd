import type { ClaimStats } from '../../modules/article/article.loaders';
import type { ArticleRow } from '../../modules/article/article.rows';
import { type Html, html } from './html';
import { dateHtml, page } from './layout';
import { verdictSummaryBar } from './verdicts';

export interface ArticleListView {
  items: { article: ArticleRow; stats: ClaimStats }[];
  nextCursor: string | null;
  /** Whether this is a later page (reached with ?after=). */
  paged: boolean;
}

function articleCard({ article, stats }: ArticleListView['items'][number]): Html {
  const href = `/articles/${encodeURIComponent(article.slug)}`;
  const claims = stats.claimCount === 1 ? '1 claim checked' : `${stats.claimCount} claims checked`;
  return html`<li class="card">
<p class="kicker">${article.section ? html`${article.section} · ` : ''}${dateHtml(article.publishedAt)}</p>
<h2><a href="${href}">${article.headline}</a></h2>
${article.standfirst ? html`<p class="standfirst">${article.standfirst}</p>` : ''}
<p class="meta">${article.authors.length ? html`By ${article.authors.join(', ')} · ` : ''}<span class="claim-count">${claims}</span></p>
${verdictSummaryBar(stats, { compact: true })}
</li>`;
}

/** GET /articles: published articles, newest first, with their verdict summaries. */
export function renderListPage(view: ArticleListView): Html {
  const pager = [
    view.paged ? html`<a href="/articles">Newest articles</a>` : '',
    view.nextCursor
      ? html`<a rel="next" href="/articles?${new URLSearchParams({ after: view.nextCursor }).toString()}">Older articles</a>`
      : '',
  ].filter((link) => link !== '');
  return page({
    title: 'Articles · factline',
    description: 'Fact-checked news, claim by claim.',
    bodyClass: 'list-page',
    main: html`<main id="content" class="list">
<header class="list-head">
<h1>Articles</h1>
<p class="lede">Fact-checked news, claim by claim. Open an article to see every checked claim highlighted in the text.</p>
</header>
${view.items.length ? html`<ol class="articles">${view.items.map(articleCard)}</ol>` : html`<p class="empty">No articles yet.</p>`}
${pager.length ? html`<nav class="pager" aria-label="Pages">${pager}</nav>` : ''}
</main>`,
  });
}
