import type { ExpressionBuilder } from 'kysely';
import { type StatementBuilder, statement, statementVariants, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import { VISIBILITY_LEVELS } from '../auth/visibility';
import { userVisible } from '../auth/visibility.queries';
import { Role } from './user.entity';
import type { SqlTimestamp } from '../../db/sql-dates';

/** Every statement of the user module. */

/** A user's id, name and role, from `users u`. */
export function userColumns(eb: ExpressionBuilder<{ u: Tables['users'] }, 'u'>) {
  return [eb.ref('u.id').as('id'), eb.ref('u.name').as('name'), eb.ref('u.role').$castTo<Role>().as('role')];
}

/** Users by id, those the viewer may see. */
export const usersByIds = statementVariants(
  'user.byIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db.selectFrom('users as u').select(userColumns).where('u.id', 'in', q.keyList('ids')).where(userVisible(level)),
);

export const userById = statement('user.byId', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('users as u').select(userColumns).where('u.id', '=', q.p.id),
);

/** The first user with this exact name. */
export const userByName = statement('user.byName', (q: StatementBuilder<{ name: string }>) =>
  q.db.selectFrom('users as u').select(userColumns).where('u.name', '=', q.p.name).limit(sql.lit(1)),
);

export const adminCount = statement('user.adminCount', (q) =>
  q.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', sql.lit(Role.ADMIN)),
);

export const insertUser = statement(
  'user.insert',
  (
    q: StatementBuilder<{
      name: string;
      role: Role;
      email: string | null;
      passwordHash: string | null;
      passwordChangedAt: SqlTimestamp | null;
    }>,
  ) =>
    q.db
      .insertInto('users')
      .values({
        name: q.p.name,
        role: q.p.role,
        email: q.p.email,
        password_hash: q.p.passwordHash,
        password_changed_at: q.p.passwordChangedAt,
      })
      .returning((eb) => ['id', 'name', eb.ref('role').$castTo<Role>().as('role')]),
);

/** The user with this (normalised) email. */
export const userByEmail = statement('user.byEmail', (q: StatementBuilder<{ email: string }>) =>
  q.db.selectFrom('users as u').select(userColumns).where('u.email', '=', q.p.email),
);

/** Every account, by name (an ADMIN's list). */
export const allUsers = statement('user.all', (q) =>
  q.db.selectFrom('users as u').select(userColumns).orderBy('u.name').orderBy('u.id'),
);

/** Accounts' emails by id (for the user themself and ADMINs: UserResolver.email). */
export const emailsByIds = statement('user.emailsByIds', (q: StatementBuilder<{ ids: readonly number[] }>) =>
  q.db
    .selectFrom('users as u')
    .select((eb) => [eb.ref('u.id').as('id'), eb.ref('u.email').as('email')])
    .where('u.id', 'in', q.keyList('ids')),
);

export const setUserEmail = statement('user.setEmail', (q: StatementBuilder<{ id: number; email: string }>) =>
  q.db.updateTable('users').set({ email: q.p.email }).where('id', '=', q.p.id),
);

export const setUserRole = statement('user.setRole', (q: StatementBuilder<{ id: number; role: Role }>) =>
  q.db.updateTable('users').set({ role: q.p.role }).where('id', '=', q.p.id),
);
