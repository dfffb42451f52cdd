import { type FormEvent, useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { type SessionRow, SessionsTable, type Token, TokensTable } from '../accounts';
import { useAnnounce } from '../announcer';
import { FieldError, FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { SelectField, TextField } from '../fields';
import { graphql } from '../gql';
import { Loading } from '../layout';
import { ROLE_WORDS, type RoleName, ROLES, SecretBox } from './common';

const AdminUsers = graphql(`
  query AdminUsers {
    users {
      ...StaffAccountFields
    }
  }
`);

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
        ...StaffApiTokenFields
      }
    }
  }
`);

const AdminRevokeToken = graphql(`
  mutation AdminRevokeToken($input: RevokeTokenInput!) {
    revokeToken(input: $input) {
      ...StaffApiTokenFields
    }
  }
`);

interface Person {
  id: string;
  name: string;
  email?: string | null;
  role?: RoleName | null;
  sessions?: SessionRow[] | null;
  apiTokens?: Token[] | null;
}

/** Lists refetched after a mutation of their type (one object: a new one each render would refetch each render). */
const QUERY_CONTEXT = { additionalTypenames: ['User', 'Session', 'ApiToken'] };

/** The newsroom's accounts: add one, change a role, sign out a session, give or revoke API tokens. */
export function UsersSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminUsers, context: QUERY_CONTEXT });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [selected, setSelected] = useState<string | null>(null);
  if (fetching && !data) return <Loading what="the accounts" />;
  if (error && !data) return <FormProblems problems={problemsOf(error)} />;
  const people = (data?.users ?? []) as Person[];
  const person = people.find((p) => p.id === selected) ?? null;
  const open = (id: string) => {
    // The panel takes the focus when it mounts (a new account appears only once the list is read again).
    setSelected(id);
  };
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title" tabIndex={-1}>
        Users
      </h2>
      <p className="notice">
        Reviewers write fact-checks, editors publish what someone else wrote, admins keep the scale, topics, webhooks
        and accounts. The last admin cannot be made anything else.
      </p>
      <CreateUserForm
        onCreated={(created) => {
          reload();
          open(created.id);
        }}
      />
      <h3>Accounts</h3>
      <table className="users-table">
        <caption className="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Sessions</th>
            <th scope="col">Active API tokens</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} aria-current={p.id === selected ? 'true' : undefined}>
              <th scope="row">{p.name}</th>
              <td>{p.email ?? <span className="muted">None</span>}</td>
              <td>{p.role ? ROLE_WORDS[p.role] : '—'}</td>
              <td>{p.sessions?.length ?? 0}</td>
              <td>{p.apiTokens?.filter((t) => !t.revokedAt).length ?? 0}</td>
              <td>
                <button type="button" className="secondary" onClick={() => open(p.id)} aria-label={`Manage ${p.name}`}>
                  Manage
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {person && <UserPanel key={person.id} person={person} onChanged={reload} />}
    </section>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (person: Person) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleName>('REVIEWER');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, create] = useMutation(AdminCreateUser);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { name: name.trim(), email: email.trim() || null, role } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setName('');
    setEmail('');
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
        <TextField
          label="Email (optional)"
          type="email"
          hint="They sign in with it; their password is set with npm run user -- password."
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={messageFor(problems, 'email')}
          autoComplete="off"
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
      <FormProblems problems={unplaced(problems, ['name', 'email', 'role'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Adding…' : 'Add the user'}
        </button>
      </div>
    </form>
  );
}

/** One account: its role, its live sessions, its API tokens. */
function UserPanel({ person, onChanged }: { person: Person; onChanged: () => void }) {
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
    onChanged();
  };
  const roleError = problems.map((p) => p.message).join(' ') || undefined;
  useEffect(() => document.getElementById('user-panel-title')?.focus(), []);
  return (
    <section className="card user-panel" aria-labelledby="user-panel-title" data-user-id={person.id}>
      <h3 id="user-panel-title" tabIndex={-1}>
        {person.name}
        {person.email && <span className="muted"> · {person.email}</span>}
      </h3>
      <form className="inline-form" onSubmit={saveRole} noValidate>
        <label htmlFor={`${id}-role`}>Role of {person.name}</label>
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
      <h4>Sessions</h4>
      <SessionsTable who={person.name} sessions={person.sessions ?? []} onChanged={onChanged} />
      <h4>API tokens</h4>
      <TokensPanel person={person} tokens={person.apiTokens ?? []} onChanged={onChanged} />
    </section>
  );
}

/** A person's API tokens, each revocable, and a new one whose secret is shown once. */
function TokensPanel({ person, tokens, onChanged }: { person: Person; tokens: Token[]; onChanged: () => void }) {
  const id = useId();
  const announce = useAnnounce();
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
    setSecret(result.data.createToken.secret);
    announce('Token made. Copy it now: it is shown once.');
    onChanged();
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.user-panel [data-testid="secret-box"] button')?.focus(),
    );
  };
  const revoke = async (token: Token) => {
    const result = await revokeToken({ input: { id: token.id } });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    announce(`Token ${token.label} revoked`);
    onChanged();
  };
  return (
    <div className="tokens">
      <TokensTable who={person.name} tokens={tokens} onRevoke={(t) => void revoke(t)} />
      {secret && <SecretBox title={`API token for ${person.name}`} secret={secret} onDone={() => setSecret(null)} />}
      <form className="inline-form" onSubmit={create} noValidate>
        <label htmlFor={`${id}-label`}>New token: what it is for</label>
        <input
          id={`${id}-label`}
          type="text"
          placeholder="e.g. laptop"
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
