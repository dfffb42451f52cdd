/**
 * How deep a request's JSON may nest (objects and arrays inside each other). GraphQL bodies
 * need a dozen levels at most; thousands make the recursive code that later walks the value
 * (JSON.stringify of a cache key, variable coercion) overflow its stack. Checked on the text,
 * before anything parses or walks it.
 */
export const MAX_JSON_DEPTH = 64;

/** What a request nested too deeply is refused with (HTTP 400 over HTTP, 4400 on a WebSocket). */
export const JSON_TOO_DEEP = {
  code: 'JSON_TOO_DEEP',
  message: `The request's JSON nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`,
  limit: 'jsonDepth',
  max: MAX_JSON_DEPTH,
} as const;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when `text` opens more than `max` objects or arrays inside each other. Brackets inside
 * strings do not count. A linear scan of the text: it never recurses, whatever the input, and
 * reads text that is not JSON without failing (the parser refuses that afterwards).
 */
export function nestsDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  // Deeper than `max` takes more than `max` opening characters.
  if (text.length <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

/** The error a JSON body too deep raises, shaped as body-parser's own (`type`, `status`) for the error handler. */
export function jsonTooDeepError(): Error {
  return Object.assign(new Error(JSON_TOO_DEEP.message), { type: 'entity.too.deep', status: 400 });
}
