import { spawn } from 'node:child_process';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { toSqlDate } from '../../src/db/sql-dates';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { hashToken } from '../../src/modules/auth/api-token';
import { argon2, hashPassword, normalizeEmail, passwordProblem } from '../../src/modules/auth/password';
import { Role } from '../../src/modules/user/user.entity';
import { UserService } from '../../src/modules/user/user.service';
import { inspectRow, inspectWrite } from '../helpers/inspect';
import { MAIN_JS } from '../helpers/service-process';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const PASSWORD = 'a long enough password';
const WRONG = {
  errors: [{ message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } }],
};
const ENDED = 'Your session has ended; sign in again.';
let accounts = 0;

/** An account with an email and PASSWORD. */
async function staff(server: TestServer, role: Role, name = `Staff ${(accounts += 1)}`) {
  const email = `staff-${accounts}-${Math.random().toString(36).slice(2, 8)}@Example.org`;
  const user = await new UserService({ db: server.db }).create(name, role, {
    email,
    passwordHash: await hashPassword(PASSWORD),
  });
  return { ...user, email: email.toLowerCase() };
}

function signIn(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/review/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify(body),
  });
}

/** `name=value` of a response's session cookie. */
function cookieOf(response: Response): string {
  const set = response.headers.getSetCookie();
  expect(set).toHaveLength(1);
  return set[0].split(';')[0];
}

async function signedInCookie(server: TestServer, email: string, password = PASSWORD): Promise<string> {
  const response = await signIn(server, { email, password });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

/** A GraphQL POST with the cookie, from the server's own origin unless `headers` say otherwise. */
async function gqlWith(
  server: TestServer,
  cookie: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      origin: server.url,
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, headers: response.headers, ...body };
}

async function sessionIdOf(server: TestServer, cookie: string): Promise<number> {
  const row = await inspectRow(
    server.db,
    sql<{ id: number }>`SELECT id FROM sessions WHERE token_hash = ${hashToken(cookie.split('=')[1])}`,
  );
  return Number(row!.id);
}

