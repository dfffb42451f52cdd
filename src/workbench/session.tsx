import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createApiClient } from './client';
import { FieldError, FormProblems, type Problem } from './errors';
import { forgetLocal, setLocalStoreAccount } from './local-store';
import { readSettings } from './settings';

/** The signed-in account, as the sign-in routes answer it. */
export interface SignedInUser {
  id: string;
  name: string;
  role: 'REVIEWER' | 'EDITOR' | 'ADMIN';
}

export const SESSION_PATH = '/review/session';
/** A window event: the session that had ended is back (the same person signed in again). */
export const SIGNED_IN_AGAIN = 'factline:signed-in-again';

interface SessionState {
  user: SignedInUser;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** The signed-in user; every page below the provider has one. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the SessionProvider');
  return session;
}

const RANK = { REVIEWER: 1, EDITOR: 2, ADMIN: 3 } as const;
export const hasRole = (user: SignedInUser, role: SignedInUser['role']) => RANK[user.role] >= RANK[role];

interface SignInAnswer {
  user?: SignedInUser;
  problems?: Problem[];
}

async function postSignIn(email: string, password: string): Promise<SignInAnswer> {
  try {
    const response = await fetch(SESSION_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      user?: SignedInUser;
      errors?: { message: string; extensions?: { code?: string; field?: string } }[];
    };
    if (response.ok && body.user) return { user: body.user };
    const problems = (body.errors ?? []).map((e) => ({
      message: e.message,
      code: e.extensions?.code ?? null,
      field: e.extensions?.field ?? null,
    }));
    return { problems: problems.length ? problems : [{ message: 'Signing in failed.', code: null, field: null }] };
  } catch {
    return { problems: [{ message: 'The service could not be reached. Try again.', code: 'NETWORK', field: null }] };
  }
}

/** Who the API says is signed in: the session cookie's account, or null for nobody. */
async function fetchSignedIn(): Promise<SignedInUser | null> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ viewer { id name role } }' }),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: { viewer: SignedInUser | null } };
    return body.data?.viewer ?? null;
  } catch {
    return null;
  }
}

/**
 * Who is signed in, and the API client that acts as them. When the session ends mid-work (it
 * expired or an ADMIN revoked it), the page stays mounted under a sign-in dialog: once the same
 * person signs in again, everything they were editing is still there.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  const onSessionEnded = useCallback(() => setEnded(true), []);
  // A client per account: nothing cached as one person is shown to another.
  const userId = user?.id ?? null;
  setLocalStoreAccount(userId);
  const client = useMemo(() => (userId ? createApiClient(onSessionEnded) : null), [userId, onSessionEnded]);
  // Under the dialog the page can be neither reached by the keyboard nor read out.
  const page = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (page.current) page.current.inert = ended;
  }, [ended, client]);

  useEffect(() => {
    void fetchSignedIn().then(setUser);
  }, []);

  const signOut = useCallback(async () => {
    await fetch(SESSION_PATH, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
    forgetLocal();
    setUser(null);
    setEnded(false);
  }, []);

  if (user === undefined) return <p className="loading">Loading the workbench…</p>;
  if (!user || !client) return <SignInPage onSignedIn={setUser} />;
  const signedInAgain = (again: SignedInUser) => {
    // Another account signed in over an ended session: start afresh as them.
    if (again.id !== user.id) location.reload();
    else {
      setEnded(false);
      // Work that failed while signed out (an autosave) goes on now rather than at its next retry.
      window.dispatchEvent(new Event(SIGNED_IN_AGAIN));
    }
  };
  return (
    <SessionContext.Provider value={{ user, signOut }}>
      <UrqlProvider value={client}>
        <div ref={page}>{children}</div>
      </UrqlProvider>
      {ended && <SessionEndedDialog onSignedIn={signedInAgain} />}
    </SessionContext.Provider>
  );
}

/** The words for a sign-in that failed away from the page: `/review?signInError=<code>`. */
const SIGN_IN_ERRORS: Record<string, string> = {
  // Single sign-on (src/http/sso-routes.ts): one sentence whatever failed, as the server tells no more.
  sso: 'Signing in with your organisation’s account did not work. Try again, or ask an administrator whether your account has been invited.',
};

