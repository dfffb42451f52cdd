import { createContext, type MouseEvent, type ReactNode, useContext, useEffect, useState } from 'react';

/**
 * The workbench's own small router: every page lives under /review and the server answers each
 * with the same shell, so links are real addresses (bookmarkable, open in a new tab) and moving
 * between pages is pushState.
 */
export const BASE = '/review';

export type Route =
  | { page: 'queue' }
  | { page: 'article'; id: string }
  | { page: 'factCheck'; id: string }
  | { page: 'review'; id: string }
  | { page: 'claim'; id: string }
  | { page: 'admin'; section: string }
  | { page: 'account' }
  | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'queue' };
  const [head, id, tail] = parts;
  if (head === 'articles' && id && !tail) return { page: 'article', id };
  if (head === 'fact-checks' && id && !tail) return { page: 'factCheck', id };
  if (head === 'fact-checks' && id && tail === 'review') return { page: 'review', id };
  if (head === 'claims' && id && !tail) return { page: 'claim', id };
  if (head === 'admin') return { page: 'admin', section: id ?? 'users' };
  if (head === 'account' && !id) return { page: 'account' };
  return { page: 'notFound' };
}

/** The address of a page. */
export const href = {
  queue: () => BASE,
  article: (id: string) => `${BASE}/articles/${encodeURIComponent(id)}`,
  factCheck: (id: string) => `${BASE}/fact-checks/${encodeURIComponent(id)}`,
  review: (id: string) => `${BASE}/fact-checks/${encodeURIComponent(id)}/review`,
  claim: (id: string) => `${BASE}/claims/${encodeURIComponent(id)}`,
  admin: (section = 'users') => `${BASE}/admin/${section}`,
  account: () => `${BASE}/account`,
};

const RouteContext = createContext<Route>({ page: 'queue' });

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => {
      setRoute(parseRoute(location.pathname));
      // A new page: move focus to its heading, as a full page load would for a screen reader.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return <RouteContext.Provider value={route}>{children}</RouteContext.Provider>;
}

export const useRoute = () => useContext(RouteContext);

/** A link to a page of the workbench: a real anchor, followed without a reload. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
