import '../admin/admin.css';
import { ImportedSection } from '../admin/imported';
import { ScaleSection } from '../admin/scale';
import { TopicsSection } from '../admin/topics';
import { UsersSection } from '../admin/users';
import { WebhooksSection } from '../admin/webhooks';
import { PageTitle } from '../layout';
import { href, Link } from '../router';
import { hasRole, useSession } from '../session';

/** The administration's sections, in the order of its sub-navigation. */
const SECTIONS = [
  { key: 'users', title: 'Users', Component: UsersSection },
  { key: 'scale', title: 'Rating scale', Component: ScaleSection },
  { key: 'topics', title: 'Topics', Component: TopicsSection },
  { key: 'webhooks', title: 'Webhooks', Component: WebhooksSection },
  { key: 'imported', title: 'Imported ratings', Component: ImportedSection },
] as const;

/** /review/admin/:section, for admins only: accounts, the rating scale, topics and webhooks. */
export function AdminPage({ section }: { section: string }) {
  const { user } = useSession();
  if (!hasRole(user, 'ADMIN'))
    return (
      <>
        <PageTitle>Administration</PageTitle>
        <p className="notice warn" data-testid="admin-refused">
          Only administrators can open the administration. Ask an administrator if you need an account, a topic or a
          rating changed.
        </p>
        <p>
          <Link to={href.queue()}>Back to the queue</Link>
        </p>
      </>
    );
  const current = SECTIONS.find((s) => s.key === section);
  return (
    <>
      <PageTitle>Administration{current ? `: ${current.title}` : ''}</PageTitle>
      <nav aria-label="Administration" className="admin-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key} aria-current={s.key === section ? 'page' : undefined}>
              <Link to={href.admin(s.key)}>{s.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {current ? (
        <current.Component />
      ) : (
        <p>
          There is no such section. <Link to={href.admin()}>Go to Users</Link>
        </p>
      )}
    </>
  );
}