/** The words for the sign-in error the address names (`?signInError=`), or null. */
function signInErrorOf(search: string): string | null {
  const code = new URLSearchParams(search).get('signInError');
  if (code === null) return null;
  return SIGN_IN_ERRORS[code] ?? 'Signing in did not work. Try again.';
}

/** Takes the error out of the address bar once shown: a reload or a bookmark does not repeat it. */
function forgetSignInError(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('signInError')) return;
  url.searchParams.delete('signInError');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

function SignInPage({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const settings = readSettings();
  const [signInError] = useState(() => signInErrorOf(location.search));
  useEffect(forgetSignInError, []);
  return (
    <main className="sign-in" id="main">
      <h1 tabIndex={-1}>Sign in to the {settings.organisation} workbench</h1>
      {signInError && <FormProblems problems={[{ message: signInError, code: 'SIGN_IN_FAILED', field: null }]} />}
      <SignInForm onSignedIn={onSignedIn} />
      {settings.signInMethods.includes('sso') && (
        <p className="sso">
          <a className="button secondary" href="/review/sso/start">
            {settings.ssoName ? `Sign in with ${settings.ssoName}` : 'Sign in with your organisation’s account'}
          </a>
        </p>
      )}
    </main>
  );
}

function SessionEndedDialog({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const titleId = useId();
  const settings = readSettings();
  return (
    <div className="dialog-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby={titleId} className="dialog">
        <h2 id={titleId}>Your session has ended</h2>
        <p>Sign in again to go on. What you were editing is still here and has not been lost.</p>
        <SignInForm onSignedIn={onSignedIn} autoFocus />
        {settings.signInMethods.includes('sso') && <SsoInAnotherTab onSignedIn={onSignedIn} name={settings.ssoName} />}
      </div>
    </div>
  );
}

/**
 * Single sign-on leaves the page for the provider's; so that this page (and what was typed in
 * it) stays, it opens in another tab, and this one asks again who is signed in.
 */
function SsoInAnotherTab({ onSignedIn, name }: { onSignedIn: (user: SignedInUser) => void; name?: string | null }) {
  const [notYet, setNotYet] = useState(false);
  const check = async () => {
    const user = await fetchSignedIn();
    if (user) onSignedIn(user);
    else setNotYet(true);
  };
  return (
    <div className="stack sso-again">
      <p>
        <a href="/review/sso/start" target="_blank" rel="noopener">
          {name ? `Sign in with ${name}` : 'Sign in with your organisation’s account'} in a new tab
        </a>
        , then come back here.
      </p>
      <button type="button" className="secondary" onClick={() => void check()}>
        I have signed in
      </button>
      {notYet && (
        <p className="field-error" role="alert">
          You are not signed in yet.
        </p>
      )}
    </div>
  );
}

export function SignInForm({
  onSignedIn,
  autoFocus,
}: {
  onSignedIn: (user: SignedInUser) => void;
  autoFocus?: boolean;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await postSignIn(email.trim(), password);
    setBusy(false);
    if (answer.user) {
      setPassword('');
      onSignedIn(answer.user);
    } else setProblems(answer.problems ?? []);
  };
  const fieldMessage = (name: string) => problems.find((p) => p.field === name)?.message;
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          autoFocus={autoFocus}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={fieldMessage('email') ? true : undefined}
          aria-describedby={fieldMessage('email') ? `${id}-email-error` : undefined}
        />
        <FieldError id={`${id}-email-error`} message={fieldMessage('email')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={fieldMessage('password') ? true : undefined}
          aria-describedby={fieldMessage('password') ? `${id}-password-error` : undefined}
        />
        <FieldError id={`${id}-password-error`} message={fieldMessage('password')} />
      </div>
      <FormProblems problems={problems.filter((p) => p.field !== 'email' && p.field !== 'password')} />
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
