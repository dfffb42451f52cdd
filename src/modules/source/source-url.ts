const TRACKING_PARAMETER = /^utm_/i;

export class SourceUrlError extends Error {
  override name = 'SourceUrlError';
}

/**
 * The one form a source url is stored and matched in: http(s) only, lower-case host (the
 * URL parser does that), no fragment, no utm_* tracking parameters.
 */
export function normalizeSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SourceUrlError('Not a valid url.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SourceUrlError('Only http and https urls are accepted.');
  url.hash = '';
  const names = [...url.searchParams.keys()];
  // Rewriting the query re-encodes it, so it is only touched when there is something to drop.
  if (names.some((name) => TRACKING_PARAMETER.test(name))) {
    for (const name of names) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  }
  return url.toString();
}
