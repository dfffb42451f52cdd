/**
 * An article body's sentences with their offsets (UTF-16 code units, as the claims' selectors),
 * for suggestedClaims: pure. A sentence ends at . ! or ? (closing quotes and brackets kept
 * with it) followed by space, or at a line break; a few abbreviations ("Mr.", "U.S.") and
 * decimals do not end one.
 */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS =
  /(?:\b(?:mr|mrs|ms|dr|prof|st|gen|col|lt|sgt|sen|rep|gov|no|vs|etc|e\.g|i\.e|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b\p{L})\.$/iu;

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(body[start])) start += 1;
    while (end > start && /\s/.test(body[end - 1])) end -= 1;
    if (end > start) sentences.push({ text: body.slice(start, end), start, end });
  };
  let from = 0;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (char === '\n') {
      push(from, i);
      from = i + 1;
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?') continue;
    let end = i + 1;
    while (end < body.length && /["'\u201D\u2019)\]]/.test(body[end])) end += 1;
    if (end < body.length && !/\s/.test(body[end])) continue;
    if (char === '.' && ABBREVIATIONS.test(body.slice(Math.max(from, i - 6), i + 1))) continue;
    push(from, end);
    from = end;
    i = end - 1;
  }
  push(from, body.length);
  return sentences;
}
