/** Private-use characters FTS5's snippet() puts around matched tokens; never in stored text. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

export interface Snippet {
  text: string;
  /** [start, end) offsets in `text`, UTF-16 code units, in order, not overlapping. */
  highlights: { start: number; end: number }[];
}

/**
 * Turns FTS5 snippet output into plain text plus highlight ranges, so clients render marks
 * themselves and no markup ever travels in the text.
 */
export function parseMarkedSnippet(marked: string): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let openAt: number | null = null;
  for (const char of marked) {
    if (char === MARK_OPEN) {
      openAt = text.length;
    } else if (char === MARK_CLOSE) {
      if (openAt !== null && text.length > openAt) {
        const last = highlights.at(-1);
        // Adjacent matched tokens of a phrase read as one mark.
        if (last && last.end === openAt) last.end = text.length;
        else highlights.push({ start: openAt, end: text.length });
      }
      openAt = null;
    } else {
      text += char;
    }
  }
  return { text, highlights };
}
