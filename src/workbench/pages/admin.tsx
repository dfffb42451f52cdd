import { PageTitle } from '../layout';

export function AdminPage({ section }: { section: string }) {
  return <PageTitle>Admin: {section}</PageTitle>;
}