describe('staff sign-in', () => {
  let server: TestServer;
  let admin: SignedIn;

  beforeAll(async () => {
    server = await startTestServer({ config: { signInAttemptsPerAddress: 0 } });
    admin = await server.signIn(Role.ADMIN, 'Ada Admin');
  });
  afterAll(() => server.close());

  it('signs in with email and password: the user, a session cookie, and the API as that user', async () => {
    const ana = await staff(server, Role.REVIEWER, 'Ana Reviewer');
    const response = await signIn(server, { email: `  ${ana.email.toUpperCase()} `, password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      user: { id: toGlobalId('User', ana.id), name: 'Ana Reviewer', role: 'REVIEWER' },
    });
    const [set] = response.headers.getSetCookie();
    expect(set).toMatch(/^factline_session=fls_[A-Za-z0-9_-]{43}; /);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Lax');
    expect(set).toContain('Path=/');
    expect(set).toContain(`Max-Age=${168 * 3600}`);
    expect(set).not.toContain('Secure');
    const cookie = cookieOf(response);
    // Stored only as its hash.
    const dump = JSON.stringify(await inspectRow(server.db, sql`SELECT * FROM sessions WHERE user_id = ${ana.id}`));
    expect(dump).not.toContain(cookie.split('=')[1]);
    expect(dump).toContain('PASSWORD');

    const asAna = await gqlWith(server, cookie, '{ viewer { id name role email sessions { current method } } }');
    expect(asAna.data).toEqual({
      viewer: {
        id: toGlobalId('User', ana.id),
        name: 'Ana Reviewer',
        role: 'REVIEWER',
        email: ana.email,
        sessions: [{ current: true, method: 'PASSWORD' }],
      },
    });
    const who = await fetch(`${server.url}/review/session`, { headers: { cookie } });
    expect(who.status).toBe(200);
    expect(((await who.json()) as { user: { name: string } }).user.name).toBe('Ana Reviewer');

    const out = await fetch(`${server.url}/review/session`, {
      method: 'DELETE',
      headers: { cookie, origin: server.url },
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^factline_session=; .*Max-Age=0/);
    // The old cookie is refused, never taken as anonymous, and the answer clears it.
    const after = await gqlWith(server, cookie, '{ viewer { name } }');
    expect(after.status).toBe(401);
    expect(after.errors?.[0]).toMatchObject({ message: ENDED, extensions: { code: 'UNAUTHENTICATED' } });
    expect(after.data).toBeUndefined();
    expect(after.headers.getSetCookie()[0]).toMatch(/^factline_session=; .*Max-Age=0/);
    expect((await fetch(`${server.url}/review/session`, { headers: { cookie } })).status).toBe(401);
    // Without any cookie: anonymous, as before.
    expect((await gqlWith(server, null, '{ viewer { name } }')).data).toEqual({ viewer: null });
  });

  it('answers every failure alike, unknown accounts and accounts without a password included, each after one argon2 verification', async () => {
    const bo = await staff(server, Role.EDITOR);
    const noPassword = await new UserService({ db: server.db }).create('Invited', Role.REVIEWER, {
      email: 'invited@example.org',
    });
    expect(noPassword.id).toBeGreaterThan(0);
    const verify = vi.spyOn(argon2, 'verify');
    try {
      for (const body of [
        { email: bo.email, password: 'not the password' },
        { email: 'nobody-here@example.org', password: PASSWORD },
        { email: 'invited@example.org', password: PASSWORD },
      ]) {
        verify.mockClear();
        const response = await signIn(server, body);
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual(WRONG);
        expect(response.headers.getSetCookie()).toEqual([]);
        expect(verify).toHaveBeenCalledTimes(1);
      }
    } finally {
      verify.mockRestore();
    }
  });

  it('refuses a body that is not one with 400 BAD_USER_INPUT naming the field', async () => {
    for (const [body, field] of [
      [{ password: PASSWORD }, 'email'],
      [{ email: 'not an email', password: PASSWORD }, 'email'],
      [{ email: 'a@example.org' }, 'password'],
      [{ email: 'a@example.org', password: 'x'.repeat(1001) }, 'password'],
      [[1, 2], 'email'],
    ] as const) {
      const response = await signIn(server, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field } }] });
    }
  });

  it('makes a new session at every sign-in, and revokes the one a browser sent to sign-in (fixation)', async () => {
    const cy = await staff(server, Role.REVIEWER);
    const first = await signedInCookie(server, cy.email);
    const second = await signedInCookie(server, cy.email);
    expect(second).not.toBe(first);
    expect((await gqlWith(server, first, '{ viewer { name } }')).status).toBe(200);
    const third = cookieOf(await signIn(server, { email: cy.email, password: PASSWORD }, { cookie: first }));
    expect((await gqlWith(server, first, '{ viewer { name } }')).status).toBe(401);
    expect((await gqlWith(server, second, '{ viewer { name } }')).status).toBe(200);
    expect((await gqlWith(server, third, '{ viewer { name } }')).status).toBe(200);
  });

  it('ends a session after SESSION_IDLE_MINUTES without use, and SESSION_MAX_HOURS after sign-in', async () => {
    const di = await staff(server, Role.REVIEWER);
    const idle = await signedInCookie(server, di.email);
    const spent = await signedInCookie(server, di.email);
    await server.db.writes.drain();
    const ago = (minutes: number) => toSqlDate(new Date(Date.now() - minutes * 60_000));
    await server.db.writes.run(async (manager) => {
      await inspectWrite(
        manager,
        sql`UPDATE sessions SET last_seen_at = ${ago(481)}, created_at = ${ago(481)} WHERE id = ${await sessionIdOf(server, idle)}`,
      );
      await inspectWrite(
        manager,
        sql`UPDATE sessions SET expires_at = ${ago(1)} WHERE id = ${await sessionIdOf(server, spent)}`,
      );
    });
    for (const cookie of [idle, spent]) {
      const answer = await gqlWith(server, cookie, '{ viewer { name } }');
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0].message).toBe(ENDED);
    }
    // Used within the idle limit: lastSeenAt moves on (at most once a minute) and it stays live.
    const used = await signedInCookie(server, di.email);
    await server.db.writes.run(async (manager) =>
      inspectWrite(
        manager,
        sql`UPDATE sessions SET last_seen_at = ${ago(470)} WHERE id = ${await sessionIdOf(server, used)}`,
      ),
    );
    expect((await gqlWith(server, used, '{ viewer { name } }')).status).toBe(200);
    await server.db.writes.drain();
    const seen = await inspectRow(
      server.db,
      sql<{ last_seen_at: string }>`SELECT last_seen_at FROM sessions WHERE id = ${await sessionIdOf(server, used)}`,
    );
    expect(
      new Date(
        `${String(seen!.last_seen_at).replace(' ', 'T')}${String(seen!.last_seen_at).includes('T') ? '' : 'Z'}`,
      ).getTime(),
    ).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a session an ADMIN revokes is refused at its next request, and its live subscription ends', async () => {
    const ed = await staff(server, Role.REVIEWER);
    const cookie = await signedInCookie(server, ed.email);
    const sessions = await gqlWith(
      server,
      null,
      'query($id: ID!) { node(id: $id) { ... on User { sessions { id current } } } }',
      { id: toGlobalId('User', ed.id) },
      { authorization: `Bearer ${admin.token}` },
    );
    const [session] = (sessions.data!.node as { sessions: { id: string; current: boolean }[] }).sessions;
    expect(session.current).toBe(false);

    // A browser's subscription, signed in by the cookie of the upgrade request.
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin: server.url } });
      }
    }
    const results: unknown[] = [];
    let ended: (errors: unknown) => void = () => {};
    const end = new Promise((resolve) => (ended = resolve));
    const client = createClient({
      url: server.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: CookieSocket,
      retryAttempts: 0,
    });
    const before = server.db.events.subscriberCount;
    client.subscribe(
      { query: 'subscription { events { type } }' },
      { next: (value) => results.push(value), error: (error) => ended(error), complete: () => ended(null) },
    );
    while (server.db.events.subscriberCount <= before) await new Promise((resolve) => setTimeout(resolve, 5));

    const editor = await server.signIn(Role.EDITOR);
    const publish = async (slug: string) => {
      const created = await server.gql<{ createArticle: { id: string } }>(
        'mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }',
        { i: { slug, headline: 'H', body: 'B' } },
        editor.token,
      );
      await server.gql(
        'mutation($i: ArticleTransitionInput!) { publishArticle(input: $i) { id } }',
        { i: { id: created.data!.createArticle.id } },
        editor.token,
      );
    };
    await publish('revoked-session-1');
    await vi.waitFor(() => expect(results).toHaveLength(1));
    const revoked = await server.gql<{ revokeSession: { id: string } }>(
      'mutation($id: ID!) { revokeSession(input: { id: $id }) { id } }',
      { id: session.id },
      admin.token,
    );
    expect(revoked.errors).toBeUndefined();
    expect((await gqlWith(server, cookie, '{ viewer { name } }')).status).toBe(401);
    await publish('revoked-session-2');
    const errors = (await end) as { extensions?: { code: string } }[] | null;
    expect(results).toHaveLength(2);
    expect((results[1] as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(errors).toBeNull();
    await client.dispose();
  });

  it('a cookie naming an ended session closes a subscription socket with 4403', async () => {
    const cookie = 'factline_session=fls_' + 'A'.repeat(43);
    const code = await new Promise<number>((resolve) => {
      const socket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
        headers: { cookie, origin: server.url },
      });
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('close', (closeCode) => resolve(closeCode));
    });
    expect(code).toBe(4403);
  });

  it('changePassword needs the current password, signs the other sessions out and keeps this one', async () => {
    const fa = await staff(server, Role.REVIEWER);
    const here = await signedInCookie(server, fa.email);
    const elsewhere = await signedInCookie(server, fa.email);
    const change = (currentPassword: string, newPassword: string) =>
      gqlWith(server, here, 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { name } }', {
        i: { currentPassword, newPassword },
      });
    expect((await change('wrong one!!', 'a brand new password')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.currentPassword',
    });
    expect((await change(PASSWORD, 'short')).errors?.[0].extensions).toMatchObject({ field: 'input.newPassword' });
    expect((await change(PASSWORD, fa.email.toUpperCase())).errors?.[0].extensions).toMatchObject({
      field: 'input.newPassword',
    });
    const changed = await change(PASSWORD, 'a brand new password');
    expect(changed.errors).toBeUndefined();
    expect((await gqlWith(server, here, '{ viewer { name } }')).status).toBe(200);
    expect((await gqlWith(server, elsewhere, '{ viewer { name } }')).status).toBe(401);
    expect((await signIn(server, { email: fa.email, password: PASSWORD })).status).toBe(401);
    expect((await signIn(server, { email: fa.email, password: 'a brand new password' })).status).toBe(200);
  });

  it('shows email, sessions and tokens only to the user and ADMINs; users is ADMIN only', async () => {
    const gi = await staff(server, Role.REVIEWER);
    const other = await staff(server, Role.REVIEWER);
    const cookie = await signedInCookie(server, gi.email);
    const fields = '{ email sessions { id } apiTokens { id } }';
    const read = (who: string | null, auth: Record<string, string> = {}) =>
      gqlWith(
        server,
        who,
        `query($id: ID!) { node(id: $id) { ... on User ${fields} } }`,
        { id: toGlobalId('User', other.id) },
        auth,
      );
    expect((await read(cookie)).data).toEqual({ node: { email: null, sessions: null, apiTokens: null } });
    expect((await read(null, { authorization: `Bearer ${admin.token}` })).data).toEqual({
      node: { email: other.email, sessions: [], apiTokens: [] },
    });
    const own = await gqlWith(server, cookie, `{ viewer ${fields} }`);
    expect(own.data!.viewer).toMatchObject({ email: gi.email, apiTokens: [] });
    const users = await gqlWith(server, cookie, '{ users { name } }');
    expect(users.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = await server.gql<{ users: { name: string; email: string | null }[] }>(
      '{ users { name email } }',
      {},
      admin.token,
    );
    expect(listed.data!.users).toContainEqual({ name: gi.name, email: gi.email });
    // Someone else's session is nobody's business: node() answers null, revokeSession NOT_FOUND.
    const theirs = await signedInCookie(server, other.email);
    const theirId = toGlobalId('Session', await sessionIdOf(server, theirs));
    expect((await gqlWith(server, cookie, 'query($id: ID!) { node(id: $id) { id } }', { id: theirId })).data).toEqual({
      node: null,
    });
    const refused = await gqlWith(server, cookie, 'mutation($id: ID!) { revokeSession(input: { id: $id }) { id } }', {
      id: theirId,
    });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await gqlWith(server, theirs, '{ viewer { name } }')).status).toBe(200);
    // createUser takes an email, unique whatever its case.
    const create = (email: string) =>
      server.gql(
        'mutation($e: String) { createUser(input: { name: "Hu", role: REVIEWER, email: $e }) { email } }',
        { e: email },
        admin.token,
      );
    expect((await create(other.email.toUpperCase())).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.email',
    });
    expect((await create('new.person@Example.org')).data).toEqual({ createUser: { email: 'new.person@example.org' } });
  });

  it('never mixes cookie answers with the anonymous response cache or compiled lane', async () => {
    const jo = await staff(server, Role.EDITOR, 'Jo Editor');
    const cookie = await signedInCookie(server, jo.email);
    const query = '{ viewer { name } articles(first: 1) { totalCount } }';
    // Anonymous first, twice (compiled, then cached), then with the cookie: the viewer's own answer.
    for (let i = 0; i < 3; i += 1) expect((await gqlWith(server, null, query)).data!.viewer).toBeNull();
    const signed = await gqlWith(server, cookie, query);
    expect(signed.data!.viewer).toEqual({ name: 'Jo Editor' });
    expect(signed.headers.get('x-cache')).toBeNull();
    // Cookie first on a new text: anonymous readers after it are not given its answer.
    const other = '{ viewer { name role } }';
    for (let i = 0; i < 3; i += 1)
      expect((await gqlWith(server, cookie, other)).data!.viewer).toEqual({ name: 'Jo Editor', role: 'EDITOR' });
    expect((await gqlWith(server, null, other)).data).toEqual({ viewer: null });
    // A revoked cookie on a compiled, cached text is refused, never answered from the cache.
    await fetch(`${server.url}/review/session`, { method: 'DELETE', headers: { cookie, origin: server.url } });
    expect((await gqlWith(server, cookie, query)).status).toBe(401);
  });

  describe('cross-origin requests with the cookie are refused (CSRF, cross-site WebSocket hijacking)', () => {
    const EVIL: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];

    it.each(EVIL)('POST /graphql mutation and GET /graphql with %o', async (headers) => {
      const ka = await staff(server, Role.REVIEWER);
      const cookie = await signedInCookie(server, ka.email);
      const victim = await signedInCookie(server, ka.email);
      const victimId = toGlobalId('Session', await sessionIdOf(server, victim));
      const mutation = 'mutation($id: ID!) { revokeSession(input: { id: $id }) { id } }';
      const refused = await gqlWith(server, cookie, mutation, { id: victimId }, headers);
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/own pages/);
      expect((await gqlWith(server, victim, '{ viewer { name } }')).status).toBe(200);
      const get = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ viewer { name } }')}`, {
        headers: { cookie, 'apollo-require-preflight': '1', ...headers },
      });
      expect(get.status).toBe(403);
      // Same origin: the same mutation works; a bearer token from another origin works too.
      expect(
        (await gqlWith(server, cookie, mutation, { id: victimId }, { 'sec-fetch-site': 'same-origin' })).errors,
      ).toBeUndefined();
      const bearer = await gqlWith(
        server,
        null,
        '{ viewer { name } }',
        {},
        { ...headers, authorization: `Bearer ${admin.token}` },
      );
      expect(bearer.data).toEqual({ viewer: { name: 'Ada Admin' } });
    });

    it.each(EVIL)('POST and DELETE /review/session with %o', async (headers) => {
      const lu = await staff(server, Role.REVIEWER);
      const login = await signIn(server, { email: lu.email, password: PASSWORD }, headers);
      expect(login.status).toBe(403);
      expect(login.headers.getSetCookie()).toEqual([]);
      expect(await login.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      const cookie = await signedInCookie(server, lu.email);
      const out = await fetch(`${server.url}/review/session`, { method: 'DELETE', headers: { cookie, ...headers } });
      expect(out.status).toBe(403);
      expect((await gqlWith(server, cookie, '{ viewer { name } }')).status).toBe(200);
    });

    it.each(EVIL)('the WebSocket upgrade with %o', async (headers) => {
      const mo = await staff(server, Role.REVIEWER);
      const cookie = await signedInCookie(server, mo.email);
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
          headers: { cookie, ...headers },
        });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
      });
      expect(status).toBe(403);
      const same = await new Promise<number>((resolve) => {
        const socket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
          headers: { cookie, origin: server.url },
        });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
      });
      expect(same).toBe(101);
    });
  });

  it('locks an email after 5 failures in 15 minutes, known or not, with the same answer', async () => {
    const known = await staff(server, Role.REVIEWER);
    const answers: { status: number; body: unknown; retry: string | null }[][] = [];
    for (const email of [known.email, 'unknown-locked@example.org']) {
      const seen = [];
      for (let i = 0; i < 6; i += 1) {
        const response = await signIn(server, { email, password: i === 5 ? PASSWORD : 'wrong password!' });
        const body = (await response.json()) as { errors: { extensions: { retryAfter?: number } }[] };
        seen.push({ status: response.status, body, retry: response.headers.get('retry-after') });
      }
      answers.push(seen);
    }
    for (const seen of answers) {
      expect(seen.slice(0, 5).map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
      // Locked: even the right password is refused, with when to try again.
      expect(seen[5].status).toBe(429);
      expect(seen[5].body).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
      expect(Number(seen[5].retry)).toBeGreaterThan(14 * 60);
      expect(Number(seen[5].retry)).toBeLessThanOrEqual(15 * 60);
    }
    expect(JSON.stringify(answers[0][5].body).replace(/\d+/g, 'N')).toBe(
      JSON.stringify(answers[1][5].body).replace(/\d+/g, 'N'),
    );
  });
});

