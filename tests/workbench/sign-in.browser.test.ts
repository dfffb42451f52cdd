import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { launchChromium, offlineContext, screenshot, seriousViolations, watchPage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-app';
import { passwordAccount, signInThroughForm, type StaffAccount, staffAccount } from '../helpers/workbench';

/**
 * Staff sign-in in a real browser, through the workbench's form and the session cookie only:
 * its refusals in words, the keyboard, a session ending mid-edit, signing out, and pages of
 * another origin trying to act with the cookie (CSRF, cross-site WebSocket, login CSRF).
 */

let server: TestServer;
let browser: Browser;
let admin: StaffAccount;
let demo: { id: string; body: string };
const contexts: BrowserContext[] = [];
const closers: (() => Promise<void>)[] = [];

const COOKIE = 'factline_session';
const WRONG = 'Wrong email or password.';
/** The words of the service's refusals of cross-site requests (Apollo's CSRF prevention, the origin rule). */
const REFUSED = /Cross-Site Request Forgery|must come from this site's own pages/;

beforeAll(async () => {
  // No per-address limit here (one test sets its own server with one): these tests fail on purpose.
  server = await startTestServer({ config: { signInAttemptsPerAddress: 0 } });
  browser = await launchChromium();
  admin = await staffAccount(server, Role.ADMIN, 'Ada Admin');
  demo = (
    await api<{ article: { id: string; body: string } }>('query($slug: String!) { article(slug: $slug) { id body } }', {
      slug: DEMO_ARTICLE_SLUG,
    })
  ).article;
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  for (const close of closers) await close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

/** A GraphQL operation over HTTP, as `token`'s account (anonymous without), that must succeed. */
async function api<Data>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Data> {
  const answer = await server.gql<Data>(query, variables, token);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!;
}

async function newPage() {
  const { context } = await offlineContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const watched = watchPage(page);
  return { context, page, watched };
}

const signInForm = (page: Page) => page.locator('main.sign-in form');

/** Sends the sign-in form with these words and returns the service's answer to it. */
async function trySignIn(page: Page, email: string, password: string): Promise<Response> {
  const form = signInForm(page);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/review/session') && r.request().method() === 'POST');
  await form.getByRole('button', { name: 'Sign in' }).click();
  const response = await answer;
  await form.getByRole('button', { name: 'Sign in' }).waitFor();
  return response;
}

/** What the form says in words after an attempt. */
async function problemText(page: Page): Promise<string> {
  const problems = signInForm(page).locator('.form-problems[role="alert"]');
  await problems.waitFor({ timeout: 20_000 });
  return (await problems.innerText()).trim();
}

async function openSignIn(page: Page, on: TestServer = server) {
  await page.goto(`${on.url}/review`);
  await signInForm(page).getByLabel('Email').waitFor({ timeout: 20_000 });
}

async function sessionCookieOf(context: BrowserContext, on: TestServer = server): Promise<string | undefined> {
  return (await context.cookies(on.url)).find((c) => c.name === COOKIE)?.value;
}

/** A POST to /graphql with only a Cookie header, as a browser that kept the cookie would send. */
async function withCookie(secret: string, query: string) {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `${COOKIE}=${secret}` },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] },
  };
}

