import type { ClaimStats } from '../../modules/article/article.loaders';
import { type Verdict, VERDICT_SCALE, VERDICTS } from '../../modules/annotation/verdict';
import { type Html, html } from './html';

/** The CSS class carrying a verdict's colour (reader.css); `v-none` for claims not yet rated. */
export function verdictClass(verdict: Verdict | null): string {
  return verdict ? `v-${verdict.toLowerCase().replace(/_/g, '-')}` : 'v-none';
}

export function verdictLabel(verdict: Verdict | null): string {
  return verdict ? VERDICT_SCALE[verdict].label : 'Not yet rated';
}

/** A verdict badge: colour and its label in words (colour is never the only signal). */
export function verdictBadge(verdict: Verdict | null, id?: string): Html {
  return html`<span class="badge ${verdictClass(verdict)}"${id ? html` id="${id}"` : ''}>${verdictLabel(verdict)}</span>`;
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

/** The colour key of the highlights: every verdict, unrated claims and stale verdicts, in words. */
export function verdictKey(): Html {
  const rows = [...VERDICTS, null].map(
    (verdict) =>
      html`<li><span class="sample ${verdictClass(verdict)}" aria-hidden="true"></span>${verdictLabel(verdict)}</li>`,
  );
  return html`<ul class="key" aria-label="Highlight colours">${rows}<li><span class="sample stale" aria-hidden="true"></span>Text changed since checked</li></ul>`;
}
