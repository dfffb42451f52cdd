import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role';

export { Role };

/** A newsroom account (the table); the API serves it as UserType (user.types.ts). */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /**
   * The sign-in address, normalised (trimmed, lower case: normalizeEmail), so the unique index
   * is case-insensitive. Null for accounts made before staff sign-in, or token-only ones.
   */
  @Index('IDX_users_email', { unique: true })
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** The argon2id hash (PHC text) of the password; null: no password sign-in (SSO or invited accounts). */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'password_changed_at', type: Date, nullable: true })
  passwordChangedAt: Date | null;
}
