/**
 * Places in an article's body, in UTF-16 offsets like the API's selectors: occurrences of a
 * quote (as the server counts them, overlapping ones included), sentences for keyboard
 * selection, and the offsets of a DOM selection inside the rendered body.
 */

export interface Span {
  start: number;
  end: number;
}

/** Every start of `quote` in `body`, overlapping ones included: the server's `occurrence` counts these. */
export function occurrences(body: string, quote: string): number[] {
  const starts: number[] = [];
  if (!quote) return starts;
  for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

/** Case-insensitive starts of `words` in `body` (same length in both: ASCII-safe lower-casing). */
export function findInsensitive(body: string, words: string): number[] {
  const needle = words.trim();
  if (!needle) return [];
  const lowerBody = body.toLowerCase();
  const lowerNeedle = needle.toLowerCase();
  if (lowerBody.length !== body.length || lowerNeedle.length !== needle.length) return occurrences(body, needle);
  return occurrences(lowerBody, lowerNeedle);
}

/** A span without the white space at its edges. */
export function trimSpan(body: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  return { start, end };
}

/** The quote and its 1-based occurrence for a span of the body, as createClaim takes them. */
export function placeOf(body: string, span: Span): { quote: string; occurrence: number; count: number } {
  const quote = body.slice(span.start, span.end);
  const starts = occurrences(body, quote);
  const index = starts.indexOf(span.start);
  return { quote, occurrence: index + 1, count: starts.length };
}

/**
 * Where an edited quote now stands: the occurrence nearest to where the passage was picked,
 * so trimming words off a picked sentence keeps it in that sentence. Null when it does not occur.
 */
export function relocate(body: string, quote: string, near: Span): Span | null {
  const starts = occurrences(body, quote);
  if (starts.length === 0) return null;
  const inside = starts.find((at) => at >= near.start && at + quote.length <= near.end);
  const best =
    inside ?? starts.reduce((a, b) => (Math.abs(b - near.start) < Math.abs(a - near.start) ? b : a), starts[0]);
  return { start: best, end: best + quote.length };
}

/** Sentences of the body: ended by . ! ? (and closing quotes) before white space, or by a line break. */
export function sentences(body: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (start === -1) {
      if (!/\s/.test(ch)) start = i;
      continue;
    }
    if (ch === '\n') {
      spans.push(trimSpan(body, { start, end: i }));
      start = -1;
      continue;
    }
    if (/[.!?]/.test(ch)) {
      let end = i + 1;
      while (end < body.length && /[.!?"'”’)\]]/.test(body[end])) end++;
      if (end >= body.length || /\s/.test(body[end])) {
        spans.push({ start, end });
        start = -1;
        i = end - 1;
      }
    }
  }
  if (start !== -1) spans.push(trimSpan(body, { start, end: body.length }));
  return spans.filter((span) => span.end > span.start);
}

/** The offset in the body of a DOM position inside `root`, whose text is exactly the body. */
function offsetIn(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The body span the document's selection covers inside `root`, or null when it is not there. */
export function selectionSpan(root: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetIn(root, range.startContainer, range.startOffset);
  const end = offsetIn(root, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** The DOM position of a body offset inside `root`. */
function positionOf(root: Node, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (offset <= seen + length) return { node, offset: offset - seen };
    seen += length;
    last = node;
  }
  return last ? { node: last, offset: last.textContent?.length ?? 0 } : { node: root, offset: 0 };
}

/** Selects a span of the body in the document, as if by the mouse. */
export function selectSpan(root: HTMLElement, span: Span): void {
  const selection = window.getSelection();
  if (!selection) return;
  const from = positionOf(root, span.start);
  const to = positionOf(root, span.end);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  selection.removeAllRanges();
  selection.addRange(range);
}
