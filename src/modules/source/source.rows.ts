import type { SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { SourceKind } from './source.entity';

export interface SourceRow extends TypedRow {
  id: number;
  url: string;
  title: string;
  publisher: string | null;
  publishedAt: SqlTimestamp | null;
  kind: SourceKind;
  accessedAt: SqlTimestamp | null;
}

export interface SourceSqlRow {
  id: number;
  url: string;
  title: string;
  publisher: string | null;
  publishedAt: SqlTimestamp | null;
  kind: SourceKind;
  accessedAt: SqlTimestamp | null;
}

export const SOURCE_COLUMNS = `s.id, s.url, s.title, s.publisher, s.published_at AS publishedAt, s.kind, s.accessed_at AS accessedAt`;

export function toSourceRow(row: SourceSqlRow): SourceRow {
  return { __typename: 'Source', ...row };
}
