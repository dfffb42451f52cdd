import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle } from '../layout';

const QueueViewer = graphql(`
  query QueueViewer {
    viewer {
      id
      name
    }
  }
`);

export function QueuePage() {
  const [{ data, fetching }] = useQuery({ query: QueueViewer });
  if (fetching && !data) return <Loading what="your queue" />;
  return <PageTitle>{data?.viewer ? `${data.viewer.name}’s queue` : 'Queue'}</PageTitle>;
}
