import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no types; the test uses a small part of it.
import Provider from 'oidc-provider';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoConfig } from '../../src/config';
import { Role } from '../../src/modules/user/user.entity';
import { UserService } from '../../src/modules/user/user.service';
import { inspectRow } from '../helpers/inspect';
import { startTestServer, type TestServer } from '../helpers/test-app';

/**
 * Single sign-on against a real OpenID provider (oidc-provider, in memory, on 127.0.0.1 over
 * http), driven over real HTTP as a browser would: redirects followed by hand, a cookie jar per
 * site, the provider's own login and consent forms submitted.
 */

const PUBLIC_URL = 'http://factline.test';
const CALLBACK = `${PUBLIC_URL}/review/sso/callback`;
const FAILED = '/review?signInError=sso';
const CLIENT = { id: 'factline-workbench', secret: 'a long client secret for the tests, 32+ characters' };

/** The provider's people: login name -> the claims its ID token carries. */
const PEOPLE: Record<string, { email: string; email_verified?: boolean; xms_edov?: boolean }> = {
  ana: { email: 'Ana.Reviewer@Newsroom.example', email_verified: true },
  bo: { email: 'bo@newsroom.example', email_verified: true },
  mallory: { email: 'mallory@elsewhere.example', email_verified: true },
  unverified: { email: 'unverified@newsroom.example', email_verified: false },
  stranger: { email: 'stranger@newsroom.example', email_verified: true },
  // As Microsoft Entra puts it: no email_verified, its domain verified by the tenant.
  cy: { email: 'cy@newsroom.example', xms_edov: true },
  cyUnverified: { email: 'cy.unverified@newsroom.example', xms_edov: false },
};

let idp: { server: http.Server; issuer: string };
let app: TestServer;
let ana: { id: number };
let bo: { id: number };

/** A browser: one cookie jar per origin (paths ignored), redirects followed by hand. */
class Browser {
  readonly jars = new Map<string, Map<string, string>>();

  /** `site`: the app this browser uses (the shared one unless a test starts its own). */
  constructor(private readonly site: () => TestServer = () => app) {}

  /** The app is reached at 127.0.0.1; its PUBLIC_URL (in redirects) is factline.test. */
  private resolve(url: string): URL {
    return new URL(url.startsWith(PUBLIC_URL) ? this.site().url + url.slice(PUBLIC_URL.length) : url);
  }

  jar(url: string): Map<string, string> {
    const origin = this.resolve(url).origin;
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  async request(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Response> {
    const target = this.resolve(url);
    const jar = this.jar(target.href);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
      body: init.body,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]) < new Date()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /**
   * Clicks "sign in with your organisation's account" on the workbench, signs in at the
   * provider as `login`, consents, and stops at the redirect back to the app's callback.
   */
  async toCallback(login: string): Promise<string> {
    let response = await this.request(`${this.site().url}/review/sso/start`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(302);
    let location = response.headers.get('location')!;
    for (let step = 0; step < 12; step += 1) {
      if (location.startsWith(CALLBACK)) return location;
      response = await this.request(location, { headers: { 'sec-fetch-site': 'same-origin' } });
      if (response.status >= 300 && response.status < 400) {
        location = new URL(response.headers.get('location')!, location).href;
        continue;
      }
      // The provider's login or consent page: submit its form.
      expect(response.status, location).toBe(200);
      const html = await response.text();
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
      expect(form, html).not.toBeNull();
      const fields = new URLSearchParams();
      for (const [, name, value] of form![2].matchAll(
        /<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
      ))
        fields.set(name, value);
      if (fields.get('prompt') === 'login') {
        fields.set('login', login);
        fields.set('password', 'anything');
      }
      const action = new URL(form![1].replace(/&amp;/g, '&'), location).href;
      response = await this.request(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: fields.toString(),
      });
      expect(response.status, action).toBeGreaterThanOrEqual(300);
      location = new URL(response.headers.get('location')!, action).href;
    }
    throw new Error('the provider never sent the browser back');
  }

  /** The provider's redirect back, as the browser follows it: a cross-site navigation. */
  callback(location: string, headers: Record<string, string> = { 'sec-fetch-site': 'cross-site' }) {
    return this.request(location, { headers });
  }

  /** The whole flow; the answer to the callback. */
  async signInAs(login: string): Promise<Response> {
    return this.callback(await this.toCallback(login));
  }

  sessionCookie(): string | undefined {
    return this.jar(this.site().url).get('factline_session');
  }

  async viewer(): Promise<{ id: string; name: string; sessions: { current: boolean; method: string }[] } | null> {
    const response = await this.request(this.site().graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: this.site().url },
      body: JSON.stringify({ query: '{ viewer { id name sessions { current method } } }' }),
    });
    const body = (await response.json()) as { data?: { viewer: never } | null; errors?: unknown[] };
    return body.data?.viewer ?? null;
  }
}

