import type { ExpressionBuilder } from 'kysely';
import { type StatementBuilder, statement, statementVariants, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import { VISIBILITY_LEVELS } from '../auth/visibility';
import { userVisible } from '../auth/visibility.queries';
import { Role } from './user.entity';

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

export const insertUser = statement('user.insert', (q: StatementBuilder<{ name: string; role: Role }>) =>
  q.db
    .insertInto('users')
    .values({ name: q.p.name, role: q.p.role })
    .returning((eb) => ['id', 'name', eb.ref('role').$castTo<Role>().as('role')]),
);

export const setUserRole = statement('user.setRole', (q: StatementBuilder<{ id: number; role: Role }>) =>
  q.db.updateTable('users').set({ role: q.p.role }).where('id', '=', q.p.id),
);
