import { toGlobalId } from '../../graphql/relay/global-id';
import type { CorrectionRow } from '../../modules/annotation/annotation.rows';
import { CorrectionKind } from '../../modules/annotation/correction.entity';
import type { OutsideAppearanceRow } from '../../modules/appearance/appearance.rows';
import { STALE_ANCHOR_STATUSES } from '../../modules/claim/anchor-status';
import { claimAnchor } from '../../modules/claimreview/claim-review.service';
import type { ClaimRow } from '../../modules/claim/claim.rows';
import { currentCheck, type ReaderAnnotation, type ReaderClaim } from './article-data';
import { type Html, html, safeHref, textWithBreaks } from './html';
import { dateHtml } from './layout';
import { claimBadge, claimLabel, ratingBadge, verdictClass, verdictLabel } from './verdicts';

/** HTML ids of a claim's note and of the text describing its mark. */
export function noteId(claimId: number): string {
  return `note-${toGlobalId('Claim', claimId)}`;
}

export function labelId(claimId: number): string {
  return `label-${toGlobalId('Claim', claimId)}`;
}

/** A published verdict that may no longer fit the words (the text changed since it was checked). */
export function isStale(claim: ClaimRow): boolean {
  return claim.verdict !== null && STALE_ANCHOR_STATUSES.has(claim.anchorStatus);
}

const STANCES: Record<string, string> = { SUPPORTS: 'Supports', REFUTES: 'Refutes', CONTEXT: 'Context' };

export function paragraphs(text: string): Html[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .filter((part) => part.trim() !== '')
    .map((part) => html`<p>${textWithBreaks(part.trim())}</p>`);
}

export function citationsHtml(annotation: ReaderAnnotation): Html {
  if (annotation.citations.length === 0) return html``;
  const items = annotation.citations.map(({ source, stance, excerpt }) => {
    const href = safeHref(source.url);
    const title = href
      ? html`<a href="${href}" rel="noopener noreferrer nofollow external">${source.title}</a>`
      : html`<span>${source.title}</span>`;
    const meta = [source.publisher, source.publishedAt ? dateHtml(source.publishedAt) : null].filter(Boolean);
    return html`<li class="source">
<p class="source-head"><span class="stance stance-${stance.toLowerCase()}">${STANCES[stance] ?? stance}</span> ${title}</p>
${meta.length ? html`<p class="source-meta">${meta.map((part, i) => html`${i ? ' · ' : ''}${part}`)}</p>` : ''}
${excerpt ? html`<blockquote class="excerpt">${textWithBreaks(excerpt)}</blockquote>` : ''}
</li>`;
  });
  return html`<h4 class="note-sub">Sources</h4>
<ul class="sources">${items}</ul>`;
}

