import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/** How long one delivery may take, connection to last byte read. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a response body is read (and kept in the delivery log). */
export const RESPONSE_EXCERPT_BYTES = 4_096;

/**
 * Addresses a webhook must never reach: loopback, private, carrier-grade NAT, link-local (the
 * cloud metadata service at 169.254.169.254 among them), unspecified, multicast, reserved, and
 * the IPv6 equivalents, including the transition ranges that can carry an IPv4 address (NAT64,
 * 6to4, Teredo, IPv4-compatible); an IPv4-mapped IPv6 address is checked as its IPv4 address.
 */
const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 96],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2001::', 32],
  ['2002::', 16],
  ['fec0::', 10],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(prefix, bits, 'ipv6');

/** True for an address a webhook may not be sent to (see BLOCKED). */
export function isForbiddenAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

export interface DeliveryResult {
  /** The HTTP status, or null when none came (refused, timed out, blocked). */
  statusCode: number | null;
  latencyMs: number;
  /** The start of the response body as text. */
  excerpt: string | null;
  /** Why no 2xx came, in words; null on success. */
  error: string | null;
  ok: boolean;
}

export interface DeliveryOptions {
  timeoutMs?: number;
  /** Lets private and loopback addresses through (WEBHOOK_ALLOW_PRIVATE: tests and development only). */
  allowPrivate?: boolean;
  signal?: AbortSignal;
}

/**
 * POSTs one webhook. The host is resolved here, at delivery, and the connection goes to an
 * address that was checked (a custom `lookup`), so a name that resolves to an internal address,
 * now or by rebinding after the endpoint was saved, is refused. Redirects are not followed
 * (a 3xx is a failure), at most RESPONSE_EXCERPT_BYTES of the answer are read, and the whole
 * exchange is cut at `timeoutMs`. Never throws.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return new Promise<DeliveryResult>((resolve) => {
    let settled = false;
    // Set below; the early refusals finish before either exists.
    const pending: { timer?: NodeJS.Timeout; request?: http.ClientRequest } = {};
    function onAbort(): void {
      finish({ statusCode: null, excerpt: null, error: 'Delivery stopped: the service is shutting down.' });
      pending.request?.destroy();
    }
    const finish = (result: Omit<DeliveryResult, 'latencyMs' | 'ok'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(pending.timer);
      options.signal?.removeEventListener('abort', onAbort);
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      resolve({ ...result, ok, latencyMs: Math.round(performance.now() - started) });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return finish({ statusCode: null, excerpt: null, error: 'The endpoint url is not a url.' });
    }
    const lookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
      dns.lookup(hostname, { all: true }, (error, addresses) => {
        if (error) return callback(error, '', 4);
        const list = addresses as dns.LookupAddress[];
        const refused = !options.allowPrivate && list.some((entry) => isForbiddenAddress(entry.address));
        if (refused || list.length === 0)
          return callback(Object.assign(new Error('forbidden address'), { code: 'EFORBIDDENADDRESS' }), '', 4);
        if ((lookupOptions as { all?: boolean }).all) return callback(null, list as never);
        callback(null, list[0].address, list[0].family);
      });
    };
    const literal = net.isIP(target.hostname.replace(/^\[|\]$/g, ''));
    if (literal && !options.allowPrivate && isForbiddenAddress(target.hostname.replace(/^\[|\]$/g, '')))
      return finish({
        statusCode: null,
        excerpt: null,
        error: 'Refused: the endpoint is a private or internal address.',
      });
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        lookup,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({
            statusCode: response.statusCode ?? null,
            excerpt: size > 0 ? Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8') : null,
            error:
              response.statusCode && response.statusCode >= 300 && response.statusCode < 400
                ? 'Redirects are not followed.'
                : null,
          });
        response.on('data', (chunk: Buffer) => {
          if (size >= RESPONSE_EXCERPT_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
        response.on('close', done);
      },
    );
    pending.request = request;
    pending.timer = setTimeout(() => {
      finish({ statusCode: null, excerpt: null, error: `No answer within ${timeoutMs} ms.` });
      request.destroy();
    }, timeoutMs);
    options.signal?.addEventListener('abort', onAbort);
    request.on('error', (error: NodeJS.ErrnoException) => {
      const words =
        error.code === 'EFORBIDDENADDRESS'
          ? 'Refused: the endpoint resolves to a private or internal address.'
          : `Could not reach the endpoint (${error.code ?? 'network error'}).`;
      finish({ statusCode: null, excerpt: null, error: words });
    });
    request.end(body);
  });
}
