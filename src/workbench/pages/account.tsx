import '../admin/admin.css';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { type SessionRow, SessionsTable, StaffRevokeSession, type Token, TokensTable } from '../accounts';
import { useAnnounce } from '../announcer';
import { ROLE_WORDS } from '../admin/common';
import { FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { TextField } from '../fields';
import { graphql } from '../gql';
import { Loading, PageTitle } from '../layout';

const AccountViewer = graphql(`
  query AccountViewer {
    viewer {
      ...StaffAccountFields
    }
  }
`);

const AccountChangePassword = graphql(`
  mutation AccountChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      id
    }
  }
`);

/** One object: a new one each render would refetch each render. */
const QUERY_CONTEXT = { additionalTypenames: ['Session', 'ApiToken'] };

/** /review/account: who you are, your password, where you are signed in, your API tokens. */
export function AccountPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountViewer, context: QUERY_CONTEXT });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const announce = useAnnounce();
  const [, revokeSession] = useMutation(StaffRevokeSession);
  const [signOutProblems, setSignOutProblems] = useState<Problem[]>([]);
  if (fetching && !data) return <Loading what="your account" />;
  const viewer = data?.viewer;
  const sessions = (viewer?.sessions ?? []) as SessionRow[];
  const others = sessions.filter((s) => !s.current);
  const signOutOthers = async () => {
    const problems: Problem[] = [];
    for (const session of others) {
      const result = await revokeSession({ input: { id: session.id } });
      problems.push(...problemsOf(result.error));
    }
    setSignOutProblems(problems);
    if (problems.length === 0) announce('Signed out everywhere else');
    reload();
  };
  return (
    <>
      <PageTitle>Your account</PageTitle>
      <FormProblems problems={problemsOf(error)} />
      {viewer && (
        <>
          <section className="card" aria-labelledby="account-who">
            <h2 id="account-who">You</h2>
            <dl className="facts">
              <dt>Name</dt>
              <dd data-testid="account-name">{viewer.name}</dd>
              <dt>Email</dt>
              <dd>{viewer.email ?? <span className="muted">None</span>}</dd>
              <dt>Role</dt>
              <dd>{viewer.role ? ROLE_WORDS[viewer.role] : '—'}</dd>
            </dl>
            <p className="muted">An administrator changes your name, email or role.</p>
          </section>
          <ChangePasswordForm onChanged={reload} />
          <section className="card" aria-labelledby="account-sessions">
            <h2 id="account-sessions" tabIndex={-1}>
              Where you are signed in
            </h2>
            <SessionsTable who="you" sessions={sessions} onChanged={reload} />
            <FormProblems problems={signOutProblems} />
            {others.length > 0 && (
              <div className="actions">
                <button type="button" className="secondary" onClick={() => void signOutOthers()}>
                  Sign out other sessions
                </button>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="account-tokens">
            <h2 id="account-tokens">Your API tokens</h2>
            <p className="muted">An administrator makes and revokes API tokens.</p>
            <TokensTable who="you" tokens={(viewer.apiTokens ?? []) as Token[]} />
          </section>
        </>
      )}
    </>
  );
}

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState(false);
  const [{ fetching }, change] = useMutation(AccountChangePassword);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await change({ input: { currentPassword: current, newPassword: next } });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setCurrent('');
    setNext('');
    setDone(true);
    announce('Password changed. Your other sessions are signed out.');
    onChanged();
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="account-password">
      <h2 id="account-password">Change your password</h2>
      <p className="hint">Every other browser you are signed in on is signed out; this one stays.</p>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={messageFor(problems, 'currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="10 to 1000 characters, not your email address."
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={messageFor(problems, 'newPassword')}
      />
      <FormProblems problems={unplaced(problems, ['currentPassword', 'newPassword'])} />
      {done && (
        <p className="notice" role="status">
          Your password is changed.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Changing…' : 'Change the password'}
        </button>
      </div>
    </form>
  );
}
