import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * The staff session cookie and the same-origin rule for requests that carry it.
 *
 * The cookie: `factline_session`, or `__Host-factline_session` when PUBLIC_URL is https (the
 * prefix makes browsers insist on Secure, Path=/ and no Domain, so no sibling host can set or
 * shadow it); HttpOnly, SameSite=Lax, Path=/, Max-Age the session's absolute lifetime.
 *
 * Same origin: a request that a cookie authenticates, and every sign-in and sign-out, must come
 * from the service's own pages. It is refused when its `Sec-Fetch-Site` is present and neither
 * `same-origin` nor `none` (typed in the address bar), or when its `Origin` is present and is
 * neither PUBLIC_URL's origin nor the request's own (`<protocol>://<Host>`, for a service
 * reached under another name than PUBLIC_URL, such as a test on 127.0.0.1). A browser always
 * sends the Host it is talking to, so only a page of this origin can match. Requests without
 * either header (scripts, curl) are not a browser's cross-site requests and pass.
 */
export interface SessionCookie {
  name: string;
  secure: boolean;
  maxAgeSeconds: number;
  /** PUBLIC_URL's origin. */
  publicOrigin: string;
}

export const COOKIE_NAME = 'factline_session';
export const SECURE_COOKIE_NAME = '__Host-factline_session';

export function sessionCookie(publicUrl: string, maxHours: number): SessionCookie {
  const url = new URL(publicUrl);
  const secure = url.protocol === 'https:';
  return {
    name: secure ? SECURE_COOKIE_NAME : COOKIE_NAME,
    secure,
    maxAgeSeconds: maxHours * 3600,
    publicOrigin: url.origin,
  };
}

/** The cookie's value in a Cookie header, or null when it is not there (the first one wins if repeated). */
export function readSessionCookie(header: string | string[] | undefined, cookie: SessionCookie): string | null {
  if (header === undefined) return null;
  for (const part of (Array.isArray(header) ? header.join(';') : header).split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== cookie.name) continue;
    const value = part.slice(index + 1).trim();
    return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return null;
}

function attributes(cookie: SessionCookie, maxAge: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${cookie.secure ? '; Secure' : ''}`;
}

/** The Set-Cookie header of a new session. */
export function setSessionCookie(cookie: SessionCookie, secret: string): string {
  return `${cookie.name}=${secret}; ${attributes(cookie, cookie.maxAgeSeconds)}`;
}

/** The Set-Cookie header that makes the browser forget the session. */
export function clearSessionCookie(cookie: SessionCookie): string {
  return `${cookie.name}=; ${attributes(cookie, 0)}`;
}

/** Why a request is not same-origin (a sentence), or null when it is. */
export function crossOriginProblem(
  req: Pick<IncomingMessage, 'headers'> & { socket?: IncomingMessage['socket'] },
  cookie: SessionCookie,
): string | null {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `Refused: a request signed in with the session cookie must come from this site's own pages (Sec-Fetch-Site: ${String(site)}).`;
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  const protocol = (req.socket as TLSSocket | undefined)?.encrypted ? 'https' : 'http';
  const own = req.headers.host ? `${protocol}://${req.headers.host}` : null;
  if (origin === cookie.publicOrigin || (own !== null && origin.toLowerCase() === own.toLowerCase())) return null;
  return `Refused: a request signed in with the session cookie must come from this site's own pages, not from ${origin}.`;
}