/** A moment in a recording as players show it: 0:07, 12:30, 1:02:03. */
function clockTime(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Where in a recording the claim is made: "at 0:30–0:45", "at 0:30", "until 0:45"; null when not timed. */
function timeRange(start: number | null, end: number | null): string | null {
  if (start !== null && end !== null) return `at ${clockTime(start)}–${clockTime(end)}`;
  if (start !== null) return `at ${clockTime(start)}`;
  if (end !== null) return `until ${clockTime(end)}`;
  return null;
}

function timeRangeHtml(place: OutsideAppearanceRow): Html | null {
  const range = timeRange(place.startSeconds, place.endSeconds);
  return range ? html`<span class="place-time">${range}</span>` : null;
}

/** How a place is named when nobody gave it a title: its site, or the address itself. */
function placeName(place: OutsideAppearanceRow, href: string | null): string {
  return place.title ?? (href ? new URL(href).host : place.url);
}

/**
 * The other places the claim was made, outside factline. Listing a place is no endorsement of
 * it: its link is nofollow, and carries the same rel as a cited source's otherwise.
 */
export function placesHtml(places: readonly OutsideAppearanceRow[]): Html {
  if (places.length === 0) return html``;
  const items = places.map((place) => {
    const href = safeHref(place.url);
    const name = placeName(place, href);
    const link = href
      ? html`<a href="${href}" rel="nofollow noopener noreferrer external">${name}</a>`
      : html`<span>${name}</span>`;
    const meta = [place.publisher, place.appearedAt ? dateHtml(place.appearedAt) : null, timeRangeHtml(place)].filter(
      (part) => part !== null,
    );
    return html`<li class="place">
<p class="place-head">${link}</p>
${meta.length ? html`<p class="place-meta">${meta.map((part, i) => html`${i ? ' · ' : ''}${part}`)}</p>` : ''}
</li>`;
  });
  return html`<h4 class="note-sub">Also made elsewhere</h4>
<ul class="places">${items}</ul>`;
}

/** Everyone who wrote or changed the fact-check, so the credit is true. */
export function checkByline(annotation: ReaderAnnotation): Html {
  const names =
    annotation.contributors.length > 0 ? annotation.contributors.map((user) => user.name) : [annotation.author.name];
  return html`<p class="checked-by">Checked by ${names.join(', ')}${annotation.publishedAt ? html` · ${dateHtml(annotation.publishedAt)}` : ''}</p>`;
}

export function earlierHtml(annotation: ReaderAnnotation): Html {
  const retracted = annotation.status === 'RETRACTED';
  return html`<li class="earlier-check">
<p>${ratingBadge(annotation)} ${retracted ? html`<span class="retracted">Retracted${annotation.retractedAt ? html` ${dateHtml(annotation.retractedAt)}` : ''}</span>` : ''}</p>
<p class="earlier-summary">${annotation.summary}</p>
${retracted && annotation.retractionReason ? html`<p class="retraction-reason">Reason: ${annotation.retractionReason}</p>` : ''}
${checkByline(annotation)}
</li>`;
}

/** What changed, in words, then the editor's note. */
export function correctionText(correction: CorrectionRow): Html {
  const note = correction.note ? html`: ${correction.note}` : '';
  return html`${changeText(correction)}${note}`;
}

function changeText(correction: CorrectionRow): Html {
  switch (correction.kind) {
    case CorrectionKind.BODY_CORRECTED:
      return html`Article text corrected${correction.revision ? html` (revision ${correction.revision})` : ''}`;
    case CorrectionKind.ARTICLE_UPDATED:
      return html`Article updated${correction.revision ? html` (revision ${correction.revision})` : ''}`;
    case CorrectionKind.RETRACTED:
      return html`Fact-check retracted; verdict now ${verdictLabel(correction.newVerdict)}`;
    case CorrectionKind.CHECK_UPDATED:
      return html`Fact-check updated; verdict unchanged (${verdictLabel(correction.newVerdict)})`;
    case CorrectionKind.QUOTE_CHANGED:
      return correction.previousText === correction.newText
        ? html`The claim now points at another place in the text`
        : html`The claim's words changed from “${correction.previousText ?? ''}” to “${correction.newText ?? ''}”`;
    case CorrectionKind.CLAIMANT_CHANGED:
      return html`Claim now attributed to ${correction.newText ?? 'nobody named'} (was ${correction.previousText ?? 'nobody named'})`;
    case CorrectionKind.TEXT_CHANGED:
      return html`What was claimed now reads “${correction.newText ?? ''}” (was “${correction.previousText ?? ''}”)`;
    case CorrectionKind.PLACE_ADDED:
      return html`Claim also listed as made at ${correction.newText ?? ''}`;
    case CorrectionKind.PLACE_REMOVED:
      return html`Claim no longer listed as made at ${correction.previousText ?? ''}`;
    case CorrectionKind.CLAIM_MERGED: {
      const verdict =
        correction.previousVerdict === correction.newVerdict
          ? html`verdict unchanged (${verdictLabel(correction.newVerdict)})`
          : html`verdict now ${verdictLabel(correction.newVerdict)} (was ${verdictLabel(correction.previousVerdict)})`;
      const words = correction.previousText ? html` “${correction.previousText}”` : '';
      return html`Merged with the same claim${words} checked elsewhere; ${verdict}`;
    }
    default:
      return html`Verdict changed from ${verdictLabel(correction.previousVerdict)} to ${verdictLabel(correction.newVerdict)}`;
  }
}

export function historyHtml(corrections: CorrectionRow[]): Html {
  if (corrections.length === 0) return html``;
  return html`<h4 class="note-sub">Correction history</h4>
<ol class="history">${corrections.map((correction) => html`<li>${dateHtml(correction.createdAt)}<span>${correctionText(correction)}</span></li>`)}</ol>`;
}

/**
 * Where a claim is in the text: its own mark; only an anchor inside other claims' marks; or
 * nowhere (AMBIGUOUS or ORPHANED anchors, offsets outside the text).
 */
export type Placement = 'marked' | 'covered' | 'unplaced';

/** What was claimed: the claim's own words, or its quote while it has none. */
export function claimWords(claim: Pick<ClaimRow, 'text' | 'quote'>): string {
  return claim.text ?? claim.quote;
}

/**
 * One claim's note: verdict badge, what was claimed (its words; the mark in the text holds its
 * quote), the fact-check's summary, body and sources, earlier or retracted checks, corrections.
 */
export function noteHtml(entry: ReaderClaim, position: { index: number; total: number; placement: Placement }): Html {
  const placed = position.placement !== 'unplaced';
  const { claim } = entry;
  const id = noteId(claim.id);
  const stale = isStale(claim);
  const current = currentCheck(entry.annotations);
  const others = entry.annotations.filter((annotation) => annotation !== current);
  const label = `Claim: ${claimLabel(claim.verdict, current)}${stale ? ' (the text changed since it was checked)' : ''}`;
  const classes = ['note', verdictClass(claim.verdict), stale ? 'stale' : '', placed ? '' : 'unplaced']
    .filter(Boolean)
    .join(' ');
  const anchorTarget = placed ? '' : html`<span id="${claimAnchor(claim.id)}"></span>`;
  // The notices below speak of the quoted words, which the note shows only when they are the claim's.
  const quoted =
    claim.text !== null && claim.text !== claim.quote ? html`The quoted words, “${claim.quote}”,` : 'These words';
  return html`<section class="${classes}" id="${id}" aria-labelledby="${id}-title" tabindex="-1">
${anchorTarget}<span hidden id="${labelId(claim.id)}">${label}</span>
<p class="note-head">${claimBadge(claim.verdict, current)}<span class="note-count">Claim ${position.index + 1} of ${position.total}</span></p>
<blockquote class="quote"><p>${claimWords(claim)}</p>${entry.claimant ? html`<footer><a href="/claimants/${encodeURIComponent(entry.claimant.slug)}">${entry.claimant.name}</a></footer>` : ''}</blockquote>
${stale ? html`<p class="notice notice-stale">Text changed since this was checked (revision ${claim.checkedRevision}).${claim.anchorExact && placed ? html` It now reads: “${claim.anchorExact}”.` : ''}</p>` : ''}
${placed ? '' : html`<p class="notice notice-unplaced">${quoted} could not be located in the current text of the article.</p>`}
${position.placement === 'covered' ? html`<p class="notice notice-covered">${quoted} lie within other highlighted claims and have no highlight of their own.</p>` : ''}
${
  current
    ? html`<h3 class="note-summary" id="${id}-title">${current.summary}</h3>
<div class="note-body">${paragraphs(current.body)}</div>
${citationsHtml(current)}
${checkByline(current)}`
    : html`<h3 class="note-summary" id="${id}-title">Not yet fact-checked</h3>`
}
${placesHtml(entry.places)}
${
  others.length
    ? html`<h4 class="note-sub">${current ? 'Earlier fact-checks' : 'Retracted fact-checks'}</h4>
<ul class="earlier">${others.map(earlierHtml)}</ul>`
    : ''
}
${historyHtml(entry.corrections)}
<p class="permalink"><a href="/claims/${toGlobalId('Claim', claim.id)}">This claim on its own page</a></p>
${placed ? html`<p class="back"><a href="#${claimAnchor(claim.id)}">Back to the text</a></p>` : ''}
</section>`;
}
