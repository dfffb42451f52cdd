import { fromSqlDate, type SqlTimestamp } from '../../db/sql-dates';
import type { Withdrawal } from '../../modules/article/article.service';
import { type Html, html, type HtmlValue } from './html';

export const READER_ASSET_PREFIX = '/reader/assets';
/** The colours of the organisation's rating scale, generated (scale-style.ts); after reader.css, which it overrides. */
export const SCALE_STYLESHEET = '/reader/scale.css';

export interface PageOptions {
  title: string;
  description?: string | null;
  lang?: string;
  /** Extra markup at the end of <head> (JSON-LD). */
  head?: HtmlValue;
  bodyClass?: string;
  main: HtmlValue;
  /** Links to this page in other forms (its Atom feed, its oEmbed), besides the site-wide feeds. */
  alternates?: readonly Alternate[];
}

export interface Alternate {
  type: 'application/atom+xml' | 'application/json+oembed';
  href: string;
  title: string;
}

/** The site-wide feeds, linked from every reader page. */
export const SITE_FEEDS: readonly Alternate[] = [
  { type: 'application/atom+xml', href: '/feeds/fact-checks.atom', title: 'factline fact-checks' },
  { type: 'application/atom+xml', href: '/feeds/corrections.atom', title: 'factline corrections' },
];

function alternateLinks(alternates: readonly Alternate[]): Html {
  return html`${alternates.map(
    ({ type, href, title }) => html`<link rel="alternate" type="${type}" href="${href}" title="${title}">
`,
  )}`;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date as readers see it (14 April 2021) in a <time> element. */
export function dateHtml(value: Date | SqlTimestamp | null | undefined): Html {
  const date = typeof value === 'string' ? fromSqlDate(value) : value;
  if (!date) return html``;
  return html`<time datetime="${date.toISOString()}">${DATE_FORMAT.format(date)}</time>`;
}

/** The whole page: the reader's and the scale's stylesheets and one script of this origin, nothing inline but JSON-LD data. */
export function page(options: PageOptions): Html {
  return html`<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
${options.description ? html`<meta name="description" content="${options.description}">\n` : ''}<link rel="icon" href="data:,">
<link rel="stylesheet" href="${READER_ASSET_PREFIX}/reader.css">
<link rel="stylesheet" href="${SCALE_STYLESHEET}">
<script src="${READER_ASSET_PREFIX}/reader.js"></script>
${alternateLinks([...SITE_FEEDS, ...(options.alternates ?? [])])}${options.head ?? ''}
</head>
<body${options.bodyClass ? html` class="${options.bodyClass}"` : ''}>
<a class="skip" href="#content">Skip to the article</a>
<header class="site">
<a class="brand" href="/articles"><span class="brand-mark" aria-hidden="true">✓</span>factline</a>
<nav aria-label="Site"><a href="/articles">Articles</a><a href="/graphql">API playground</a></nav>
</header>
${options.main}
<footer class="site">
<p>Fact-checks by the factline desk. Highlighted passages link to their fact-check; colours follow the desk's rating scale, always with the rating in words.</p>
</footer>
</body>
</html>
`;
}

/** What readers find at the address of a published article since withdrawn (410 Gone). */
export function withdrawalPage(withdrawal: Withdrawal): Html {
  return page({
    title: `Withdrawn: ${withdrawal.headline} · factline`,
    main: html`<main id="content" class="plain">
<h1>This article has been withdrawn</h1>
<p class="withdrawn-headline">“${withdrawal.headline}”</p>
<p>Withdrawn ${dateHtml(withdrawal.withdrawnAt)}: ${withdrawal.note}</p>
<p><a href="/articles">See all articles</a></p>
</main>`,
  });
}

/** An HTML error page (404 for an unknown article, 400 for a forged cursor). */
export function errorPage(title: string, message: string): Html {
  return page({
    title: `${title} · factline`,
    main: html`<main id="content" class="plain">
<h1>${title}</h1>
<p>${message}</p>
<p><a href="/articles">See all articles</a></p>
</main>`,
  });
}
