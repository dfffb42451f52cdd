import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import { conflict, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { Role } from './user.entity';
import { adminCount, insertUser, setUserRole, userById, userByName } from './user.queries';

const LAST_ADMIN = 'This would leave no ADMIN: give another user the ADMIN role first.';

/** A newsroom account as the service hands it back. */
export interface StoredUser {
  id: number;
  name: string;
  role: Role;
}

/** Newsroom accounts. Authorization is checked by the caller (ADMIN mutations, the CLI). */
export class UserService {
  private readonly db: Database;

  constructor({ db }: { db: Database }) {
    this.db = db;
  }

  create(name: string, role: Role): Promise<StoredUser> {
    return this.db.writes.run(async (manager) => (await execute(manager, insertUser, { name: clean(name), role }))[0]);
  }

  /** The user with this name, created with `role` if there is none (the token CLI). */
  findOrCreate(name: string, role: Role): Promise<{ user: StoredUser; created: boolean }> {
    return this.db.writes.run(async (manager) => {
      const existing = await executeOne(manager, userByName, { name: clean(name) });
      if (existing) return { user: existing, created: false };
      return { user: (await execute(manager, insertUser, { name: clean(name), role }))[0], created: true };
    });
  }

  setRole(userId: number, role: Role): Promise<StoredUser> {
    return this.db.writes.run(async (manager) => {
      const user = await executeOne(manager, userById, { id: userId });
      if (!user) throw notFound('No such user.', 'input.userId');
      if (user.role === Role.ADMIN && role !== Role.ADMIN && (await executeOne(manager, adminCount, {}))?.n === 1)
        throw conflict(LAST_ADMIN);
      await execute(manager, setUserRole, { id: userId, role });
      return { ...user, role };
    });
  }
}
