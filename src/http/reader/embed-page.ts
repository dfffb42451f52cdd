import type { Withdrawal } from '../../modules/article/article.service';
import { type ClaimView, claimPath } from './claim-data';
import { type Html, html } from './html';
import { READER_ASSET_PREFIX, SCALE_STYLESHEET } from './layout';
import { claimWords } from './notes';
import { currentCheck } from './article-data';
import { claimBadge, claimLabel, verdictClass } from './verdicts';

/**
 * The claim card's policy: the one page other sites may frame. No script runs in it at all
 * (no script-src: default-src 'none' refuses every script), and it posts nothing.
 */
export const EMBED_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

/** A card document: the reader's stylesheet (the verdict colours) and the card's, nothing else. */
function cardDocument(title: string, lang: string, body: Html): Html {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${READER_ASSET_PREFIX}/reader.css">
<link rel="stylesheet" href="${SCALE_STYLESHEET}">
<link rel="stylesheet" href="${READER_ASSET_PREFIX}/embed.css">
</head>
<body class="embed">
${body}
</body>
</html>
`;
}

/** A link out of the frame: a new tab, which cannot reach back into the page that framed the card. */
function outLink(href: string, text: string): Html {
  return html`<a class="embed-link" href="${href}" target="_blank" rel="noopener">${text}</a>`;
}

/** GET /embed/claims/:id: the claim, who made it, its verdict in words and a link to the full fact-check. */
export function renderEmbedCard(view: ClaimView): Html {
  const { claim, claimant } = view;
  const current = currentCheck(view.annotations);
  const words = claimWords(claim);
  return cardDocument(
    `${claimLabel(claim.verdict, current)}: “${words}” · factline`,
    claim.language ?? view.article.language,
    html`<article class="embed-card ${verdictClass(claim.verdict)}">
<p class="embed-head"><span class="embed-brand"><span class="brand-mark" aria-hidden="true">✓</span>factline fact-check</span>${claimBadge(claim.verdict, current)}</p>
<blockquote class="embed-claim"><p>“${words}”</p>${claimant ? html`<footer>${claimant.name}</footer>` : ''}</blockquote>
${current ? html`<p class="embed-summary">${current.summary}</p>` : ''}
<p class="embed-foot">${outLink(claimPath(claim.id), current ? 'Read the full fact-check' : 'See the claim')}</p>
</article>`,
  );
}

/** A card saying why there is no claim to show (404, or 410 when its article was withdrawn). */
export function renderEmbedGone(withdrawal: Withdrawal | null): Html {
  const message = withdrawal
    ? 'This fact-check is no longer available: the article it was part of has been withdrawn.'
    : 'There is no published fact-check at this address.';
  return cardDocument(
    'Fact-check not available · factline',
    'en',
    html`<article class="embed-card v-none">
<p class="embed-head"><span class="embed-brand"><span class="brand-mark" aria-hidden="true">✓</span>factline fact-check</span></p>
<p class="embed-summary">${message}</p>
<p class="embed-foot">${outLink('/articles', 'See factline’s fact-checks')}</p>
</article>`,
  );
}