describe('staff sign-in limits and settings', () => {
  it('limits attempts per address (SIGN_IN_ATTEMPTS_PER_ADDRESS) with 429 and Retry-After', async () => {
    const server = await startTestServer({ demo: false, config: { signInAttemptsPerAddress: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await signIn(server, { email: `nobody${i}@example.org`, password: 'wrong password' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await signIn(server, { email: 'nobody@example.org', password: 'wrong password' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    } finally {
      await server.close();
    }
  });

  it('names the cookie __Host-factline_session, Secure, when PUBLIC_URL is https', async () => {
    const server = await startTestServer({ demo: false, config: { publicUrl: 'https://news.example' } });
    try {
      const user = await staff(server, Role.ADMIN);
      const response = await signIn(
        server,
        { email: user.email, password: PASSWORD },
        { origin: 'https://news.example' },
      );
      expect(response.status).toBe(200);
      const [set] = response.headers.getSetCookie();
      expect(set).toMatch(/^__Host-factline_session=fls_/);
      expect(set).toContain('Secure');
      expect(set).toContain('Path=/');
      expect(set).not.toContain('Domain');
    } finally {
      await server.close();
    }
  });

  it('npm run user creates an account with a password from stdin, changes it, and lists accounts', async () => {
    const server = await startTestServer({ demo: false });
    try {
      const env = { ...process.env, ...server.db.env };
      const script = path.join(path.dirname(MAIN_JS), 'cli', 'user.js');
      const run = (args: string[], input: string) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [script, ...args], { env });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk) => (stdout += String(chunk)));
          child.stderr.on('data', (chunk) => (stderr += String(chunk)));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
          child.stdin.end(input);
        });
      await server.db.writes.drain();
      const created = await run(
        ['create', '--name', 'Ana', '--email', 'Ana@Example.org', '--role', 'Reviewer'],
        `${PASSWORD}\nignored\n`,
      );
      expect(created.code).toBe(0);
      expect(created.stdout + created.stderr).not.toContain(PASSWORD);
      const cookie = await signedInCookie(server, 'ana@example.org');
      expect((await gqlWith(server, cookie, '{ viewer { name role } }')).data).toEqual({
        viewer: { name: 'Ana', role: 'REVIEWER' },
      });
      const again = await run(
        ['create', '--name', 'Ana', '--email', 'ana@example.org', '--role', 'reviewer'],
        `${PASSWORD}\n`,
      );
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/exists already/);
      expect(
        (await run(['create', '--name', 'Bo', '--email', 'bo@example.org', '--role', 'chief'], PASSWORD)).stderr,
      ).toMatch(/--role must be/);
      const short = await run(['create', '--name', 'Bo', '--email', 'bo@example.org', '--role', 'editor'], 'short\n');
      expect(short.code).toBe(2);
      expect(short.stderr).toMatch(/at least 10 characters/);
      const changed = await run(['password', '--email', 'ANA@example.org'], 'another long password\n');
      expect(changed.code).toBe(0);
      // Its sessions are signed out; the new password signs in.
      expect((await gqlWith(server, cookie, '{ viewer { name } }')).status).toBe(401);
      expect((await signIn(server, { email: 'ana@example.org', password: 'another long password' })).status).toBe(200);
      expect((await run(['password', '--email', 'nobody@example.org'], 'another long password\n')).code).toBe(1);
      const list = await run(['list'], '');
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/REVIEWER\tAna/);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('email and password rules', () => {
  it('normalises emails to one lower-case form, idempotently, and refuses what is not an address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom('', ' ', '\t'), (email, pad) => {
        const normal = normalizeEmail(`${pad}${email.toUpperCase()}${pad}`);
        if (normal === null) return email.length > 254 || !email.includes('.', email.indexOf('@'));
        return normal === normalizeEmail(normal) && normal === normal.toLowerCase() && normal === normal.trim();
      }),
    );
    for (const bad of ['', 'ana', 'ana@', '@example.org', 'a b@example.org', 'ana@example', 'a@@example.org'])
      expect(normalizeEmail(bad)).toBeNull();
  });

  it('takes 10 to 1000 characters, never the email', () => {
    expect(passwordProblem('123456789', null)).toMatch(/at least 10/);
    expect(passwordProblem('é'.repeat(10), null)).toBeNull();
    expect(passwordProblem('x'.repeat(1001), null)).toMatch(/at most 1000/);
    expect(passwordProblem('ANA@EXAMPLE.ORG', 'ana@example.org')).toMatch(/not be the email/);
  });
});
