import { forwardRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { navigate } from '../router';
import type { Span } from './text';

/** A claim's place to mark in the body. */
export interface Place extends Span {
  /** The appearance's id: one mark (or run of marks) per place. */
  key: string;
  claimId: string;
  href: string;
  /** Classes for the claim's state (verdict, flags). */
  className: string;
  /** The id of the words describing the claim's state, read with its mark. */
  describedBy: string;
}

interface Segment extends Span {
  owner: Place | null;
  pending: boolean;
}

/**
 * Stretches of the body and who owns each: overlapping places are split, never nested (the
 * innermost, starting last, owns a stretch), as on the reader page, so marks never nest.
 */
function segmentsOf(body: string, places: Place[], pending: Span | null): Segment[] {
  const cuts = new Set<number>([0, body.length]);
  for (const p of places) cuts.add(p.start).add(p.end);
  if (pending) cuts.add(pending.start).add(pending.end);
  const sorted = [...cuts].filter((c) => c >= 0 && c <= body.length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i];
    const end = sorted[i + 1];
    const active = places.filter((p) => p.start <= start && p.end >= end);
    const owner = active.reduce<Place | null>(
      (best, p) => (!best || p.start > best.start || (p.start === best.start && p.end < best.end) ? p : best),
      null,
    );
    segments.push({ start, end, owner, pending: !!pending && pending.start <= start && pending.end >= end });
  }
  return segments;
}

/** The id of a place's first mark's link, to move focus to it. */
export const markId = (key: string) => `mark-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

interface Props {
  body: string;
  places: Place[];
  pending: Span | null;
  hintId: string;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  onMouseUp(): void;
}

/**
 * The article's text with its claims marked. Its text content is exactly the body (no hidden
 * words inside), so a selection's offsets are the API's offsets. Focusable, for the keyboard
 * path: arrows move sentence by sentence, Shift+arrows extend, Enter picks.
 */
export const ArticleBody = forwardRef<HTMLDivElement, Props>(function ArticleBody(
  { body, places, pending, hintId, onKeyDown, onMouseUp },
  ref,
) {
  const seen = new Set<string>();
  const follow = (to: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    // A click that ends a drag selection is a selection, not a visit.
    if (!window.getSelection()?.isCollapsed) {
      event.preventDefault();
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  const parts: ReactNode[] = segmentsOf(body, places, pending).map((segment) => {
    const text = body.slice(segment.start, segment.end);
    const key = `${segment.start}-${segment.end}`;
    const owner = segment.owner;
    if (owner) {
      const first = !seen.has(owner.key);
      seen.add(owner.key);
      return (
        <mark
          key={key}
          className={`claim-mark ${owner.className}${segment.pending ? ' pending' : ''}`}
          data-claim-id={owner.claimId}
        >
          <a
            href={owner.href}
            id={first ? markId(owner.key) : undefined}
            tabIndex={first ? undefined : -1}
            aria-describedby={owner.describedBy}
            onClick={follow(owner.href)}
          >
            {text}
          </a>
        </mark>
      );
    }
    if (segment.pending)
      return (
        <span key={key} className="pending" data-pending="">
          {text}
        </span>
      );
    return text;
  });
  return (
    <div
      ref={ref}
      className="article-text workbench-body"
      role="region"
      aria-label="Article text"
      aria-describedby={hintId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onMouseUp={onMouseUp}
      data-testid="article-body"
    >
      {parts}
    </div>
  );
});
