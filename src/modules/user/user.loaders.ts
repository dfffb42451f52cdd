import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { Visibility } from '../auth/visibility';
import type { Role } from './user.entity';
import { emailsByIds, usersByIds } from './user.queries';

/** A user as rows carry it; the role reaches the API only for staff (UserResolver.role). */
export interface UserRow extends TypedRow {
  id: number;
  name: string;
  role: Role;
}

/** A user as GraphQL serves it, from columns joined into another row's statement. */
export function userRow(id: number, name: string, role: Role): UserRow {
  return { __typename: 'User', id, name, role };
}

export interface UserLoaders {
  userById: DataLoader<number, UserRow | null>;
  /** Emails by user id, whoever may see them: UserResolver.email decides who does. */
  userEmailById: DataLoader<number, string | null>;
}

export function createUserLoaders(reader: SqlReader, visibility: Visibility): UserLoaders {
  return {
    userById: new DataLoader<number, UserRow | null>(async (ids) => {
      const rows = await reader.rows(usersByIds[visibility.level], { ids });
      const byId = new Map(rows.map((row) => [row.id, userRow(row.id, row.name, row.role)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    userEmailById: new DataLoader<number, string | null>(async (ids) => {
      const rows = await reader.rows(emailsByIds, { ids });
      const byId = new Map(rows.map((row) => [row.id, row.email]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
