import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const TRACKING_PARAMETER = /^utm_/i;

export class HttpUrlError extends Error {
  override name = 'HttpUrlError';
}

/**
 * The one validation every stored url passes (articles, sources, imports, CLIs) and the one
 * form it is stored and matched in: http(s) only, lower-case host (the URL parser does that),
 * no fragment, no utm_* tracking parameters. Anything else (javascript:, data:, a relative
 * path) is refused: stored urls end up as links in pages, JSON-LD and Web Annotations.
 */
export function normalizeHttpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new HttpUrlError('Not a valid url.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HttpUrlError('Only http and https urls are accepted.');
  url.hash = '';
  const names = [...url.searchParams.keys()];
  // Rewriting the query re-encodes it, so it is only touched when there is something to drop.
  if (names.some((name) => TRACKING_PARAMETER.test(name))) {
    for (const name of names) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  }
  return url.toString();
}

/** The normalised url, or null for anything normalizeHttpUrl refuses. */
export function httpUrlOrNull(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  try {
    return normalizeHttpUrl(raw);
  } catch (error) {
    if (error instanceof HttpUrlError) return null;
    throw error;
  }
}

/** class-validator rule for url inputs: what normalizeHttpUrl accepts. Services store its output. */
export function HttpUrl(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'httpUrl',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          value === null || value === undefined || (typeof value === 'string' && httpUrlOrNull(value) !== null),
        defaultMessage: (args: ValidationArguments) => `${args.property} must be an http or https url`,
      },
    });
  };
}
