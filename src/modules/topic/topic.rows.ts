import type { SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';

/** A topic as served to GraphQL. */
export interface TopicRow extends TypedRow {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  createdAt: SqlTimestamp;
  updatedAt: SqlTimestamp;
}

export function toTopicRow(row: Omit<TopicRow, '__typename'>): TopicRow {
  return {
    __typename: 'Topic',
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
