import { AnnouncerProvider } from './announcer';
import { Layout, PageTitle } from './layout';
import { AccountPage } from './pages/account';
import { AdminPage } from './pages/admin';
import { ArticlePage } from './pages/article';
import { ClaimPage } from './pages/claim';
import { FactCheckPage } from './pages/fact-check';
import { QueuePage } from './pages/queue';
import { ReviewPage } from './pages/review';
import { href, Link, RouterProvider, useRoute } from './router';
import { SessionProvider } from './session';

function CurrentPage() {
  const route = useRoute();
  switch (route.page) {
    case 'queue':
      return <QueuePage />;
    case 'article':
      return <ArticlePage key={route.id} id={route.id} />;
    case 'factCheck':
      return <FactCheckPage key={route.id} id={route.id} />;
    case 'review':
      return <ReviewPage key={route.id} id={route.id} />;
    case 'claim':
      return <ClaimPage key={route.id} id={route.id} />;
    case 'admin':
      return <AdminPage section={route.section} />;
    case 'account':
      return <AccountPage />;
    case 'notFound':
      return (
        <>
          <PageTitle>Not found</PageTitle>
          <p>
            There is no such page in the workbench. <Link to={href.queue()}>Back to the queue</Link>
          </p>
        </>
      );
  }
}

export function App() {
  return (
    <RouterProvider>
      <AnnouncerProvider>
        <SessionProvider>
          <Layout>
            <CurrentPage />
          </Layout>
        </SessionProvider>
      </AnnouncerProvider>
    </RouterProvider>
  );
}
