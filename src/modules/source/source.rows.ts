import type { SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { SourceKind } from './source.entity';

/** A source as the API serves it. */
export interface SourceRow extends TypedRow {
  id: number;
  url: string;
  title: string;
  publisher: string | null;
  publishedAt: SqlTimestamp | null;
  kind: SourceKind;
  accessedAt: SqlTimestamp | null;
}

export function toSourceRow(row: Omit<SourceRow, '__typename'>): SourceRow {
  return {
    __typename: 'Source',
    id: row.id,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    publishedAt: row.publishedAt,
    kind: row.kind,
    accessedAt: row.accessedAt,
  };
}
