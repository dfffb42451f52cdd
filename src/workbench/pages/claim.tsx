import { PageTitle } from '../layout';

export function ClaimPage({ id }: { id: string }) {
  return <PageTitle>Claim {id}</PageTitle>;
}
