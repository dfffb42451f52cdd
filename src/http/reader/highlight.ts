import type { Verdict } from '../../modules/annotation/verdict';
import { type Html, html, joinHtml, textWithBreaks } from './html';
import { verdictClass } from './verdicts';

/** A claim to highlight: offsets in UTF-16 code units of the body, like its selector's. */
export interface HighlightClaim {
  claimId: number;
  start: number;
  end: number;
  verdict: Verdict | null;
  stale: boolean;
  /** The id of the claim's first mark (claimAnchor). */
  anchorId: string;
  /** The id of its note, which the mark links to. */
  noteId: string;
  /** The id of the element whose text describes the mark ("Claim: False"). */
  labelId: string;
}

export interface RenderedBody {
  html: Html;
  /** Claims that got at least one mark. */
  marked: Set<number>;
  /**
   * Claims whose every word lies inside other claims that own those words (say one claim
   * split into two sub-claims): no mark of their own, only their anchor id in the text.
   */
  covered: Set<number>;
}

interface Segment {
  start: number;
  end: number;
  owner: HighlightClaim | null;
  active: HighlightClaim[];
}

interface Range {
  start: number;
  end: number;
}

/** Paragraphs of a plain-text body: split on blank lines, offsets into the body. */
export function paragraphRanges(body: string): Range[] {
  const ranges: Range[] = [];
  const separator = /\r?\n[ \t]*(?:\r?\n\s*)+/g;
  let start = 0;
  for (let match = separator.exec(body); match; match = separator.exec(body)) {
    ranges.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  ranges.push({ start, end: body.length });
  return ranges.filter((range) => body.slice(range.start, range.end).trim() !== '');
}

/** Whether a claim's offsets name a non-empty piece of the body. */
export function hasValidOffsets(body: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= body.length && start < end;
}

/**
 * The body as <p> paragraphs with every claim in <mark>s. Overlapping claims are split, never
 * nested: each stretch of text belongs to the innermost claim covering it (the one starting
 * last), so marks and their links never nest and the HTML stays well formed. A claim cut in
 * pieces (by another claim or a paragraph break) has its id and tab stop on the first piece.
 */
export function renderBody(body: string, claims: readonly HighlightClaim[]): RenderedBody {
  const usable = claims.filter((claim) => hasValidOffsets(body, claim.start, claim.end));
  const paragraphs = paragraphRanges(body).map((paragraph) => segmentsOf(paragraph, usable));
  const owners = new Set(paragraphs.flat().flatMap((segment) => (segment.owner ? [segment.owner.claimId] : [])));
  const marked = new Set<number>();
  const covered = new Set<number>();
  const rendered = paragraphs.map((segments) => {
    const parts = segments.map((segment) => {
      // A claim with no stretch of its own keeps its anchor where its words begin.
      const anchors = segment.active
        .filter((claim) => !owners.has(claim.claimId) && !covered.has(claim.claimId))
        .map((claim) => {
          covered.add(claim.claimId);
          return html`<span class="claim-anchor" id="${claim.anchorId}"></span>`;
        });
      const text = textWithBreaks(body.slice(segment.start, segment.end));
      if (!segment.owner) return html`${anchors}${text}`;
      const first = !marked.has(segment.owner.claimId);
      marked.add(segment.owner.claimId);
      return html`${anchors}${markHtml(segment.owner, text, first, segment.active.length > 1)}`;
    });
    return html`<p>${parts}</p>`;
  });
  return { html: joinHtml(rendered, '\n'), marked, covered };
}

/** A paragraph cut at every claim boundary, each stretch with the claims covering it. */
function segmentsOf(paragraph: Range, claims: readonly HighlightClaim[]): Segment[] {
  const inside = claims
    .map((claim) => ({ claim, start: Math.max(claim.start, paragraph.start), end: Math.min(claim.end, paragraph.end) }))
    .filter((piece) => piece.start < piece.end);
  const cuts = [
    ...new Set([paragraph.start, paragraph.end, ...inside.flatMap((piece) => [piece.start, piece.end])]),
  ].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const active = inside.filter((piece) => piece.start <= start && piece.end >= end).map((piece) => piece.claim);
    const owner = innermost(active);
    const last = segments.at(-1);
    if (last && last.owner === owner && owner !== null) {
      last.end = end;
      last.active = [...new Set([...last.active, ...active])];
    } else {
      segments.push({ start, end, owner, active });
    }
  }
  return segments;
}

function innermost(active: HighlightClaim[]): HighlightClaim | null {
  let best: HighlightClaim | null = null;
  for (const claim of active) {
    if (
      !best ||
      claim.start > best.start ||
      (claim.start === best.start && (claim.end < best.end || (claim.end === best.end && claim.claimId < best.claimId)))
    )
      best = claim;
  }
  return best;
}

function markHtml(claim: HighlightClaim, text: Html, first: boolean, overlap: boolean): Html {
  const classes = [
    'claim',
    verdictClass(claim.verdict),
    claim.stale ? 'stale' : '',
    first ? '' : 'cont',
    overlap ? 'overlap' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<mark class="${classes}"${first ? html` id="${claim.anchorId}"` : ''}><a class="claim-link" href="#${claim.noteId}" data-note="${claim.noteId}" aria-describedby="${claim.labelId}"${first ? '' : html` tabindex="-1"`}>${text}</a></mark>`;
}
