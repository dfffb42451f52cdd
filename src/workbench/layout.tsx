import type { ReactNode } from 'react';
import { href, Link, useRoute } from './router';
import { hasRole, useSession } from './session';
import { readSettings } from './settings';

const ROLE_NAMES = { REVIEWER: 'Reviewer', EDITOR: 'Editor', ADMIN: 'Admin' } as const;

/** The frame of every page: where you are, where you can go, who you are signed in as. */
export function Layout({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const route = useRoute();
  const current = (page: string) => (route.page === page ? 'page' : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <p className="brand">
          <Link to={href.queue()}>{readSettings().organisation} workbench</Link>
        </p>
        <nav aria-label="Workbench">
          <ul>
            <li aria-current={current('queue')}>
              <Link to={href.queue()}>Queue</Link>
            </li>
            {hasRole(user, 'ADMIN') && (
              <li aria-current={current('admin')}>
                <Link to={href.admin()}>Admin</Link>
              </li>
            )}
            <li aria-current={current('account')}>
              <Link to={href.account()}>Account</Link>
            </li>
          </ul>
        </nav>
        <div className="who">
          <span>
            {user.name} · {ROLE_NAMES[user.role]}
          </span>
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** A page's heading, focusable so moving between pages moves screen readers to it. */
export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}
