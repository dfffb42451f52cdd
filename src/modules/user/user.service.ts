import type { Database } from '../../db/database';
import { type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import { execute, executeOne } from '../../db/sql';
import { conflict, DomainError, ErrorCode, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { Role } from './user.entity';
import {
  adminCount,
  allUsers,
  insertUser,
  setUserEmail,
  setUserRole,
  userByEmail,
  userById,
  userByName,
} from './user.queries';
import { badUserInput } from '../../domain/errors';
import { normalizeEmail } from '../auth/password';

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

  /**
   * Creates an account; with an email (normalised; another account's is CONFLICT on
   * `input.email`) and, from the command line, the hash of its first password.
   */
  create(
    name: string,
    role: Role,
    options: { email?: string | null; passwordHash?: string | null } = {},
  ): Promise<StoredUser> {
    let email: string | null = null;
    if (options.email != null) {
      email = normalizeEmail(options.email);
      if (!email) throw badUserInput('This is not an email address.', 'input.email');
    }
    return this.db.writes.run(async (manager) => {
      if (email && (await executeOne(manager, userByEmail, { email })))
        throw new DomainError(ErrorCode.CONFLICT, 'Another account has this email.', 'input.email');
      return (
        await execute(manager, insertUser, {
          name: clean(name),
          role,
          email,
          passwordHash: options.passwordHash ?? null,
          passwordChangedAt: options.passwordHash ? (toSqlDate(new Date()) as SqlTimestamp) : null,
        })
      )[0];
    });
  }

  /** Every account, by name. */
  list(): Promise<StoredUser[]> {
    return this.db.reader.rows(allUsers, {});
  }

  /** The account with this email (normalised), if any. */
  async byEmail(raw: string): Promise<StoredUser | null> {
    const email = normalizeEmail(raw);
    return email ? ((await this.db.reader.row(userByEmail, { email })) ?? null) : null;
  }

  /** The user with this name, created with `role` if there is none (the token CLI). */
  findOrCreate(name: string, role: Role): Promise<{ user: StoredUser; created: boolean }> {
    return this.db.writes.run(async (manager) => {
      const existing = await executeOne(manager, userByName, { name: clean(name) });
      if (existing) return { user: existing, created: false };
      const [user] = await execute(manager, insertUser, {
        name: clean(name),
        role,
        email: null,
        passwordHash: null,
        passwordChangedAt: null,
      });
      return { user, created: true };
    });
  }

  /** Gives an account its sign-in email (the demo accounts; CONFLICT when another has it). */
  setEmail(userId: number, raw: string): Promise<void> {
    const email = normalizeEmail(raw);
    if (!email) throw badUserInput('This is not an email address.', 'email');
    return this.db.writes.run(async (manager) => {
      const holder = await executeOne(manager, userByEmail, { email });
      if (holder && holder.id !== userId)
        throw new DomainError(ErrorCode.CONFLICT, 'Another account has this email.', 'email');
      await execute(manager, setUserEmail, { id: userId, email });
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
