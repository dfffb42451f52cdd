import { PageTitle } from '../layout';

export function ArticlePage({ id }: { id: string }) {
  return <PageTitle>Article {id}</PageTitle>;
}
