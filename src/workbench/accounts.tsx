import { useState } from 'react';
import { useMutation } from 'urql';
import { useAnnounce } from './announcer';
import { FormProblems, type Problem, problemsOf } from './errors';
import { graphql } from './gql';
import { When } from './status';

/**
 * A staff account as both the admin's Users section and the Account page show it: who, where
 * signed in, which API tokens.
 */
graphql(`
  fragment StaffSessionFields on Session {
    id
    createdAt
    lastSeenAt
    expiresAt
    method
    userAgent
    current
  }
`);

graphql(`
  fragment StaffApiTokenFields on ApiToken {
    id
    label
    tokenPrefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);

graphql(`
  fragment StaffAccountFields on User {
    id
    name
    email
    role
    sessions {
      ...StaffSessionFields
    }
    apiTokens {
      ...StaffApiTokenFields
    }
  }
`);

export const StaffRevokeSession = graphql(`
  mutation StaffRevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input) {
      id
    }
  }
`);

export interface Token {
  id: string;
  label: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  method: 'PASSWORD' | 'SSO';
  userAgent?: string | null;
  current: boolean;
}

/** Where someone is signed in, each session revocable (the current one is signed out with Sign out). */
export function SessionsTable({
  who,
  sessions,
  onChanged,
}: {
  who: string;
  sessions: SessionRow[];
  onChanged: () => void;
}) {
  const announce = useAnnounce();
  const [, revokeSession] = useMutation(StaffRevokeSession);
  const [problems, setProblems] = useState<Problem[]>([]);
  const revoke = async (session: SessionRow) => {
    const result = await revokeSession({ input: { id: session.id } });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    announce('Session signed out');
    onChanged();
  };
  if (sessions.length === 0) return <p className="muted">Not signed in anywhere.</p>;
  return (
    <>
      <FormProblems problems={problems} />
      <table className="sessions-table">
        <caption className="visually-hidden">Sessions of {who}</caption>
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">Expires</th>
            <th scope="col">Method</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td className="agent">
                {session.userAgent ?? <span className="muted">Unknown browser</span>}
                {session.current && <span className="badge current"> This browser</span>}
              </td>
              <td>
                <When at={session.createdAt} />
              </td>
              <td>
                <When at={session.lastSeenAt} />
              </td>
              <td>
                <When at={session.expiresAt} />
              </td>
              <td>{session.method === 'SSO' ? 'Organisation account' : 'Password'}</td>
              <td>
                {!session.current && (
                  <button type="button" className="secondary" onClick={() => void revoke(session)}>
                    Sign out
                    <span className="visually-hidden">
                      {' '}
                      {who === 'you' ? 'your session' : `the session of ${who}`} from <When at={session.createdAt} />
                    </span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** API tokens as a table; revocable when `onRevoke` is given. */
export function TokensTable({
  who,
  tokens,
  onRevoke,
}: {
  who: string;
  tokens: Token[];
  onRevoke?: (token: Token) => void;
}) {
  if (tokens.length === 0) return <p className="muted">No API tokens.</p>;
  return (
    <table className="tokens-table">
      <caption className="visually-hidden">API tokens of {who}</caption>
      <thead>
        <tr>
          <th scope="col">For</th>
          <th scope="col">Begins</th>
          <th scope="col">Made</th>
          <th scope="col">Last used</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <th scope="row">{token.label}</th>
            <td className="mono">{token.tokenPrefix}…</td>
            <td>
              <When at={token.createdAt} />
            </td>
            <td>{token.lastUsedAt ? <When at={token.lastUsedAt} /> : <span className="muted">Never</span>}</td>
            <td>
              {token.revokedAt ? (
                <span className="badge retracted">Revoked</span>
              ) : onRevoke ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onRevoke(token)}
                  aria-label={`Revoke token ${token.label} of ${who}`}
                >
                  Revoke
                </button>
              ) : (
                'Active'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