describe('signing in to the workbench', { timeout: 120_000 }, () => {
  it('refuses an unknown account and a wrong password in the same words, then locks either after 5 failures, saying when to retry', async () => {
    const rita = await passwordAccount(server, Role.REVIEWER, 'Rita Reviewer');
    const { page, watched } = await newPage();
    await openSignIn(page);
    expect(await seriousViolations(page)).toEqual([]);

    const unknown = await trySignIn(page, 'nobody-here@factline.test', 'some password');
    expect(unknown.status()).toBe(401);
    const unknownWords = await problemText(page);
    const wrong = await trySignIn(page, rita.email, 'not the password');
    expect(wrong.status()).toBe(401);
    const wrongWords = await problemText(page);
    // Identical: the page does not tell whether an account exists.
    expect(unknownWords).toBe(WRONG);
    expect(wrongWords).toBe(unknownWords);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-sign-in-wrong');

    // Four more failures make five: the email is locked, even with the right password.
    for (let i = 0; i < 4; i += 1) expect((await trySignIn(page, rita.email, `wrong ${i}`)).status()).toBe(401);
    const locked = await trySignIn(page, rita.email, rita.password);
    expect(locked.status()).toBe(429);
    expect(Number(await locked.headerValue('retry-after'))).toBeGreaterThan(0);
    await expect
      .poll(() => problemText(page), { timeout: 20_000 })
      .toMatch(/^Too many failed sign-ins for this email: try again in \d+ s\.$/);
    expect(await page.locator('main.sign-in').count()).toBe(1);
    expect(await sessionCookieOf(page.context())).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-sign-in-locked');

    // An unknown email: four more failures (five with the first), then the same lock in the same words.
    for (let i = 0; i < 4; i += 1)
      expect((await trySignIn(page, 'nobody-here@factline.test', `wrong ${i}`)).status()).toBe(401);
    const unknownLocked = await trySignIn(page, 'nobody-here@factline.test', 'another');
    expect(unknownLocked.status()).toBe(429);
    expect(await problemText(page)).toMatch(/^Too many failed sign-ins for this email: try again in \d+ s\.$/);
    expect(watched.pageErrors).toEqual([]);
  });

  it('limits the attempts one address makes (signInAttemptsPerAddress), saying so and when to retry', async () => {
    const limited = await startTestServer({ config: { signInAttemptsPerAddress: 3 } });
    closers.push(() => limited.close());
    const { page, watched } = await newPage();
    await openSignIn(page, limited);
    // Three different emails, one failure each: no email is locked, the address is.
    for (let i = 0; i < 3; i += 1)
      expect((await trySignIn(page, `someone-${i}@factline.test`, 'wrong')).status()).toBe(401);
    const refused = await trySignIn(page, 'someone-else@factline.test', 'wrong');
    expect(refused.status()).toBe(429);
    expect(Number(await refused.headerValue('retry-after'))).toBeGreaterThan(0);
    expect(await problemText(page)).toMatch(/^Too many sign-in attempts from this address: try again in \d+ s\.$/);
    expect(watched.pageErrors).toEqual([]);
  });

  it('signs in and marks a claim from the keyboard alone', async () => {
    const kim = await passwordAccount(server, Role.REVIEWER, 'Kim Keyboard');
    const { page, watched } = await newPage();
    await openSignIn(page);
    const focused = () =>
      page.evaluate<string>(
        `(() => { const e = document.activeElement; if (!e) return ''; const l = e.labels && e.labels[0]; return (l ? l.textContent : e.textContent || '').trim(); })()`,
      );
    /** Tabs forward until the focused control's label or text is `name`. */
    async function tabTo(name: string | RegExp) {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const now = await focused();
        if (typeof name === 'string' ? now === name : name.test(now)) return;
      }
      throw new Error(`never reached ${String(name)}`);
    }
    await tabTo('Email');
    await page.keyboard.type(kim.email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Password');
    await page.keyboard.type(kim.password);
    await page.keyboard.press('Enter');
    await page.locator('main h1').filter({ hasText: 'Kim Keyboard’s queue' }).waitFor({ timeout: 20_000 });
    expect(await sessionCookieOf(page.context())).toMatch(/^fls_/);

    // To the article, by the links of the workbench.
    await tabTo('Articles');
    await page.keyboard.press('Enter');
    await page.locator('main h1').filter({ hasText: 'Articles' }).waitFor({ timeout: 20_000 });
    await tabTo(/^Biden warns Putin/);
    await page.keyboard.press('Enter');
    await page.locator('mark.claim-mark').first().waitFor({ timeout: 20_000 });

    // The article page's keyboard path: Tab to the text, arrows by sentence, Shift+arrow by word, Enter.
    const sentence =
      'Kremlin Press Secretary and Putin’s spokesperson, Dmitry Peskov, has downplayed suspicions, stating that the military movements were an “internal affair”; however, he also accused Ukraine of staging “provocations” of their own.';
    expect(demo.body).toContain(sentence);
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if (
        (await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid')`)) === 'article-body'
      )
        break;
    }
    const selected = () => page.evaluate<string>('window.getSelection().toString()');
    for (let i = 0; i < 40 && (await selected()) !== sentence; i++) await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(sentence);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const shortened = (await selected()).trim();
    expect(sentence.startsWith(shortened)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string>('document.activeElement.textContent')).toBe('Mark as claim');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.value')).toBe(shortened);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Peskov called the troop movements an internal affair');
    await page.keyboard.press('Enter');
    await page.getByTestId('announcer').filter({ hasText: 'Claim marked' }).waitFor({ timeout: 20_000 });

    const answer = await api<{ article: { appearances: { quote: string; claim: { text: string } }[] } }>(
      'query($id: ID!) { article(id: $id) { appearances { quote claim { text } } } }',
      { id: demo.id },
    );
    expect(answer.article.appearances.find((a) => a.quote === shortened)?.claim.text).toBe(
      'Peskov called the troop movements an internal affair',
    );
    expect(watched.pageErrors).toEqual([]);
  });

  it('keeps a draft through a session revoked mid-edit: the dialog asks to sign in again, and everything typed is saved', async () => {
    const rita = await passwordAccount(server, Role.REVIEWER, 'Rita Midedit');
    const claims = await api<{ article: { claims: { id: string }[] } }>(
      'query($id: ID!) { article(id: $id) { claims { id } } }',
      { id: demo.id },
    );
    const created = await api<{ createAnnotation: { id: string } }>(
      `mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }`,
      {
        input: { claimId: claims.article.claims[2].id, summary: 'Work in progress', body: '', verdict: 'UNVERIFIABLE' },
      },
      rita.token,
    );
    const id = created.createAnnotation.id;
    const readBack = async () =>
      (
        await api<{ annotation: { summary: string; body: string; status: string } }>(
          'query($id: ID!) { annotation(id: $id) { summary body status } }',
          { id },
          admin.token,
        )
      ).annotation;

    const { page, context, watched } = await newPage();
    await signInThroughForm(page, server, rita);
    await page.goto(`${server.url}/review/fact-checks/${encodeURIComponent(id)}`);
    const summary = page.getByLabel('Summary');
    await summary.waitFor({ timeout: 20_000 });
    await summary.fill('Typed before the session ended');
    await expect
      .poll(async () => (await readBack()).summary, { timeout: 20_000 })
      .toBe('Typed before the session ended');

    // An ADMIN signs her session out (revokeSession), through the API.
    const sessions = await api<{ node: { sessions: { id: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on User { sessions { id } } } }',
      { id: toGlobalId('User', rita.userId) },
      admin.token,
    );
    expect(sessions.node.sessions).toHaveLength(1);
    await api(
      'mutation($input: RevokeSessionInput!) { revokeSession(input: $input) { id } }',
      { input: { id: sessions.node.sessions[0].id } },
      admin.token,
    );

    // She goes on typing: the save is refused, the dialog asks her to sign in, nothing typed is gone.
    const explanation = page.getByLabel('Explanation');
    await explanation.fill('Typed after the session ended.');
    await page.getByRole('alertdialog', { name: 'Your session has ended' }).waitFor({ timeout: 20_000 });
    await page
      .getByTestId('save-status')
      .getByText(/^Not saved: your session has ended/)
      .waitFor({ timeout: 20_000 });
    expect(await summary.inputValue()).toBe('Typed before the session ended');
    expect(await explanation.inputValue()).toBe('Typed after the session ended.');
    expect((await readBack()).body).toBe('');
    // The ended cookie was cleared by the refusal.
    expect(await sessionCookieOf(context)).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-sign-in-session-ended');

    // Signed in again in the dialog, as the same person: the dialog goes, the draft is saved.
    const dialog = page.getByRole('alertdialog', { name: 'Your session has ended' });
    await dialog.getByLabel('Email').fill(rita.email);
    await dialog.getByLabel('Password').fill(rita.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await expect
      .poll(() => readBack(), { timeout: 10_000 })
      .toEqual({ summary: 'Typed before the session ended', body: 'Typed after the session ended.', status: 'DRAFT' });
    await page
      .getByTestId('save-status')
      .getByText(/^Saved at /)
      .waitFor({ timeout: 20_000 });
    expect(await summary.inputValue()).toBe('Typed before the session ended');
    expect(await sessionCookieOf(context)).toMatch(/^fls_/);
    expect(watched.pageErrors).toEqual([]);
  });

  it('with single sign-on, an ended session can be renewed in another tab while this page stays', async () => {
    const withSso = await startTestServer({
      config: {
        signInAttemptsPerAddress: 0,
        // Never reached: the provider is only visited from the other tab, which this test plays.
        sso: {
          issuer: 'http://127.0.0.1:9/',
          clientId: 'workbench',
          clientSecret: 'a secret long enough for the tests',
          allowedDomains: ['factline.test'],
          name: 'Newsroom SSO',
          insecure: true,
        },
      },
    });
    closers.push(() => withSso.close());
    const ines = await passwordAccount(withSso, Role.REVIEWER, 'Ines Intab');
    const { page, context, watched } = await newPage();
    await signInThroughForm(page, withSso, ines);
    await page.getByRole('link', { name: 'Articles' }).first().click();
    await page.locator('main h1').filter({ hasText: 'Articles' }).waitFor({ timeout: 20_000 });
    await page.evaluate(`window.__stayed = true`);

    // Her session ends (signed out elsewhere); the next request meets the dialog.
    await context.request.delete(`${withSso.url}/review/session`, { headers: { origin: withSso.url } });
    await page.getByRole('link', { name: 'Queue' }).first().click();
    const dialog = page.getByRole('alertdialog', { name: 'Your session has ended' });
    await dialog.waitFor({ timeout: 20_000 });
    const link = dialog.getByRole('link', { name: 'Sign in with Newsroom SSO in a new tab' });
    expect(await link.getAttribute('href')).toBe('/review/sso/start');
    expect(await link.getAttribute('target')).toBe('_blank');
    await dialog.getByRole('button', { name: 'I have signed in' }).click();
    await dialog.getByText('You are not signed in yet.').waitFor();

    // The other tab signs her in (its cookie is this browser's); this page asks again.
    const other = await context.request.post(`${withSso.url}/review/session`, {
      headers: { origin: withSso.url, 'content-type': 'application/json' },
      data: { email: ines.email, password: ines.password },
    });
    expect(other.status()).toBe(200);
    await dialog.getByRole('button', { name: 'I have signed in' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.evaluate(`window.__stayed`)).toBe(true);
    expect(watched.pageErrors).toEqual([]);
  });

  it('signs out: the cookie is cleared and no longer works on /graphql', async () => {
    const sam = await passwordAccount(server, Role.EDITOR, 'Sam Signout');
    const { page, context, watched } = await newPage();
    await signInThroughForm(page, server, sam);
    const secret = (await sessionCookieOf(context))!;
    expect(secret).toMatch(/^fls_/);
    const before = await withCookie(secret, '{ viewer { name } }');
    expect(before.status).toBe(200);
    // As the fact-check editor keeps unsaved edits, under this account's name.
    await page.evaluate(
      `localStorage.setItem('factline.workbench.${toGlobalId('User', sam.userId)}.fact-check.x', '{}')`,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInForm(page).getByLabel('Email').waitFor({ timeout: 20_000 });
    expect(await sessionCookieOf(context)).toBeUndefined();
    // Nothing the workbench kept on this computer (unsaved edits) stays after signing out.
    expect(await page.evaluate(`Object.keys(localStorage).filter((k) => k.startsWith('factline.workbench.'))`)).toEqual(
      [],
    );
    const after = await withCookie(secret, '{ viewer { name } }');
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Reloaded, the workbench asks to sign in.
    await page.reload();
    await signInForm(page).getByLabel('Email').waitFor({ timeout: 20_000 });
    expect(watched.pageErrors).toEqual([]);
  });

  it("refuses another origin's page acting with the signed-in browser's cookie: form POST, no-cors fetch, WebSocket, login CSRF", async () => {
    const victim = await passwordAccount(server, Role.REVIEWER, 'Vic Victim');
    const intruder = await passwordAccount(server, Role.REVIEWER, 'Ivan Intruder');
    const quote = 'largest assembly of armed forces';
    expect(demo.body).toContain(quote);
    const mutation = `mutation { createClaim(input: { articleId: "${demo.id}", quote: "${quote}" }) { id } }`;
    const graphqlBody = JSON.stringify({ query: mutation });
    const claimsQuoting = async () =>
      (
        await api<{ article: { appearances: { quote: string }[] } }>(
          'query($id: ID!) { article(id: $id) { appearances { quote } } }',
          { id: demo.id },
        )
      ).article.appearances.filter((a) => a.quote === quote).length;
    expect(await claimsQuoting()).toBe(0);

    // The attacker's site: same host, another port, so the same site (SameSite=Lax sends the
    // cookie) but another origin. Only the service's origin check stands in the way.
    const service = server.url;
    const wsUrl = service.replace(/^http/, 'ws') + '/graphql';
    const pages: Record<string, string> = {
      '/form': `<!doctype html><title>Win a prize</title>
        <form id="f" method="POST" action="${service}/graphql" enctype="text/plain">
          <input name='{"query":"${mutation.replace(/"/g, '\\"')}","x":"' value='"}'>
        </form><script>document.getElementById('f').submit()</script>`,
      '/form-urlencoded': `<!doctype html><title>Win a prize</title>
        <form id="f" method="POST" action="${service}/graphql">
          <input name="query" value='${mutation}'>
        </form><script>document.getElementById('f').submit()</script>`,
      '/fetch': `<!doctype html><title>Win a prize</title><script>
        window.done = fetch(${JSON.stringify(service + '/graphql')}, { method: 'POST', credentials: 'include', mode: 'no-cors',
          body: ${JSON.stringify(graphqlBody)} }).then((r) => 'answered ' + r.type, (e) => 'failed ' + e.message);
      </script>`,
      '/ws': `<!doctype html><title>Win a prize</title><script>
        window.log = [];
        const socket = new WebSocket(${JSON.stringify(wsUrl)}, 'graphql-transport-ws');
        socket.onopen = () => {
          log.push('open');
          socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ${JSON.stringify(mutation)} } }));
          socket.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: 'subscription { events { type } }' } }));
        };
        socket.onmessage = (m) => log.push('message ' + m.data);
        socket.onerror = () => log.push('error');
        socket.onclose = (e) => log.push('close ' + e.code);
      </script>`,
      '/login-form': `<!doctype html><title>Win a prize</title>
        <form id="f" method="POST" action="${service}/review/session">
          <input name="email" value="${intruder.email}"><input name="password" value="${intruder.password}">
        </form><script>document.getElementById('f').submit()</script>`,
      '/login-fetch': `<!doctype html><title>Win a prize</title><script>
        window.done = fetch(${JSON.stringify(service + '/review/session')}, { method: 'POST', credentials: 'include', mode: 'no-cors',
          body: ${JSON.stringify(JSON.stringify({ email: intruder.email, password: intruder.password }))} })
          .then((r) => 'answered ' + r.type, (e) => 'failed ' + e.message);
      </script>`,
    };
    const attacker = http.createServer((req, res) => {
      const body = pages[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not here');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => attacker.close(() => resolve())));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    expect(attackerUrl).not.toBe(service);

    // The victim signs in through the form in this browser.
    const { page, context, watched } = await newPage();
    await signInThroughForm(page, server, victim);
    const secret = (await sessionCookieOf(context))!;
    expect(secret).toMatch(/^fls_/);

    const attack = await context.newPage();
    // Every request the attacker's pages make to the service, with its answer.
    const seen: { url: string; method: string; status: number; cookie: boolean; origin: string | undefined }[] = [];
    attack.on('response', (response) => {
      const request = response.request();
      if (!request.url().startsWith(service)) return;
      void request.allHeaders().then((headers) =>
        seen.push({
          url: request.url().slice(service.length),
          method: request.method(),
          status: response.status(),
          cookie: (headers.cookie ?? '').includes(`${COOKIE}=${secret}`),
          origin: headers.origin,
        }),
      );
    });
    const attackWatched = watchPage(attack);

    // (a) Forms that post the mutation, as text/plain (JSON-shaped) and urlencoded.
    for (const path of ['/form', '/form-urlencoded']) {
      const answered = attack.waitForResponse(
        (r) => r.url() === `${service}/graphql` && r.request().method() === 'POST',
      );
      await attack.goto(attackerUrl + path);
      const response = await answered;
      // Refused: by Apollo's CSRF prevention (400: a simple content type without a preflight)
      // or by the same-origin rule of the cookie (403), whichever comes first.
      expect([400, 403], path).toContain(response.status());
      expect(await response.text(), path).toMatch(REFUSED);
    }
    // (b) A no-cors fetch with the cookie: the answer is opaque to the page, the refusal is not to us.
    await attack.goto(attackerUrl + '/fetch');
    await expect.poll(() => attack.evaluate('window.done'), { timeout: 20_000 }).toBe('answered opaque');
    // (c) A WebSocket: refused at the handshake, never open.
    await attack.goto(attackerUrl + '/ws');
    await expect
      .poll(() => attack.evaluate<string[]>('window.log'), { timeout: 20_000 })
      .toEqual(['error', 'close 1006']);

    await expect.poll(() => seen.filter((s) => s.url === '/graphql').length, { timeout: 20_000 }).toBe(3);
    const graphqlRequests = seen.filter((s) => s.url === '/graphql');
    // Each carried the victim's cookie (same site: SameSite=Lax lets it go), from the attacker's origin.
    for (const request of graphqlRequests) {
      expect(request).toMatchObject({ method: 'POST', cookie: true, origin: attackerUrl });
      expect([400, 403]).toContain(request.status);
    }
    expect(await claimsQuoting()).toBe(0);
    // The same socket from the workbench's own page opens: the attacker's was refused for its origin.
    const ownSocket = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(url, 'graphql-transport-ws');
          socket.onopen = () => {
            socket.close();
            resolve('open');
          };
          socket.onerror = () => resolve('error');
        }),
      wsUrl,
    );
    expect(ownSocket).toBe('open');

    // Login CSRF: signing the victim's browser in as the intruder is refused; she is still herself.
    for (const path of ['/login-form', '/login-fetch']) {
      const answered = attack.waitForResponse(
        (r) => r.url() === `${service}/review/session` && r.request().method() === 'POST',
      );
      await attack.goto(attackerUrl + path);
      expect((await answered).status(), path).toBe(403);
    }
    expect(await sessionCookieOf(context)).toBe(secret);
    const who = await withCookie(secret, '{ viewer { name } }');
    expect(who).toMatchObject({ status: 200, body: { data: { viewer: { name: 'Vic Victim' } } } });

    // The same mutation from the workbench's own page, with the same cookie, is accepted: the
    // attacks failed for their origin alone, not for the mutation.
    const own = await page.evaluate(
      async (body) =>
        (
          await fetch('/graphql', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body,
          })
        ).status,
      graphqlBody,
    );
    expect(own).toBe(200);
    expect(await claimsQuoting()).toBe(1);
    expect(watched.pageErrors).toEqual([]);
    expect(attackWatched.pageErrors).toEqual([]);
  });
});
