import { PageTitle } from '../layout';

export function ReviewPage({ id }: { id: string }) {
  return <PageTitle>Review {id}</PageTitle>;
}
