import type { AnnotationRatingColumns } from '../../modules/annotation/annotation.rows';
import type { ClaimStats } from '../../modules/article/article.loaders';
import { type Verdict, VERDICT_SCALE, VERDICTS } from '../../modules/annotation/verdict';
import type { ScaleRatingRow } from '../../modules/rating/rating.types';
import { ratingOf } from '../../modules/rating/rating-view';
import { type Html, html } from './html';

/**
 * The CSS class carrying a verdict's colour: the scale's first rating of it (scale.css), over
 * reader.css's fixed palette; `v-none` for claims not yet rated.
 */
export function verdictClass(verdict: Verdict | null): string {
  return verdict ? `v-${verdict.toLowerCase().replace(/_/g, '-')}` : 'v-none';
}

/**
 * The normalised verdict in words ("Mostly false"), where only the verdict is known: a claim
 * without its fact-check at hand, a correction's before and after. A fact-check shows its own
 * rating instead (`ratingLabel`, `ratingBadge`).
 */
export function verdictLabel(verdict: Verdict | null): string {
  return verdict ? VERDICT_SCALE[verdict].label : 'Not yet rated';
}

/** A verdict badge: colour and its label in words (colour is never the only signal). */
export function verdictBadge(verdict: Verdict | null, id?: string): Html {
  return html`<span class="badge ${verdictClass(verdict)}"${id ? html` id="${id}"` : ''}>${verdictLabel(verdict)}</span>`;
}

type RatedCheck = AnnotationRatingColumns & { verdict: Verdict };

/** A fact-check's rating in words: the organisation's label, or its publisher's own for an imported one. */
export function ratingLabel(check: RatedCheck): string {
  return ratingOf(check).label;
}

/** The classes of a fact-check's colour: its rating's (scale.css), else its verdict's. */
function ratingClasses(check: RatedCheck): string {
  return check.ratingId === null ? verdictClass(check.verdict) : `${verdictClass(check.verdict)} r-${check.ratingId}`;
}

/** A fact-check's badge: its rating's colour and its label in words. */
export function ratingBadge(check: RatedCheck, id?: string): Html {
  return html`<span class="badge ${ratingClasses(check)}"${id ? html` id="${id}"` : ''}>${ratingLabel(check)}</span>`;
}

/** A claim's badge: its current fact-check's rating when there is one, else its verdict (or "Not yet rated"). */
export function claimBadge(verdict: Verdict | null, current: RatedCheck | undefined, id?: string): Html {
  return current && current.verdict === verdict ? ratingBadge(current, id) : verdictBadge(verdict, id);
}

/** A claim's label in words, as its badge says it. */
export function claimLabel(verdict: Verdict | null, current: RatedCheck | undefined): string {
  return current && current.verdict === verdict ? ratingLabel(current) : verdictLabel(verdict);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The verdict summary: a stacked bar (SVG, sized by attributes: the CSP allows no inline
 * styles) and a legend that says the same in words.
 */
export function verdictSummaryBar(stats: ClaimStats, options: { compact?: boolean } = {}): Html {
  const rated = stats.verdictSummary.reduce((sum, entry) => sum + entry.count, 0);
  const unrated = Math.max(0, stats.claimCount - rated);
  const parts: { verdict: Verdict | null; count: number }[] = [
    ...[...stats.verdictSummary].sort((x, y) => VERDICTS.indexOf(x.verdict) - VERDICTS.indexOf(y.verdict)),
    ...(unrated > 0 ? [{ verdict: null, count: unrated }] : []),
  ];
  if (stats.claimCount === 0) return html`<p class="vsummary-empty">No claims checked yet.</p>`;
  const description = parts.map((part) => `${part.count} ${verdictLabel(part.verdict).toLowerCase()}`).join(', ');
  let x = 0;
  const rects = parts.map((part) => {
    const width = (part.count / stats.claimCount) * 100;
    const rect = html`<rect class="${verdictClass(part.verdict)}" x="${x.toFixed(3)}" y="0" width="${width.toFixed(3)}" height="10"><title>${part.count} ${verdictLabel(part.verdict)}</title></rect>`;
    x += width;
    return rect;
  });
  const legend = parts.map(
    (part) =>
      html`<li><span class="swatch ${verdictClass(part.verdict)}" aria-hidden="true"></span>${verdictLabel(part.verdict)} <span class="count">${part.count}</span></li>`,
  );
  return html`<div class="vsummary${options.compact ? ' compact' : ''}">
<svg class="vbar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${plural(stats.claimCount, 'claim')}: ${description}">${rects}</svg>
<ul class="legend">${legend}</ul>
</div>`;
}

/**
 * The colour key: the organisation's scale in its order, each rating's colour with its label in
 * words, then unrated claims and stale verdicts. A claim is highlighted in the colour of its
 * verdict's first rating; a fact-check's badge in its own rating's.
 */
export function verdictKey(scale: readonly ScaleRatingRow[]): Html {
  const rows = scale.map(
    (rating) =>
      html`<li><span class="sample ${verdictClass(rating.verdict)} r-${rating.id}" aria-hidden="true"></span>${rating.label}</li>`,
  );
  // A scale emptied of a verdict still has claims of it: they are keyed under the verdict's name.
  const missing = VERDICTS.filter((verdict) => !scale.some((rating) => rating.verdict === verdict)).map(
    (verdict) =>
      html`<li><span class="sample ${verdictClass(verdict)}" aria-hidden="true"></span>${verdictLabel(verdict)}</li>`,
  );
  return html`<ul class="key" aria-label="Rating colours">${rows}${missing}<li><span class="sample v-none" aria-hidden="true"></span>${verdictLabel(null)}</li><li><span class="sample stale" aria-hidden="true"></span>Text changed since checked</li></ul>`;
}