async function startProvider(): Promise<{ server: http.Server; issuer: string }> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'] },
    // The email in the ID token, as Google and Entra put it there (not only at the userinfo endpoint).
    conformIdTokenClaims: false,
    // The provider's own login and consent pages (what the browser fills in).
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['cookie signing key for the test provider'] },
    async findAccount(_ctx: unknown, sub: string) {
      const person = PEOPLE[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...person }) };
    },
  });
  server.on('request', provider.callback());
  return { server, issuer };
}

function sso(issuer: string): SsoConfig {
  return {
    issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    allowedDomains: ['newsroom.example'],
    name: 'Newsroom Workspace',
    insecure: true,
  };
}

async function userCount(): Promise<number> {
  const row = await inspectRow<{ n: number | string }>(app.db, sql`SELECT COUNT(*) AS n FROM users`);
  return Number(row!.n);
}

beforeAll(async () => {
  idp = await startProvider();
  app = await startTestServer({ demo: false, config: { publicUrl: PUBLIC_URL, sso: sso(idp.issuer) } });
  // Invited by an ADMIN: an email, no password.
  const users = new UserService({ db: app.db });
  ana = await users.create('Ana Reviewer', Role.REVIEWER, { email: 'ana.reviewer@newsroom.example' });
  bo = await users.create('Bo Editor', Role.EDITOR, { email: 'bo@newsroom.example' });
  await users.create('Cy Reviewer', Role.REVIEWER, { email: 'cy@newsroom.example' });
  await users.create('Cy Unverified', Role.REVIEWER, { email: 'cy.unverified@newsroom.example' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => idp?.server.close(resolve));
});

/** What the page is told about a refusal: the same redirect, whatever failed. */
function expectRefused(response: Response, browser: Browser) {
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe(FAILED);
  expect(browser.sessionCookie()).toBeUndefined();
  // The transaction is spent either way.
  expect(browser.jar(app.url).get('factline_sso')).toBeUndefined();
}

function refusals(): string[] {
  return app.logger.all
    .filter((line) => line.message === 'single sign-on refused')
    .map((l) => String(l.details.reason));
}

describe('single sign-on with OpenID Connect', () => {
  it('offers the button on the workbench, with the provider’s name', async () => {
    const html = await (await fetch(`${app.url}/review`)).text();
    const settings = /<script type="application\/json" id="workbench-settings">([^<]*)<\/script>/.exec(html)![1];
    expect(JSON.parse(settings)).toEqual({
      organisation: 'factline test desk',
      signInMethods: ['password', 'sso'],
      ssoName: 'Newsroom Workspace',
    });
  });

  it('starts with PKCE, state and nonce, kept in a sealed, HttpOnly, SameSite=Lax cookie', async () => {
    const response = await fetch(`${app.url}/review/sso/start`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(idp.issuer);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({
      client_id: CLIENT.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(params[name]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^factline_sso=[A-Za-z0-9_-]+; Path=\/review\/sso; HttpOnly; SameSite=Lax; Max-Age=600$/);
    // Sealed: none of the values is readable in it.
    const value = cookie.split(';')[0];
    for (const name of ['state', 'nonce']) expect(value).not.toContain(params[name]);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('signs an invited account in: a session with method SSO, which the API and sign-out honour', async () => {
    const browser = new Browser();
    const response = await browser.signInAs('ana');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/review');
    const setCookies = response.headers.getSetCookie();
    expect(setCookies).toContainEqual(
      expect.stringMatching(
        /^factline_session=fls_[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/,
      ),
    );
    expect(browser.jar(app.url).get('factline_sso')).toBeUndefined();
    const viewer = await browser.viewer();
    expect(viewer).toMatchObject({ name: 'Ana Reviewer', sessions: [{ current: true, method: 'SSO' }] });
    const row = await inspectRow<{ method: string; expires_at: unknown; created_at: unknown }>(
      app.db,
      sql`SELECT method, created_at, expires_at FROM sessions WHERE user_id = ${ana.id} ORDER BY id DESC`,
    );
    expect(row!.method).toBe('SSO');
    // The same lifetime as a password session's (SESSION_MAX_HOURS).
    const hours = (new Date(String(row!.expires_at)).getTime() - new Date(String(row!.created_at)).getTime()) / 3.6e6;
    expect(hours).toBeCloseTo(168, 3);
    // Signing out ends it as it ends a password session.
    const out = await browser.request(`${app.url}/review/session`, {
      method: 'DELETE',
      headers: { origin: app.url },
    });
    expect(out.status).toBe(204);
    expect(await browser.viewer()).toBeNull();
  });

  it("takes Microsoft Entra's xms_edov for a verified email, and refuses it false", async () => {
    const entra = new Browser();
    const response = await entra.signInAs('cy');
    expect(response.headers.get('location')).toBe('/review');
    expect(await entra.viewer()).toMatchObject({ name: 'Cy Reviewer' });
    const refused = new Browser();
    expectRefused(await refused.signInAs('cyUnverified'), refused);
  });

  it('replaces the session the browser had (no fixation), and an ADMIN’s revocation ends it', async () => {
    const browser = new Browser();
    expect((await browser.signInAs('bo')).headers.get('location')).toBe('/review');
    const first = browser.sessionCookie()!;
    expect((await browser.signInAs('bo')).headers.get('location')).toBe('/review');
    const second = browser.sessionCookie()!;
    expect(second).not.toBe(first);
    const revoked = await inspectRow<{ n: number | string }>(
      app.db,
      sql`SELECT COUNT(*) AS n FROM sessions WHERE user_id = ${bo.id} AND revoked_at IS NOT NULL`,
    );
    expect(Number(revoked!.n)).toBe(1);
    expect((await browser.viewer())?.sessions).toEqual([{ current: true, method: 'SSO' }]);
    await app.db.writes.run((manager) =>
      manager.query(`UPDATE sessions SET revoked_at = created_at WHERE user_id = ${bo.id}`),
    );
    expect(await browser.viewer()).toBeNull();
  });

  it('refuses an email outside OIDC_ALLOWED_DOMAINS, an unverified one, and one no ADMIN invited', async () => {
    const before = await userCount();
    for (const [login, reason] of [
      ['mallory', 'email-domain'],
      ['unverified', 'email-unverified'],
      ['stranger', 'no-account'],
    ]) {
      const browser = new Browser();
      const response = await browser.signInAs(login);
      expectRefused(response, browser);
      expect(refusals().at(-1), login).toBe(reason);
      expect(await response.text(), login).toBe(await refusedBodyFor());
      expect(await browser.viewer()).toBeNull();
    }
    // Never an account made for whoever the provider vouches for.
    expect(await userCount()).toBe(before);
  });

  it('refuses a forged state, a replayed callback, and a callback without the transaction cookie', async () => {
    // Forged: the state changed on the way back.
    let browser = new Browser();
    let location = new URL(await browser.toCallback('ana'));
    location.searchParams.set('state', 'forged-state-forged-state-forged-state-1234');
    expectRefused(await browser.callback(location.href), browser);
    expect(refusals().at(-1)).toBe('state-mismatch');

    // Replayed: the same callback twice. The browser's transaction is spent...
    browser = new Browser();
    const callback = await browser.toCallback('ana');
    const transaction = browser.jar(app.url).get('factline_sso')!;
    expect((await browser.callback(callback)).headers.get('location')).toBe('/review');
    const again = new Browser();
    expectRefused(await again.callback(callback), again);
    expect(refusals().at(-1)).toBe('no-transaction');
    // ... and one who kept its cookie as well as the URL finds the code spent at the provider.
    const thief = new Browser();
    thief.jar(app.url).set('factline_sso', transaction);
    expectRefused(await thief.callback(callback), thief);
    expect(refusals().at(-1)).toBe('token-rejected');

    // Another browser's callback (login CSRF: an attacker's code and state sent to a victim).
    const attacker = new Browser();
    location = new URL(await attacker.toCallback('bo'));
    const victim = new Browser();
    expectRefused(await victim.callback(location.href), victim);
    expect(refusals().at(-1)).toBe('no-transaction');

    // A transaction cookie altered by the browser does not open.
    browser = new Browser();
    const altered = await browser.toCallback('ana');
    const sealed = browser.jar(app.url).get('factline_sso')!;
    browser.jar(app.url).set('factline_sso', `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'AB' : 'AA'}`);
    expectRefused(await browser.callback(altered), browser);
    expect(refusals().at(-1)).toBe('no-transaction');
  });

  it('refuses a start from another site, and a provider’s error answer', async () => {
    const foreign: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }];
    for (const headers of foreign) {
      const response = await fetch(`${app.url}/review/sso/start`, { redirect: 'manual', headers });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('FORBIDDEN');
    }
    const browser = new Browser();
    const callback = new URL(await browser.toCallback('ana'));
    const denied = new URL(CALLBACK);
    denied.searchParams.set('error', 'access_denied');
    denied.searchParams.set('state', callback.searchParams.get('state')!);
    expectRefused(await browser.callback(denied.href), browser);
    expect(refusals().at(-1)).toBe('provider-error');
  });

  it('counts callbacks against the per-address limit that password sign-ins count against', async () => {
    const limited = await startTestServer({
      demo: false,
      config: { publicUrl: PUBLIC_URL, sso: sso(idp.issuer), signInAttemptsPerAddress: 2 },
    });
    try {
      await new UserService({ db: limited.db }).create('Ana Reviewer', Role.REVIEWER, {
        email: 'ana.reviewer@newsroom.example',
      });
      const wrong = await fetch(`${limited.url}/review/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: limited.url },
        body: JSON.stringify({ email: 'ana.reviewer@newsroom.example', password: 'not the password' }),
      });
      expect(wrong.status).toBe(401);
      const browser = new Browser(() => limited);
      expect((await browser.signInAs('stranger')).headers.get('location')).toBe(FAILED);
      // Two attempts from this address: the third is refused before the provider is asked.
      expect((await browser.signInAs('ana')).headers.get('location')).toBe(FAILED);
      const reasons = limited.logger.all.filter((l) => l.message === 'single sign-on refused');
      expect(reasons.map((l) => l.details.reason)).toEqual(['no-account', 'address-limit']);
      const password = await fetch(`${limited.url}/review/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: limited.url },
        body: JSON.stringify({ email: 'ana.reviewer@newsroom.example', password: 'not the password' }),
      });
      expect(password.status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('logs why, and never a code, a token or a secret', () => {
    const logged = JSON.stringify(app.logger.all);
    expect(logged).not.toContain(CLIENT.secret);
    expect(logged).not.toMatch(/fls_[A-Za-z0-9_-]{43}/);
    expect(logged).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    for (const line of app.logger.all.filter((l) => l.message === 'single sign-on refused'))
      expect(
        Object.keys(line.details).every((key) =>
          ['reason', 'errorName', 'errorCode', 'domain', 'providerError'].includes(key),
        ),
      ).toBe(true);
  });
});

/** The body of a refusal (an empty redirect): the same for every reason. */
let refusedBody: string | undefined;
async function refusedBodyFor(): Promise<string> {
  if (refusedBody === undefined) {
    const response = await fetch(`${app.url}/review/sso/callback`, { redirect: 'manual' });
    expect(response.headers.get('location')).toBe(FAILED);
    refusedBody = await response.text();
  }
  return refusedBody;
}
