import '../admin/admin.css';
import { useQuery } from 'urql';
import { ROLE_WORDS } from '../admin/common';
import { FormProblems, problemsOf } from '../errors';
import { graphql } from '../gql';
import { Loading, PageTitle } from '../layout';

const AccountViewer = graphql(`
  query AccountViewer {
    viewer {
      id
      name
      role
    }
  }
`);

/** /review/account: who you are signed in as. */
export function AccountPage() {
  const [{ data, fetching, error }] = useQuery({ query: AccountViewer });
  if (fetching && !data) return <Loading what="your account" />;
  const viewer = data?.viewer;
  return (
    <>
      <PageTitle>Your account</PageTitle>
      <FormProblems problems={problemsOf(error)} />
      {viewer && (
        <section className="card" aria-labelledby="account-who">
          <h2 id="account-who">You</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd data-testid="account-name">{viewer.name}</dd>
            <dt>Role</dt>
            <dd>{viewer.role ? ROLE_WORDS[viewer.role] : '—'}</dd>
          </dl>
        </section>
      )}
    </>
  );
}
