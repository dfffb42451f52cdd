import { PageTitle } from '../layout';

export function FactCheckPage({ id }: { id: string }) {
  return <PageTitle>Fact-check {id}</PageTitle>;
}
