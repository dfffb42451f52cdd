import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { useAnnounce } from '../announcer';
import { FieldError, FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { SelectField, TextField } from '../fields';
import { graphql } from '../gql';
import { When } from '../status';
import { ROLE_WORDS, type RoleName, ROLES, SecretBox } from './common';

const AdminCreateUser = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      name
      role
    }
  }
`);

const AdminSetUserRole = graphql(`
  mutation AdminSetUserRole($input: SetUserRoleInput!) {
    setUserRole(input: $input) {
      id
      name
      role
    }
  }
`);

const AdminCreateToken = graphql(`
  mutation AdminCreateToken($input: CreateTokenInput!) {
    createToken(input: $input) {
      secret
      token {
        id
        label
        tokenPrefix
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

const AdminRevokeToken = graphql(`
  mutation AdminRevokeToken($input: RevokeTokenInput!) {
    revokeToken(input: $input) {
      id
      label
      tokenPrefix
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);

interface Token {
  id: string;
  label: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

interface Person {
  id: string;
  name: string;
  role?: RoleName | null;
}

/**
 * The newsroom's accounts: add one, change a role, give or revoke API tokens. The API on this
 * branch has no list of accounts yet (`users` comes with sign-in), so the table holds the
 * accounts added here in this visit.
 */
export function UsersSection() {
  const [people, setPeople] = useState<Person[]>([]);
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title" tabIndex={-1}>
        Users
      </h2>
      <p className="notice">
        Reviewers write fact-checks, editors publish what someone else wrote, admins keep the scale, topics, webhooks and
        accounts. The last admin cannot be made anything else.
      </p>
      <CreateUserForm onCreated={(person) => setPeople((list) => [...list, person])} />
      <h3>Accounts</h3>
      <p className="notice warn" data-testid="users-unfinished">
        The list of every account, with their sessions, is not in the API yet: only the accounts added during this visit
        are listed.
      </p>
      {people.length === 0 ? (
        <p className="muted">No accounts added in this visit.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">API tokens</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <UserRow
                key={person.id}
                person={person}
                onChanged={(next) => setPeople((list) => list.map((p) => (p.id === next.id ? next : p)))}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (person: Person) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<RoleName>('REVIEWER');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, create] = useMutation(AdminCreateUser);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { name: name.trim(), role } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setName('');
    announce(`${result.data.createUser.name} added as ${ROLE_WORDS[role]}`);
    onCreated(result.data.createUser as Person);
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="new-user-title">
      <h3 id="new-user-title">Add a user</h3>
      <div className="form-row">
        <TextField
          label="Name"
          hint="As it appears on their fact-checks."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={messageFor(problems, 'name')}
          required
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as RoleName)}
          error={messageFor(problems, 'role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_WORDS[r]}
            </option>
          ))}
        </SelectField>
      </div>
      <FormProblems problems={unplaced(problems, ['name', 'role'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Adding…' : 'Add the user'}
        </button>
      </div>
    </form>
  );
}

function UserRow({ person, onChanged }: { person: Person; onChanged: (next: Person) => void }) {
  const id = useId();
  const announce = useAnnounce();
  const [role, setRole] = useState<RoleName>(person.role ?? 'REVIEWER');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, setUserRole] = useMutation(AdminSetUserRole);
  const saveRole = async (event: FormEvent) => {
    event.preventDefault();
    const result = await setUserRole({ input: { userId: person.id, role } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    announce(`${person.name} is now ${ROLE_WORDS[role]}`);
    onChanged(result.data.setUserRole as Person);
  };
  const roleError = problems.map((p) => p.message).join(' ') || undefined;
  return (
    <tr data-user-id={person.id}>
      <th scope="row">{person.name}</th>
      <td>
        <form className="inline-form" onSubmit={saveRole} noValidate>
          <label htmlFor={`${id}-role`} className="visually-hidden">
            Role of {person.name}
          </label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value as RoleName)}
            aria-invalid={roleError ? true : undefined}
            aria-describedby={roleError ? `${id}-role-error` : undefined}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_WORDS[r]}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary" disabled={fetching || role === person.role}>
            Change role
          </button>
        </form>
        <FieldError id={`${id}-role-error`} message={roleError} />
      </td>
      <td>
        <TokensCell person={person} />
      </td>
    </tr>
  );
}

/** A person's API tokens: those made here (the API lists none yet), each revocable, and a new one. */
export function TokensCell({ person, known = [] }: { person: Person; known?: Token[] }) {
  const id = useId();
  const announce = useAnnounce();
  const [tokens, setTokens] = useState<Token[]>(known);
  const [label, setLabel] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, createToken] = useMutation(AdminCreateToken);
  const [, revokeToken] = useMutation(AdminRevokeToken);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createToken({ input: { userId: person.id, label: label.trim() } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setLabel('');
    setTokens((list) => [...list, result.data!.createToken.token as Token]);
    setSecret(result.data.createToken.secret);
    announce('Token made. Copy it now: it is shown once.');
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-user-id="${CSS.escape(person.id)}"] [data-testid="secret-box"] button`)?.focus(),
    );
  };
  const revoke = async (token: Token) => {
    const result = await revokeToken({ input: { id: token.id } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error));
      return;
    }
    setTokens((list) => list.map((t) => (t.id === token.id ? (result.data!.revokeToken as Token) : t)));
    announce(`Token ${token.label} revoked`);
  };
  return (
    <div className="tokens">
      {tokens.length > 0 && (
        <ul className="list">
          {tokens.map((token) => (
            <li key={token.id}>
              <strong>{token.label}</strong> <span className="mono">{token.tokenPrefix}…</span>{' '}
              <span className="muted">
                made <When at={token.createdAt} />
                {token.lastUsedAt && (
                  <>
                    , last used <When at={token.lastUsedAt} />
                  </>
                )}
              </span>{' '}
              {token.revokedAt ? (
                <span className="badge retracted">Revoked</span>
              ) : (
                <button
                  type="button"
                  className="link danger-link"
                  onClick={() => void revoke(token)}
                  aria-label={`Revoke token ${token.label} of ${person.name}`}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {secret && (
        <SecretBox title={`API token for ${person.name}`} secret={secret} onDone={() => setSecret(null)} />
      )}
      <form className="inline-form" onSubmit={create} noValidate>
        <label htmlFor={`${id}-label`} className="visually-hidden">
          New token for {person.name}: what it is for
        </label>
        <input
          id={`${id}-label`}
          type="text"
          placeholder="What it is for, e.g. laptop"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-invalid={messageFor(problems, 'label') ? true : undefined}
          aria-describedby={messageFor(problems, 'label') ? `${id}-label-error` : undefined}
        />
        <button type="submit" className="secondary" disabled={fetching}>
          Make a token
        </button>
      </form>
      <FieldError id={`${id}-label-error`} message={messageFor(problems, 'label')} />
      <FormProblems problems={unplaced(problems, ['label'])} />
    </div>
  );
}
