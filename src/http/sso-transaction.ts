import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The single sign-on in progress in one browser: the `state`, `nonce` and PKCE verifier made
 * when it left for the provider, checked when it comes back. It travels in a cookie of its own,
 * sealed with AES-256-GCM (so the browser can neither read nor alter it) under a key derived
 * from the client secret (so every replica can open what another sealed), and it lasts
 * TRANSACTION_SECONDS. HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET
 * navigation, which Lax lets through), Path=/review/sso; `__Secure-` and Secure over https.
 */
export interface SsoTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** When it stops being accepted, in ms since the epoch. */
  expiresAt: number;
}

export const TRANSACTION_SECONDS = 10 * 60;
export const SSO_PATH = '/review/sso';
const COOKIE = 'factline_sso';
const SECURE_COOKIE = '__Secure-factline_sso';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SsoCookie {
  name: string;
  secure: boolean;
  key: Buffer;
}

export function ssoCookie(publicUrl: string, clientSecret: string): SsoCookie {
  const secure = new URL(publicUrl).protocol === 'https:';
  const key = Buffer.from(hkdfSync('sha256', clientSecret, 'factline', 'sso-transaction-cookie v1', 32));
  return { name: secure ? SECURE_COOKIE : COOKIE, secure, key };
}

function attributes(cookie: SsoCookie, maxAge: number): string {
  return `Path=${SSO_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${cookie.secure ? '; Secure' : ''}`;
}

/** The Set-Cookie header that carries a new transaction. */
export function setTransactionCookie(cookie: SsoCookie, transaction: SsoTransaction): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cookie.key, iv);
  cipher.setAAD(Buffer.from(cookie.name));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final()]);
  const value = Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  return `${cookie.name}=${value}; ${attributes(cookie, TRANSACTION_SECONDS)}`;
}

/** The Set-Cookie header that ends it: a transaction is used once, whatever its outcome. */
export function clearTransactionCookie(cookie: SsoCookie): string {
  return `${cookie.name}=; ${attributes(cookie, 0)}`;
}

/** The live transaction a Cookie header carries, or null (absent, altered, sealed by another key, or expired). */
export function readTransaction(
  header: string | undefined,
  cookie: SsoCookie,
  now = Date.now(),
): SsoTransaction | null {
  if (!header) return null;
  let raw: string | null = null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index >= 0 && part.slice(0, index).trim() === cookie.name) {
      raw = part.slice(index + 1).trim();
      break;
    }
  }
  if (!raw || raw.length > 2048) return null;
  try {
    const bytes = Buffer.from(raw, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', cookie.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(cookie.name));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    const value = JSON.parse(plain.toString('utf8')) as Partial<SsoTransaction>;
    if (
      typeof value.state !== 'string' ||
      typeof value.nonce !== 'string' ||
      typeof value.codeVerifier !== 'string' ||
      typeof value.expiresAt !== 'number' ||
      value.expiresAt <= now
    )
      return null;
    return value as SsoTransaction;
  } catch {
    return null;
  }
}
