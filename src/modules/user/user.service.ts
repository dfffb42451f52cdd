import type { Database } from '../../db/database';
import { conflict, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { Role, UserEntity } from './user.entity';

const LAST_ADMIN = 'This would leave no ADMIN: give another user the ADMIN role first.';

/** Newsroom accounts. Authorization is checked by the caller (ADMIN mutations, the CLI). */
export class UserService {
  private readonly db: Database;

  constructor({ db }: { db: Database }) {
    this.db = db;
  }

  create(name: string, role: Role): Promise<UserEntity> {
    return this.db.writes.run((manager) => manager.save(manager.create(UserEntity, { name: clean(name), role })));
  }

  /** The user with this name, created with `role` if there is none (the token CLI). */
  findOrCreate(name: string, role: Role): Promise<{ user: UserEntity; created: boolean }> {
    return this.db.writes.run(async (manager) => {
      const existing = await manager.findOneBy(UserEntity, { name: clean(name) });
      if (existing) return { user: existing, created: false };
      return { user: await manager.save(manager.create(UserEntity, { name: clean(name), role })), created: true };
    });
  }

  setRole(userId: number, role: Role): Promise<UserEntity> {
    return this.db.writes.run(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { id: userId });
      if (!user) throw notFound('No such user.', 'input.userId');
      if (user.role === Role.ADMIN && role !== Role.ADMIN && (await manager.countBy(UserEntity, { role: Role.ADMIN })) === 1) throw conflict(LAST_ADMIN);
      user.role = role;
      await manager.update(UserEntity, { id: userId }, { role });
      return user;
    });
  }
}
