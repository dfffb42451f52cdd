import { PageTitle } from '../layout';

export function AccountPage() {
  return <PageTitle>Your account</PageTitle>;
}
